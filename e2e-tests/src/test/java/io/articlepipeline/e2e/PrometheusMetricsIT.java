package io.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each service's {@code /actuator/prometheus} carries the pipeline metrics, and those an article
 * passes through count it: one article is submitted over HTTP and waited for until searchable;
 * counts are compared with a scrape taken before, so traffic from others cannot make them pass
 * without ours (it can only add to them).
 */
class PrometheusMetricsIT {

  private static final String ENRICH = required("ENRICH_URL");
  private static final Map<String, PrometheusText> before = new LinkedHashMap<>();

  @BeforeAll
  static void submitAnArticleAndWaitUntilItIsSearchable() {
    for (String service : new String[] {Endpoints.INGEST, ENRICH, Endpoints.INDEX, Endpoints.OPS}) {
      before.put(service, scrape(service));
    }
    String marker = "指标" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response accepted = Http.post(Endpoints.INGEST + "/api/articles", Endpoints.SUBMIT_TOKEN,
        "application/json", "{\"title\": \"指标测试文章 " + marker + "\", \"body\": \"北京市红十字会开展应急救护培训。"
            + marker + "\", \"language\": \"zh\"}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String id = accepted.json().path("id").asText();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(Endpoints.INDEX + "/api/articles/" + id, null).status() == 200);
  }

  @Test
  void ingestCountsTheSubmissionInAndOutAndTimesThePublish() {
    awaitGrowth(Endpoints.INGEST, "pipeline_records_in_total", "stage", "ingest");
    awaitGrowth(Endpoints.INGEST, "pipeline_records_out_total", "stage", "ingest", "kind", "article");
    awaitGrowth(Endpoints.INGEST, "pipeline_ingest_publish_duration_seconds_count");
  }

  @Test
  void enrichCountsTheArticleInAndOutAndTimesItsEnrichment() {
    awaitGrowth(ENRICH, "pipeline_records_in_total", "stage", "enrich");
    awaitGrowth(ENRICH, "pipeline_records_out_total", "stage", "enrich", "kind", "article");
    awaitGrowth(ENRICH, "pipeline_enrich_duration_seconds_count");
    assertThat(scrape(ENRICH).has("pipeline_enrich_duration_seconds_bucket")).isTrue();
  }

  @Test
  void indexCountsTheArticleInAndOutUnderStageIndex() {
    awaitGrowth(Endpoints.INDEX, "pipeline_records_in_total", "stage", "index");
    awaitGrowth(Endpoints.INDEX, "pipeline_records_out_total", "stage", "index", "kind", "article");
    awaitGrowth(Endpoints.INDEX, "pipeline_index_documents_total", "outcome", "indexed");
    assertThat(scrape(Endpoints.INDEX).has("pipeline_records_failed_total", "stage", "index")).isTrue();
  }

  @Test
  void indexReportsBulkSizesAndLatencies() {
    awaitGrowth(Endpoints.INDEX, "pipeline_index_bulk_size_count");
    awaitGrowth(Endpoints.INDEX, "pipeline_index_bulk_size_sum");
    awaitGrowth(Endpoints.INDEX, "pipeline_index_bulk_duration_seconds_count");
    assertThat(scrape(Endpoints.INDEX).sum("pipeline_index_bulk_duration_seconds_sum")).isPositive();
  }

  @Test
  void indexReportsTheEndToEndLatencyFromSubmissionToSearchable() {
    awaitGrowth(Endpoints.INDEX, "pipeline_end_to_end_latency_seconds_count");
    PrometheusText now = scrape(Endpoints.INDEX);
    assertThat(now.sum("pipeline_end_to_end_latency_seconds_sum")).isPositive();
    assertThat(now.has("pipeline_end_to_end_latency_seconds_bucket")).isTrue();
  }

  @Test
  void theOpsConsoleReportsTheLagOfBothStagesAndTheTopicsEndOffsets() {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      PrometheusText ops = scrape(Endpoints.OPS);
      assertThat(ops.has("pipeline_ops_consumer_lag", "group", "enrich", "topic", "articles.submitted")).isTrue();
      assertThat(ops.has("pipeline_ops_consumer_lag", "group", "index", "topic", "articles.enriched")).isTrue();
      assertThat(ops.sum("pipeline_ops_consumer_lag", "group", "index")).isGreaterThanOrEqualTo(0);
      assertThat(ops.sum("pipeline_ops_topic_end_offset", "topic", "articles.enriched"))
          .isGreaterThan(before.get(Endpoints.OPS).sum("pipeline_ops_topic_end_offset", "topic", "articles.enriched"));
    });
  }

  /** Waits until {@code name} (summed over the matching labels) exceeds its value before the submission. */
  private static void awaitGrowth(String service, String name, String... labels) {
    double was = before.get(service).sum(name, labels);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        assertThat(scrape(service).sum(name, labels)).as("%s%s at %s", name, String.join(",", labels), service)
            .isGreaterThan(was));
  }

  private static PrometheusText scrape(String service) {
    // metrics are for operators: refused without a token, answered for the ops token
    assertThat(Http.get(service + "/actuator/prometheus", null).status()).as(service + " without a token").isEqualTo(401);
    Http.Response response = Http.get(service + "/actuator/prometheus", Endpoints.OPS_TOKEN);
    assertThat(response.status()).as(service + "/actuator/prometheus").isEqualTo(200);
    return PrometheusText.parse(response.body());
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run these tests through ./pipeline test");
    }
    return value;
  }
}
