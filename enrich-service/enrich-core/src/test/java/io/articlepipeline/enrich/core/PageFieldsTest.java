package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageFieldsTest {

  private static final PageFields SAMPLE = Shared.ENRICHER.pageFields(SamplePage.text());

  @Test
  void titleIsTheHeadlineUnderTheBreadcrumb() {
    assertThat(SAMPLE.title()).isEqualTo("郑州上街区:用好文明实践阵地 打造新时代志愿服务广阔舞台");
  }

  @Test
  void categoryComesFromTheBreadcrumb() {
    assertThat(SAMPLE.category()).isEqualTo("志愿服务");
  }

  @Test
  void sourceComesFromTheDisclaimerWhenThereIsNoSourceLine() {
    assertThat(SAMPLE.source()).isEqualTo("中国公益报道网");
  }

  @Test
  void authorIsTheTrailingCreditWithoutThePersonName() {
    assertThat(SAMPLE.author()).isEqualTo("郑州市上街区委宣传部");
  }

  @Test
  void sourceLineWinsAndStopsBeforeTheEditor() {
    PageFields f = Shared.ENRICHER.pageFields(
        "捐款捐物 四川省红十字会紧急驰援河南防汛救灾\n2021-07-21 13:52:48来源:四川在线编辑:余义勇\n正文第一段很长很长的内容。");
    assertThat(f.source()).isEqualTo("四川在线");
  }

  @Test
  void aPageWithoutChromeHasNoFields() {
    PageFields f = Shared.ENRICHER.pageFields("今天天气很好,我们去公园散步,看到很多人在锻炼身体。");
    assertThat(f.category()).isNull();
    assertThat(f.source()).isNull();
    assertThat(f.author()).isNull();
  }
}
