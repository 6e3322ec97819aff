package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void oneEnricherServesManyThreadsWithTheSameResults() throws Exception {
    EnrichmentRequest request = new EnrichmentRequest(null, SamplePage.text(), null);
    Enrichment expected = Shared.ENRICHER.enrich(request);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Enrichment>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> Shared.ENRICHER.enrich(request)));
      }
      for (Future<Enrichment> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
