package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageCleanupTest {

  private static Enrichment enrich(String body) {
    return Shared.ENRICHER.enrich(new EnrichmentRequest(null, body, null));
  }

  @Test
  void repeatedParagraphIsAnalysedOnce() {
    String p = "青岛市慈善总会举办慈善一日捐集中捐赠仪式,爱心企业踊跃参与。";
    assertThat(enrich(p + "\n" + p).cleanBody()).isEqualTo(p);
  }

  @Test
  void editorCopyrightAndNavigationLinesAreDropped() {
    String body = "留守儿童关爱工程公益活动在巢湖启动,省妇联等有关部门负责人参加了启动仪式。\n"
        + "责任编辑:张三\n关于我们| 联系我们| 广告服务\nCopyright © 2016 All Rights Reserved.";
    assertThat(enrich(body).cleanBody()).isEqualTo(
        "留守儿童关爱工程公益活动在巢湖启动,省妇联等有关部门负责人参加了启动仪式。");
  }

  @Test
  void keywordsDropPinyinResidue() {
    Enrichment e = enrich("上海市慈善基金會舉辦藍天下的至愛系列活動,開通網(wǎng)上募捐。"
        + "網(wǎng)上募捐吸引了許多市民。藍天下的至愛活動已舉辦多年。");
    List<String> keywords = e.keywords().stream().map(Keyword::text).toList();
    assertThat(keywords).noneMatch(k -> k.contains("wǎng"));
  }

  @Test
  void languageIsDetectedFromTheScript() {
    assertThat(enrich("The Red Cross opened shelters for families.").language()).isEqualTo("en");
    assertThat(enrich("上海市慈善基金會舉辦募捐活動,愛心企業踴躍參與。").language()).isEqualTo("zh-Hant");
    assertThat(enrich("上海市慈善基金会举办募捐活动。").language()).isEqualTo("zh");
  }
}
