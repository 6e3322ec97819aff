package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplePageEnrichmentTest {

  private static final Enrichment RESULT =
      Shared.ENRICHER.enrich(new EnrichmentRequest(null, SamplePage.text(), null));

  private static List<String> orgNames() {
    return RESULT.organizations().stream().map(Organization::name).toList();
  }

  private static List<String> keywordTexts() {
    return RESULT.keywords().stream().map(Keyword::text).toList();
  }

  @Test
  void findsTheCreditedDepartment() {
    assertThat(orgNames()).contains("郑州市上街区委宣传部");
  }

  @Test
  void findsTheCentreWithItsFullPlacePrefix() {
    assertThat(orgNames()).contains("郑州市上街区新时代文明实践中心").doesNotContain("文明实践中心");
  }

  @Test
  void aHardWrappedCopyOfThePageKeepsTheNamesAndPhrasesItsLineBreaksCut() {
    String wrapped = io.articlepipeline.text.SoftWraps.hardWrap(SamplePage.text(), 40);
    Enrichment r = Shared.ENRICHER.enrich(new EnrichmentRequest(null, wrapped, null));
    List<String> names = r.organizations().stream().map(Organization::name).toList();
    // the short form and the key phrase are cut by a break somewhere on the wrapped page
    assertThat(names).contains("郑州市上街区新时代文明实践中心", "上街区新时代文明实践中心", "中国公益报道网");
    assertThat(names).allSatisfy(n -> assertThat(n).doesNotContain("\n"));
    assertThat(r.keywords().stream().map(Keyword::text)).contains("新时代文明实践", "志愿服务", "志愿服务队");
    for (Organization o : r.organizations()) {
      if (o.start() >= 0) {
        assertThat(wrapped.substring(o.start(), o.end()).replace("\n", "")).isEqualTo(o.name());
      }
    }
  }

  @Test
  void organizationsCarryTypeAndConfidence() {
    Organization dept = RESULT.organizations().stream()
        .filter(o -> o.name().equals("郑州市上街区委宣传部")).findFirst().orElseThrow();
    assertThat(dept.type()).isEqualTo(OrganizationType.PARTY);
    assertThat(dept.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void organizationsAreInOrderOfFirstMention() {
    List<Integer> starts = RESULT.organizations().stream().map(Organization::start).toList();
    assertThat(starts).isSorted();
  }

  @Test
  void organizationOffsetsPointAtTheNameInTheSubmittedBody() {
    String body = SamplePage.text();
    for (Organization o : RESULT.organizations()) {
      if (o.start() >= 0) {
        assertThat(body.substring(o.start(), o.end())).isEqualTo(o.name());
      }
    }
  }

  @Test
  void countsAreNotGluedToOrganizations() {
    assertThat(orgNames()).noneMatch(n -> Character.isDigit(n.charAt(0)));
  }

  @Test
  void keywordsAreNeverSingleCharacters() {
    assertThat(keywordTexts()).isNotEmpty().allMatch(k -> k.length() >= 2);
  }

  @Test
  void keywordsIncludeTheTopic() {
    assertThat(keywordTexts()).contains("志愿服务");
  }

  @Test
  void keywordsCarryDecreasingScores() {
    List<Double> scores = RESULT.keywords().stream().map(Keyword::score).toList();
    assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void keywordsTakeNothingFromDisclaimerOrFooter() {
    assertThat(keywordTexts()).noneMatch(k -> k.contains("公益报道") || k.contains("版权")
        || k.contains("许可证") || k.contains("免责") || k.contains("声明"));
  }

  @Test
  void cleanBodyDropsBreadcrumbFooterAndTheCutCopyOfTheFirstParagraph() {
    String clean = RESULT.cleanBody();
    assertThat(clean).doesNotContain("首页 >", "免责声明", "Copyright", "编辑:", "关于我们");
    assertThat(clean.split("郑州市上街区新时代文明实践中心着力打造", -1)).hasSize(2);
  }

  @Test
  void bodyTokensAreLowerCaseWordsWithoutPunctuation() {
    assertThat(RESULT.bodyTokens()).contains("志愿", "郑州市").doesNotContain(",", "。", "“");
  }
}
