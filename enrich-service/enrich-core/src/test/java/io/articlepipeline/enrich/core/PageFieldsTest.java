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

  @Test
  void anEnglishHeadlineIsTheLastHeadlineLikeRowBeforeTheFirstParagraph() {
    PageFields f = Shared.ENRICHER.pageFields("""
        Skip Navigation and Go Directly to Page Content
        Forms Forms | Advanced Search
        Serving Communities and Country
        About Us and Our Programs
        FOR IMMEDIATE RELEASE
        Wednesday, July 18, 2007
        CONTACT: Sandy Scott
        Email: sscott@example.org

        Outstanding Corporate Citizens Honored as Volunteer Leaders Close Conference

        Philadelphia - The volunteer and service community gathered this week to honor companies whose employees serve.
        """);
    assertThat(f.title()).isEqualTo("Outstanding Corporate Citizens Honored as Volunteer Leaders Close Conference");
  }

  @Test
  void anEnglishHeadlineAboveItsDateLineAndNotTheSiteName() {
    PageFields f = Shared.ENRICHER.pageFields("""
        CSRWire News
        Subscribe to CSRWire News feed | Events
        Hanes Launches 2018 National Sock Drive to Help the Homeless
        Wed, 11/21/2018 - 1:55pm
        Simple things can bring great comfort to those living without shelter, so the brand donates socks.
        """);
    assertThat(f.title()).isEqualTo("Hanes Launches 2018 National Sock Drive to Help the Homeless");
    // a month and a year open a headline, not a date line; two words are a name, not a headline
    assertThat(Shared.ENRICHER.pageFields("""
        September 2016 Corporate News
        Alexion Pharmaceuticals
        On September 23, 2016, Alexion Pharmaceuticals launched their first Global Day of Service with partners.
        """).title()).isEqualTo("September 2016 Corporate News");
    assertThat(Shared.ENRICHER.pageFields("""
        Press Forward
        $500 million over five years to bolster local news and journalism organizations across the country.
        """).title()).isNull();
  }

  @Test
  void aHeadlineFollowedByItsOwnPartsIsKeptWhole() {
    PageFields f = Shared.ENRICHER.pageFields("""
        京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》
        《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》
        京政办发〔2016〕26号
        京政办发〔2016〕26号
        各区人民政府,市政府各委、办、局,各市属机构:
        《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。
        """);
    assertThat(f.title()).isEqualTo("京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》");
  }
}
