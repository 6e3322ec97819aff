package io.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Reprocessing: one call to the ops API has enrich-service enrich every article again beside its
 * live stage (whose input binding keeps running) and reports each phase; the index ends with the
 * new enrichment and still one document per article. The binding's API on enrich-service needs
 * the ops token. (The order guarantees against live writes: enrich-app's ReprocessIT.)
 */
class ReprocessIT {

  @Test
  void reprocessingReEnrichesEveryArticleAndTheIndexKeepsOneCopy() {
    // letters only, so the segmenter keeps the marker one token and no other article matches it
    // in part (a hex suffix is cut into letters and digits that random articles also hold)
    String marker = "reprocess" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    Http.Response accepted = Http.post(Endpoints.INGEST + "/api/articles", Endpoints.SUBMIT_TOKEN, "application/json",
        "{\"title\": \"重新富化测试\", \"body\": \"中国红十字会总会开展救灾物资发放。" + marker + "\"}");
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.json().path("id").asText();
    Instant firstEnrichment = Instant.parse(await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(Endpoints.INDEX + "/api/articles/" + id, null), r -> r.status() == 200)
        .json().path("enrichment").path("enrichedAt").asText());

    Http.Response started = Http.post(Endpoints.OPS + "/api/ops/reprocess", Endpoints.OPS_TOKEN,
        "application/json", "");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(started.json().path("phase").asText()).isEqualTo("scanning");

    Set<String> phases = ConcurrentHashMap.newKeySet();
    Http.Response done = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
        .until(() -> Http.get(Endpoints.OPS + "/api/ops/reprocess", Endpoints.OPS_TOKEN), r -> {
          String phase = r.json().path("phase").asText();
          phases.add(phase);
          assertThat(phase).as(r.body()).isNotEqualTo("failed");
          return phase.equals("done");
        });
    assertThat(done.json().path("articles").asLong()).isPositive();
    assertThat(done.json().path("reprocessed").asLong()).isPositive();
    assertThat(done.json().path("percent").asDouble()).isEqualTo(100.0);
    assertThat(done.json().path("error").isNull()).isTrue();
    assertThat(phases).contains("done").doesNotContain("idle");
    Http.Response binding = Http.get(Endpoints.ENRICH + "/api/enrich/binding", Endpoints.OPS_TOKEN);
    assertThat(binding.status()).isEqualTo(200);
    assertThat(binding.json().path("state").asText()).isEqualTo("running");

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      Http.Response article = Http.get(Endpoints.INDEX + "/api/articles/" + id, null);
      Instant enrichedAt = Instant.parse(article.json().path("enrichment").path("enrichedAt").asText());
      assertThat(enrichedAt).isAfter(firstEnrichment);
    });
    Http.Response search = Http.get(Endpoints.INDEX + "/api/search?q=" + Http.q(marker), null);
    assertThat(search.json().path("total").asLong()).as(search.body()).isEqualTo(1);
    assertThat(search.json().path("hits").get(0).path("id").asText()).isEqualTo(id);
  }

  @Test
  void theEnrichBindingApiNeedsTheOpsToken() {
    for (String path : List.of("/api/enrich/binding/stop", "/api/enrich/binding/start")) {
      Http.Response submit = Http.post(Endpoints.ENRICH + path, Endpoints.SUBMIT_TOKEN, "application/json", "");
      assertThat(submit.status()).as(path).isEqualTo(403);
      assertThat(Http.post(Endpoints.ENRICH + path, null, "application/json", "").status()).as(path).isEqualTo(401);
    }
    assertThat(Http.get(Endpoints.ENRICH + "/api/enrich/binding", Endpoints.SUBMIT_TOKEN).status()).isEqualTo(403);
    assertThat(Http.get(Endpoints.ENRICH + "/api/enrich/binding", null).status()).isEqualTo(401);
    assertThat(Http.get(Endpoints.ENRICH + "/api/enrich/binding", Endpoints.OPS_TOKEN).json().path("state").asText())
        .isEqualTo("running");
  }
}
