package io.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reprocessing: the enrich stage is rewound through the ops API while it runs, every article is
 * enriched again, and the index ends with the new enrichment and still one document per article.
 */
class ReprocessIT {

  @Test
  void everyArticleIsEnrichedAgainAndTheIndexKeepsOneCopy() {
    String marker = "重处理" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response accepted = Http.post(Endpoints.INGEST + "/api/articles", Endpoints.SUBMIT_TOKEN, "application/json",
        "{\"title\": \"重新富化测试\", \"body\": \"中国红十字会总会开展救灾物资发放。" + marker + "\"}");
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.json().path("id").asText();
    Instant firstEnrichment = Instant.parse(await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(Endpoints.INDEX + "/api/articles/" + id, null), r -> r.status() == 200)
        .json().path("enrichment").path("enrichedAt").asText());

    Http.Response rewind = Http.post(Endpoints.OPS + "/api/ops/reprocess?force=true", Endpoints.OPS_TOKEN,
        "application/json", "");
    assertThat(rewind.status()).as(rewind.body()).isEqualTo(202);
    assertThat(rewind.json().path("toReprocess").asLong()).isPositive();

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> Http.get(Endpoints.OPS + "/api/ops/reprocess", Endpoints.OPS_TOKEN).json().path("caughtUp").asBoolean());
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      Http.Response article = Http.get(Endpoints.INDEX + "/api/articles/" + id, null);
      Instant enrichedAt = Instant.parse(article.json().path("enrichment").path("enrichedAt").asText());
      assertThat(enrichedAt).isAfter(firstEnrichment);
    });
    Http.Response search = Http.get(Endpoints.INDEX + "/api/search?q=" + Http.q(marker), null);
    assertThat(search.json().path("total").asLong()).isEqualTo(1);
  }
}
