package io.articlepipeline.index.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.articlepipeline.index.it.CorpusLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelevanceMetricsTest {

  @Test
  void idealOrderingScoresOne() {
    assertThat(RelevanceMetrics.ndcg(List.of("a", "b", "x"), Map.of("a", 2, "b", 1), 10)).isEqualTo(1.0);
  }

  @Test
  void aRelevantArticleLowerDownScoresLess() {
    double swapped = RelevanceMetrics.ndcg(List.of("b", "a"), Map.of("a", 2, "b", 1), 10);
    assertThat(swapped).isLessThan(1.0).isCloseTo((1 + 3 / Math.log(3) * Math.log(2)) / (3 + 1 / Math.log(3) * Math.log(2)),
        within(1e-9));
  }

  @Test
  void nothingFoundScoresZero() {
    assertThat(RelevanceMetrics.ndcg(List.of("x"), Map.of("a", 2), 10)).isZero();
    assertThat(RelevanceMetrics.reciprocalRank(List.of("x"), Map.of("a", 2))).isZero();
  }

  @Test
  void reciprocalRankCountsTheFirstTopGradeArticle() {
    assertThat(RelevanceMetrics.reciprocalRank(List.of("x", "b", "a"), Map.of("a", 2, "b", 1))).isEqualTo(1.0 / 3);
  }

  @Test
  void theJudgmentsFilesLoad() throws Exception {
    List<Judgments> own = Judgments.load();
    assertThat(own).hasSizeGreaterThan(10);
    assertThat(own.get(0).grades()).containsEntry("corpus-01", 2);
    List<Judgments> dev = Judgments.loadDev();
    assertThat(dev).hasSizeGreaterThan(30);
    assertThat(dev.get(0).grades()).containsEntry("articles-dev-001", 2);
  }

  @Test
  void everyJudgedArticleOfTheOwnCorpusIsInIt() throws Exception {
    Set<String> ids = new HashSet<>(CorpusLoader.ownIds());
    ids.add(CorpusLoader.SAMPLE_ID);
    for (Judgments j : Judgments.load()) {
      assertThat(ids).as(j.query()).containsAll(j.grades().keySet());
    }
  }
}
