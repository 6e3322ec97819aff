package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What an editor would strike from a keyword list: addresses, titles of office, idioms said once. */
class KeywordNoiseTest {

  private static List<String> keywords(String title, String body) {
    return Shared.ENRICHER.enrich(new EnrichmentRequest(title, body, "zh")).keywords().stream()
        .map(Keyword::text).toList();
  }

  @Test
  void webAndMailAddressesAreNotKeywords() {
    List<String> k = keywords("重阳节志愿者走进敬老院", """
        重阳节当天,志愿者来到敬老院看望老人,为老人表演节目。志愿者还为老人包饺子。
        地址:合肥市蜀山区 网址:http://www.hfyggy.com/ 邮箱:service@hfyggy.org E-mail:951445585@qq.com
        """);
    assertThat(k).contains("重阳节", "敬老院")
        .noneMatch(w -> w.toLowerCase().contains("hfyggy") || w.equalsIgnoreCase("e-mail") || w.contains("qq"));
  }

  @Test
  void aPluralIsTheSamePhrase() {
    List<String> k = keywords("重阳节志愿者走进敬老院", """
        重阳节当天,志愿者来到敬老院看望老人们,为老人们表演节目。老人们很开心。
        志愿者还为老人包饺子,老人们说,感谢志愿者。
        """);
    assertThat(k).contains("老人").doesNotContain("老人们");
  }

  @Test
  void titlesOfOfficeAreNotKeywords() {
    List<String> k = keywords("三方签署战略合作框架协议", """
        上海建工集团总裁、副总裁出席签约仪式。卓越金融总裁致辞,中福实业副总裁介绍合作项目。
        三方将在建设工程领域开展战略合作。总裁表示,战略合作将推动项目融资。
        """);
    assertThat(k).contains("战略合作").doesNotContain("总裁", "副总裁");
  }

  @Test
  void anIdiomSaidOnceIsAFlourishNotTheTopic() {
    List<String> k = keywords("", """
        秋高气爽,青岛市慈善总会举行慈善一日捐集中捐赠仪式。慈善一日捐活动已经开展二十年,
        爱心企业踊跃参加慈善一日捐。
        """);
    assertThat(k).contains("慈善一日捐");
    // below the topic and the event (it used to come first: a rare word, and the page's opening)
    assertThat(k.indexOf("秋高气爽")).satisfiesAnyOf(i -> assertThat(i).isNegative(), i -> assertThat(i).isGreaterThan(2));
  }
}
