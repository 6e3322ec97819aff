package io.articlepipeline.enrich.core.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.text.Segmenter;
import io.articlepipeline.text.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortFormsTest {

  private static final Segmenter SEGMENTER = Segmenter.plain();

  /** The names ShortForms returns for {@code text} when {@code found} were found in full. */
  private static List<String> names(String text, String... found) {
    List<Token> tokens = SEGMENTER.segment(text);
    List<OrgSpan> spans = new ArrayList<>();
    for (String f : found) {
      int at = text.indexOf(f);
      spans.add(new OrgSpan(at, at + f.length(), 0.8, "model"));
    }
    spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return ShortForms.add(text, tokens, spans).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  void theNameWithoutItsNationOrPlaceWordIsAShortForm() {
    assertThat(names("中华儿慈会宣布启动新项目。儿慈会理事长表示,明年将继续资助。", "中华儿慈会"))
        .containsExactly("中华儿慈会", "儿慈会");
  }

  @Test
  void shortFormsKeepTheLongNamesScoreAndSayWhereTheyCameFrom() {
    String text = "中华儿慈会宣布启动新项目。儿慈会理事长表示。";
    List<OrgSpan> out = ShortForms.add(text, SEGMENTER.segment(text),
        List.of(new OrgSpan(0, 5, 0.77, "model+place")));
    assertThat(out).hasSize(2);
    assertThat(out.get(1).confidence()).isEqualTo(0.77);
    assertThat(out.get(1).source()).isEqualTo("model+short");
  }

  @Test
  void aUniversityIsShortenedToItsPlacesFirstCharacterAndCommitteesJoinTheName() {
    assertThat(names("浙江大学今天举行开学典礼。浙大党委常务副书记致辞,浙大将新增两个学院。", "浙江大学"))
        .containsExactly("浙江大学", "浙大党委", "浙大");
  }

  @Test
  void aCommitteeBeforeATitleBelongsToTheTitle() {
    // X党委书记 is X's party secretary
    assertThat(names("浙江大学今天举行典礼。浙大党委书记致辞。", "浙江大学")).containsExactly("浙江大学", "浙大");
  }

  @Test
  void aSchoolNamedByItsCountyAndNumberNeedsTheCountyInTheText() {
    assertThat(names("泰和县教育局走访了泰和一中、泰和三中和泰和二小。", "泰和县教育局"))
        .containsExactly("泰和县教育局", "泰和一中", "泰和三中", "泰和二小");
    assertThat(names("他毕业于泰和一中。")).isEmpty();
    assertThat(names("党的十九届一中全会召开,统一中国,其中一中学生获奖。")).isEmpty();
  }

  @Test
  void aDescriptionOrAnAdministrativeLetterIsNoShortForm() {
    // 智能手机公司 is a kind of company; 县 + 教体局 is not a place word to drop
    assertThat(names("中国智能手机公司增多。智能手机公司的竞争加剧。", "中国智能手机公司"))
        .containsExactly("中国智能手机公司");
    assertThat(names("县教体局局长讲话。县教体局联合审核。", "县教体局"))
        .containsExactly("县教体局");
  }

  @Test
  void anOccurrenceInsideALongerWordOrNameIsNoShortForm() {
    // 儿慈会 glued to another place word belongs to that longer name
    assertThat(names("中华儿慈会和上海儿慈会合作。", "中华儿慈会")).containsExactly("中华儿慈会");
    // 浙大学 would be a cut word, 浙大学生 is 浙大 + 学生
    assertThat(names("浙江大学的浙大学生。", "浙江大学")).containsExactly("浙江大学", "浙大");
  }
}
