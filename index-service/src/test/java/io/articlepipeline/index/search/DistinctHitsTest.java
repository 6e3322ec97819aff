package io.articlepipeline.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctHitsTest {

  private static SearchResult.Hit hit(String id, String title) {
    return new SearchResult.Hit(id, title, title, "", List.of(), List.of(), null, null, "zh", null, null, 1.0);
  }

  @Test
  void copiesOfTheArticleBeingReadAndRepeatedStoriesAreLeftOut() {
    List<SearchResult.Hit> hits = List.of(
        hit("copy", "郑州上街区:用好文明实践阵地 打造新时代志愿服务广阔舞台"),
        hit("b1", "青年志愿服务进社区"),
        hit("b2", "青年志愿服务进社区 "),
        hit("c", "红十字会驰援灾区"),
        hit("untitled", null),
        hit("d", "another story"));

    List<SearchResult.Hit> similar = DistinctHits.of("郑州上街区：用好文明实践阵地　打造新时代志愿服务广阔舞台", hits, 3);

    assertThat(similar).extracting(SearchResult.Hit::id).containsExactly("b1", "c", "untitled");
  }

  @Test
  void headlinesCompareWithoutWidthCaseSpacesAndPunctuation() {
    assertThat(DistinctHits.key("Red Cross: Volunteers!")).isEqualTo(DistinctHits.key("red cross volunteers"));
    assertThat(DistinctHits.key("ＡＢＣ－１２３")).isEqualTo("abc123");
    assertThat(DistinctHits.key(" … ")).isNull();
    assertThat(DistinctHits.of(null, List.of(hit("a", "x"), hit("b", "y")), 5)).hasSize(2);
  }
}
