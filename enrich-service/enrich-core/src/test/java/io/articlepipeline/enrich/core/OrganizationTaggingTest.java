package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationTaggingTest {

  private static List<String> orgs(String body) {
    return orgs(Shared.ENRICHER, body);
  }

  private static List<String> orgs(ArticleEnricher enricher, String body) {
    return enricher.enrich(new EnrichmentRequest(null, body, null)).organizations().stream()
        .map(Organization::name).toList();
  }

  @Test
  void leadingCountIsNotPartOfTheName() {
    assertThat(orgs("活动吸引了3家爱心企业和北京市慈善协会参加。"))
        .contains("北京市慈善协会").noneMatch(n -> n.startsWith("3") || n.startsWith("家"));
  }

  @Test
  void placePrefixJoinsTheName() {
    assertThat(orgs("日前,永春县民政局联合南京市高淳区固城街道新时代文明实践所开展志愿服务活动。"))
        .contains("南京市高淳区固城街道新时代文明实践所");
  }

  @Test
  void aCompanyWithItsCityInBracketsKeepsItsBrand() {
    // the brand delimited by the list, or the words before the bracket up to a preposition
    assertThat(orgs("本次活动由星河互联(上海)信息技术有限公司、善行天下(深圳)文化传播有限公司联合主办。"))
        .contains("星河互联(上海)信息技术有限公司", "善行天下(深圳)文化传播有限公司")
        .noneMatch(n -> n.startsWith("上海") || n.startsWith("深圳") || n.startsWith("由"));
    // a name that already holds its brand is left alone; a verb before the brand is not part of it
    assertThat(orgs("今天的嘉宾,有请星河互联(上海)信息技术有限公司总经理王明。"))
        .noneMatch(n -> n.startsWith("有请") || n.startsWith("上海"));
  }

  @Test
  void aWireDatelineNamesTheOutlet() {
    assertThat(orgs("人民网北京3月2日电 (记者 王明)今天,志愿者来到敬老院看望老人。")).contains("人民网");
    assertThat(orgs("东南网12月3日讯 今天上午,福州市举行志愿服务活动。")).contains("东南网");
    assertThat(orgs("今年以来全市12月3日电话回访群众。")).isEmpty();
    // the outlet ends where the place begins; the paper's own voice is no outlet
    assertThat(orgs("新华网台北8月11日电 今天,两岸志愿者举行交流活动。")).contains("新华网").doesNotContain("新华网台");
    assertThat(orgs("本报北京3月2日电 今天,志愿者来到敬老院看望老人。")).doesNotContain("本报");
  }

  @Test
  void aNavigationRowNamingASiteOrMagazineIsAnOutlet() {
    assertThat(orgs("志愿者来到敬老院看望老人。\n  • 东海网\n\n  • 东海杂志\n互联网\n登录网\n"))
        .contains("东海网", "东海杂志").doesNotContain("互联网", "登录网");
  }

  @Test
  void shortFormsOfANameFoundInFullAreNamesToo() {
    assertThat(orgs("浙江大学今天举行开学典礼。浙大党委常务副书记在典礼上致辞,浙大将新增两个学院。"))
        .contains("浙江大学", "浙大党委", "浙大");
    assertThat(orgs("3月9日,香港星海金融有限公司与本市签署协议。星海金融将投资十亿元。"))
        .contains("香港星海金融有限公司", "星海金融");
  }

  @Test
  void aShortFormOfUnknownTypeTakesItsLongNamesType() {
    List<Organization> found = Shared.ENRICHER.enrich(new EnrichmentRequest(null,
        "3月9日,香港星海金融有限公司与本市签署协议。星海金融将投资十亿元。", null)).organizations();
    assertThat(found).filteredOn(o -> o.name().equals("星海金融"))
        .extracting(Organization::type).containsExactly(OrganizationType.COMPANY);
  }

  @Test
  void bareHeadsAreNotOrganizations() {
    assertThat(orgs("当地基金会和宣传部的工作人员参加了活动。")).doesNotContain("基金会", "宣传部");
  }

  @Test
  void traditionalTextKeepsItsSurfaceForm() {
    assertThat(orgs("上海市慈善基金會今天在虹口區舉行募捐活動,愛心企業踴躍參與。"))
        .contains("上海市慈善基金會");
  }

  @Test
  void pinyinResidueInsideANameIsKeptAsPrinted() {
    Enrichment e = Shared.ENRICHER.enrich(new EnrichmentRequest(null,
        "上海均瑤(集團(tuán))有限公司向上海市慈善基金會捐款。", "zh-Hant"));
    assertThat(e.organizations()).anyMatch(o -> o.name().contains("(tuán)")
        && o.name().endsWith("有限公司"));
  }

  @Test
  void englishFoundationsAndRedCrossAreFound() {
    assertThat(orgs("Grants were announced by the Ford Foundation and the William and Flora Hewlett "
        + "Foundation. The Texas Gulf Coast Red Cross opened shelters."))
        .contains("Ford Foundation", "William and Flora Hewlett Foundation", "Texas Gulf Coast Red Cross");
  }

  @Test
  void englishNamesWithoutAHeadAreFoundByWhatSurroundsThem() {
    assertThat(orgs("Alexion Pharmaceuticals launched its day of service in partnership with Points of Light."
        + " Over 300 volunteers from Alexion’s headquarters helped, and Altria employees joined in."
        + " “It matters,” said Sidney Falken, chief branding officer, HanesBrands."))
        .contains("Alexion Pharmaceuticals", "Points of Light", "Alexion", "Altria", "HanesBrands");
  }

  @Test
  void anEnglishPageOfManyNamesIsTaggedInOnePass() {
    // 10,000 names found by context and mentioned again: merging the candidates pair by pair
    // would compare some 10^8 pairs
    assertThat(pageOfNames(10_000, "", i -> {
      String name = "Firm" + Integer.toString(i, 26).replaceAll("[0-9]", "x") + "o";
      return "Today the " + name + " employees met, and " + name + " said so. ";
    })).contains("Firmxo", "Firmekfo");
  }

  @Test
  void aChinesePageOfManyNamesIsTaggedInOnePass() {
    // 8,000 names, each with a short form and a cited title: searching the page once per short
    // form, or looking back for a 《 from every name, would compare some 10^9 characters
    String han = "安宝春德恩福刚海和华惠吉嘉金锦康乐丽林龙美明宁平琪庆荣瑞善盛顺泰天婷伟文祥欣新信兴秀雅阳怡永勇友宇玉元悦云泽振志智忠";
    assertThat(pageOfNames(8_000, "《年度报告》\n", i -> {
      String x = "" + han.charAt(i % han.length()) + han.charAt(i / han.length() % han.length());
      return "中华" + x + "慈善基金会今天宣布," + x + "慈善基金会将捐款。\n";
    })).contains("中华安安慈善基金会", "安安慈善基金会");
  }

  /** The names found in a page of {@code head} and then {@code n} numbered sentences. */
  private static List<String> pageOfNames(int n, String head, java.util.function.IntFunction<String> sentence) {
    StringBuilder text = new StringBuilder(head);
    for (int i = 0; i < n; i++) {
      text.append(sentence.apply(i));
    }
    return orgs(text.toString());
  }

  @Test
  void aNameInsideACitedDocumentTitleIsNoMentionButAnOutletTitleIs() {
    List<String> names = orgs("各区认真落实《北京市人民政府办公厅关于印发2024年政务公开工作要点的通知》。"
        + "据《公益时报》报道,北京市慈善协会开展活动。");
    assertThat(names).contains("公益时报", "北京市慈善协会").doesNotContain("北京市人民政府办公厅");
  }

  @Test
  void anItemOfAListOfNamesIsANameToo() {
    assertThat(orgs("在小米推出芯片之前,全球范围内只有华为、三星、苹果三家公司同时做芯片和手机。"))
        .contains("华为", "三星", "苹果");
  }

  @Test
  void aListThatIsNotMostlyNamesAddsNothing() {
    assertThat(orgs("办理安监局、建设厅、电工、塔吊司机、叉车、焊工等证书。")).doesNotContain("电工", "叉车", "焊工");
    assertThat(orgs("中国移动、中国联通、张伟等三家单位的代表出席。")).doesNotContain("张伟");
  }

  @Test
  void sourceLineNamesTheOutlet() {
    assertThat(orgs("来源:掌上衡阳 (记者金明达)\n重阳节当天,志愿者来到敬老院看望老人。")).contains("掌上衡阳");
  }

  @Test
  void operatorGazetteerAddsNamesWithoutRebuild(@TempDir Path dir) throws IOException {
    Path extra = dir.resolve("extra.txt");
    Files.writeString(extra, "云朵互助社\tSOCIAL_ORGANIZATION\n");
    ArticleEnricher enricher = ArticleEnrichers.load(extra);
    Enrichment e = enricher.enrich(new EnrichmentRequest(null, "今天云朵互助社的成员来到学校。", null));
    assertThat(e.organizations()).anyMatch(o -> o.name().equals("云朵互助社")
        && o.type() == OrganizationType.SOCIAL_ORGANIZATION);
  }

  @Test
  void nameOnlyInTheTitleHasNoBodyOffsets() {
    Enrichment e = Shared.ENRICHER.enrich(new EnrichmentRequest("中国红十字会紧急驰援灾区",
        "救援物资已于昨日发往灾区。", null));
    assertThat(e.organizations()).anyMatch(o -> o.name().equals("中国红十字会") && o.start() == -1 && o.end() == -1);
  }
}
