package io.articlepipeline.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

  private static String marked(String s) {
    return Snippets.PRE + s + Snippets.POST;
  }

  @Test
  void matchesBecomeMarkTags() {
    assertThat(Snippets.toHtml("开展" + marked("志愿") + "活动")).isEqualTo("开展<mark>志愿</mark>活动");
  }

  @Test
  void adjacentMatchesMergeIntoOneMark() {
    assertThat(Snippets.toHtml(marked("志") + marked("愿") + "者")).isEqualTo("<mark>志愿</mark>者");
  }

  @Test
  void markupInTheArticleIsEscaped() {
    assertThat(Snippets.toHtml("<script>alert('x')</script>" + marked("a&b")))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<mark>a&amp;b</mark>");
  }

  @Test
  void anUnclosedMarkerIsClosed() {
    assertThat(Snippets.toHtml(Snippets.PRE + "x")).isEqualTo("<mark>x</mark>");
  }

  @Test
  void plainTextIsEscapedAndCut() {
    assertThat(Snippets.plain("<b>abcdef</b>", 6)).isEqualTo("&lt;b&gt;abc…");
  }

  @Test
  void stray_markers_in_plain_text_are_dropped() {
    assertThat(Snippets.escape("a" + Snippets.PRE + "b\"")).isEqualTo("ab&quot;");
  }
}
