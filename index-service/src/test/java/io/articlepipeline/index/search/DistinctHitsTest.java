package io.articlepipeline.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctHitsTest {

  private static SearchResult.Hit hit(String id, String title) {
    return new SearchResult.Hit(id, title, title, "", List.of(), List.of(), null, null, "zh", null, null, 1.0, null, null);
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
  void aHeadlineCutShortIsTheStoryItBegins() {
    List<SearchResult.Hit> hits = List.of(
        hit("cut", "江南时报讯 今年以来,南京市高淳区固城街道新时代文明实践所持续加强志愿队伍建设,…"),
        hit("longer", "江南时报讯 今年以来,南京市高淳区固城街道新时代文明实践所持续加强志愿队伍建设,坚持志愿服务项目化"),
        hit("short1", "志愿服务进社区"),
        hit("short2", "志愿服务"),
        hit("own-cut", "郑州上街区:用好文明实践阵地 打造新时代志愿服务…"));

    List<SearchResult.Hit> similar = DistinctHits.of("郑州上街区:用好文明实践阵地 打造新时代志愿服务广阔舞台", hits, 10);

    // short headlines that begin one another are different stories; long cut ones are the same
    assertThat(similar).extracting(SearchResult.Hit::id).containsExactly("cut", "short1", "short2");
  }

  @Test
  void headlinesCompareWithoutWidthCaseSpacesAndPunctuation() {
    assertThat(DistinctHits.key("Red Cross: Volunteers!")).isEqualTo(DistinctHits.key("red cross volunteers"));
    assertThat(DistinctHits.key("ＡＢＣ－１２３")).isEqualTo("abc123");
    assertThat(DistinctHits.key(" … ")).isNull();
    assertThat(DistinctHits.of(null, List.of(hit("a", "x"), hit("b", "y")), 5)).hasSize(2);
  }
}
