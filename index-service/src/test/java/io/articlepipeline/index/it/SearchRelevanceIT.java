package io.articlepipeline.index.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.index.relevance.Judgments;
import io.articlepipeline.index.relevance.RelevanceMetrics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relevance regression on the whole pipeline: the corpus goes in through ingest, is enriched and
 * indexed, and the judged queries must keep their mean nDCG@10 and MRR above a floor. Needs
 * INDEX_URL, INGEST_URL and SUBMIT_TOKEN; prints the per-query figures. The repository's own corpus
 * and judgments always; with EVAL_DIR the development articles and their judgments as well.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceIT {

  /** Floors set below the figures measured when the set was written (see the README of the module). */
  static final double NDCG_FLOOR = 0.85;
  static final double MRR_FLOOR = 0.85;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private String indexUrl;

  @BeforeAll
  void loadCorpus() throws Exception {
    indexUrl = PipelineEnv.indexUrl();
    List<String> ids = new CorpusLoader(PipelineEnv.ingestUrl(), PipelineEnv.submitToken()).loadAll();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      for (String id : ids) {
        if (get("/api/articles/" + id).statusCode() != 200) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void judgedQueriesKeepTheirRanking() throws Exception {
    List<Judgments> judgments = new ArrayList<>(Judgments.load());
    if (CorpusLoader.devArticles().isPresent()) {
      judgments.addAll(Judgments.loadDev());
    }
    double ndcgSum = 0;
    double rrSum = 0;
    StringBuilder report = new StringBuilder();
    for (Judgments j : judgments) {
      List<String> ranked = search(j.query());
      double ndcg = RelevanceMetrics.ndcg(ranked, j.grades(), 10);
      double rr = RelevanceMetrics.reciprocalRank(ranked, j.grades());
      ndcgSum += ndcg;
      rrSum += rr;
      report.append(String.format("%-36s nDCG@10=%.3f RR=%.3f top=%s%n", j.query(), ndcg, rr,
          ranked.subList(0, Math.min(3, ranked.size()))));
    }
    double ndcg = ndcgSum / judgments.size();
    double mrr = rrSum / judgments.size();
    report.append(String.format("MEAN over %d queries: nDCG@10=%.3f MRR=%.3f%n", judgments.size(), ndcg, mrr));
    System.getLogger(SearchRelevanceIT.class.getName()).log(System.Logger.Level.INFO, "\n" + report);
    assertThat(ndcg).as(report.toString()).isGreaterThanOrEqualTo(NDCG_FLOOR);
    assertThat(mrr).as(report.toString()).isGreaterThanOrEqualTo(MRR_FLOOR);
  }

  private List<String> search(String q) throws Exception {
    HttpResponse<String> r = get("/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as("search " + q).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode hit : json.readTree(r.body()).get("hits")) {
      ids.add(hit.get("id").asString());
    }
    return ids;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(indexUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
