package io.articlepipeline.e2e.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What every phase shares: the clients, the corpus, the report, and every id to retract at the end. */
final class BenchContext {

  final BenchSettings settings;
  final Corpus corpus;
  final IngestClient ingest;
  final Elastic elastic;
  final KafkaProbe kafka;
  final Report report;
  final ResourceSampler sampler;
  /** Letters only, so the segmenter keeps a marker one token and a search finds exactly this run. */
  final String run;
  /** Every article this run got accepted, retracted at cleanup. */
  final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
  final List<String> markers = new ArrayList<>();
  /** Whether ingest has the batch API (a phase that found a 404 clears it). */
  volatile boolean batchApi = true;

  BenchContext(BenchSettings settings, Corpus corpus, IngestClient ingest, Elastic elastic, KafkaProbe kafka,
      Report report, ResourceSampler sampler) {
    this.settings = settings;
    this.corpus = corpus;
    this.ingest = ingest;
    this.elastic = elastic;
    this.kafka = kafka;
    this.report = report;
    this.sampler = sampler;
    this.run = new Random().ints(8, 'a', 'z' + 1)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  /** The marker word of a phase ("bench" + run + phase, letters only); remembered for cleanup. */
  synchronized String marker(String phase) {
    String marker = "bench" + run + phase;
    markers.add(marker);
    return marker;
  }

  /**
   * Waits until {@code expected} articles of the marker are searchable; returns the nanoTime when
   * they were, or -1 after {@code timeout} (polls every 100 ms).
   */
  long awaitSearchable(String marker, long expected, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long count = elastic.count(marker);
      long now = System.nanoTime();
      if (count >= expected) {
        return now;
      }
      if (now > deadline) {
        return -1;
      }
      Thread.sleep(100);
    }
  }

  /** submittedAt -> indexedAt (ms) of every document of the marker, sorted, as the index stage stamped them. */
  long[] stampedLatencies(String marker) throws Exception {
    List<Long> ms = new ArrayList<>();
    elastic.scroll(marker, List.of("submittedAt", "indexedAt"), hit -> {
      var source = hit.path("_source");
      if (source.hasNonNull("submittedAt") && source.hasNonNull("indexedAt")) {
        ms.add(Duration.between(Instant.parse(source.get("submittedAt").asText()),
            Instant.parse(source.get("indexedAt").asText())).toMillis());
      }
    });
    return ms.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }
}
