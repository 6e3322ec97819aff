package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageCleanupTest {

  private static Enrichment enrich(String body) {
    return Shared.ENRICHER.enrich(new EnrichmentRequest(null, body, null));
  }

  @Test
  void aHardWrappedPageIsReadLineByLogicalLine() {
    String page = "深圳市龙岗区慈善会举办敬老活动\n"
        + "本次公益活动由深圳市龙岗区慈善会主办,共有20名志愿者参加。活动中志愿者走访了中国红十字基金会和当地敬老院,"
        + "为老人送去慰问品。\n"
        + "来源:深圳市龙岗区慈善会官方网站\n"
        + "编辑:张三";
    String wrapped = io.articlepipeline.text.SoftWraps.hardWrap(page, 28);
    assertThat(wrapped).contains("来源:深圳市龙岗区慈善会官方\n网站");
    Enrichment plain = enrich(page);
    Enrichment cut = enrich(wrapped);
    // the source line the wrapper cut is read whole, as are the paragraph's lines (all content)
    assertThat(plain.page().source()).isEqualTo("深圳市龙岗区慈善会官方网站");
    assertThat(cut.page().source()).isEqualTo(plain.page().source());
    assertThat(cut.cleanBody().replace("\n", "")).isEqualTo(plain.cleanBody().replace("\n", ""));
    assertThat(cut.keywords()).isEqualTo(plain.keywords());
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
  void aCreditLineThatRunsOnIntoTheFirstParagraphKeepsTheParagraph() {
    String paragraph = "正值重阳节,“衡阳群众”市义工协会志愿者来到石鼓区万众和敬老院开展“三社联动庆双节孝亲敬老重晚晴”敬老活动。";
    String page = "来源:掌上衡阳 (记者金明达 通讯员莫静) " + paragraph + "\n"
        + "志愿者有的陪老人聊天,有的帮老人剪指甲、打扫卫生。\n责任编辑:张三";
    Enrichment e = enrich(page);
    assertThat(e.cleanBody()).isEqualTo(paragraph + "\n志愿者有的陪老人聊天,有的帮老人剪指甲、打扫卫生。");
    assertThat(e.page().source()).isEqualTo("掌上衡阳");
    assertThat(e.bodyTokens()).contains("重阳节", "敬老院").doesNotContain("金明达", "莫静");
    assertThat(e.keywords()).extracting(Keyword::text).contains("重阳节", "敬老院");
  }

  @Test
  void aShortCreditLineStaysOutOfTheBody() {
    String page = "来源:新华社 (记者张三 通讯员李四) 2021年10月25日\n"
        + "衡阳市义工协会志愿者来到敬老院开展敬老活动,为老人们包饺子、剪指甲、打扫卫生。";
    assertThat(enrich(page).cleanBody())
        .isEqualTo("衡阳市义工协会志愿者来到敬老院开展敬老活动,为老人们包饺子、剪指甲、打扫卫生。");
  }

  @Test
  void keywordsDropPinyinResidue() {
    Enrichment e = enrich("上海市慈善基金會舉辦藍天下的至愛系列活動,開通網(wǎng)上募捐。"
        + "網(wǎng)上募捐吸引了許多市民。藍天下的至愛活動已舉辦多年。");
    List<String> keywords = e.keywords().stream().map(Keyword::text).toList();
    assertThat(keywords).noneMatch(k -> k.contains("wǎng"));
  }

  @Test
  void copyProtectionNoiseIsNotAnalysedAndTheHeadlineSurvivesIt() {
    String page = "本帖最后由 以清 于 2012-8-16 15:39 编辑\n"
        + "4 f: B- O+ p\" H+ `\" F' ^) b中华儿慈会拨付1000万资助65个民间公益项目\n"
        + "$ M& r+ x; i2 l: [( H 新华网北京7月31日电 中华少年儿童慈善救助基金会在北京举行资助项目签约仪式。! ^ i";
    Enrichment e = enrich(page);
    assertThat(e.page().title()).isEqualTo("中华儿慈会拨付1000万资助65个民间公益项目");
    assertThat(e.keywords()).noneMatch(k -> k.text().matches(".*[\\^$&;+].*"));
    assertThat(e.bodyTokens()).doesNotContain("^", "m&", "i2");
  }

  @Test
  void aRowOfShortLinksIsNotTheHeadline() {
    PageFields f = Shared.ENRICHER.pageFields("广州 深圳 珠海 汕头 佛山 韶关 河源\n"
        + "成都大运会城市志愿者注册人数突破69万\n2021-02-26 08:36 来源:新华社\n"
        + "新华社成都2月25日电 记者25日从成都大运会执委会获悉,城市志愿者注册人数突破69万。");
    assertThat(f.title()).isEqualTo("成都大运会城市志愿者注册人数突破69万");
    assertThat(f.source()).isEqualTo("新华社");
  }

  @Test
  void aOneLineArticleIsBodyNotHeadline() {
    String line = "浙商银行企业信贷部叶老桂博士则从另一个角度对五道门槛进行了解读,";
    Enrichment e = enrich(line);
    assertThat(e.cleanBody()).isEqualTo(line);
    assertThat(e.bodyTokens()).contains("浙商");
  }

  @Test
  void languageIsDetectedFromTheScript() {
    assertThat(enrich("The Red Cross opened shelters for families.").language()).isEqualTo("en");
    assertThat(enrich("上海市慈善基金會舉辦募捐活動,愛心企業踴躍參與。").language()).isEqualTo("zh-Hant");
    assertThat(enrich("上海市慈善基金会举办募捐活动。").language()).isEqualTo("zh");
  }
}
