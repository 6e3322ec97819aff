package io.articlepipeline.e2e.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The index stage's raw baseline: the documents the index stage wrote, read back from the live
 * index, sent with {@code _bulk} into a scratch index of the same mappings and settings, 500 per
 * request from one thread (and again, into a new scratch index, from as many threads as the
 * stage has requests in flight by default), with external versions as the stage writes them,
 * then refreshed (the stage's time also runs until searchable), after one warm-up request into a
 * throwaway copy. The scratch indices are deleted afterwards.
 *
 * <p>The documents go out in the order they were submitted (by the number of their marker line),
 * as the stage received them: copies of the corpus pages in turn. The scroll returns them by
 * score, which puts the copies of one page side by side, and Elasticsearch indexes copies of one
 * page back to back at about 0.6 of the CPU (its in-memory postings stay in the processor's
 * caches): a baseline in that order would be cheaper than what the stage asks of it.
 */
final class BulkBaseline {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BulkBaseline() {
  }

  /**
   * Documents/s of raw {@code _bulk} for the marker's documents, for each number of client
   * threads (each request from one thread at a time), in that order.
   */
  static double[] rates(BenchContext ctx, String marker, int... threads) throws Exception {
    Elastic es = ctx.elastic;
    String live = es.liveIndex();
    String scratch = scratchIndex(ctx);
    Pattern number = markerNumber(marker);
    List<Numbered> scrolled = new ArrayList<>();
    es.scroll(marker, List.of(), hit -> {
      ObjectNode action = JSON.createObjectNode();
      action.putObject("index").put("_id", hit.path("_id").asString())
          .put("version", hit.path("_source").path("revision").asLong(1)).put("version_type", "external_gte");
      scrolled.add(new Numbered(submitted(number, hit.path("_source")), action + "\n" + hit.path("_source") + "\n"));
    });
    scrolled.sort(Comparator.comparingLong(Numbered::number)); // stable: unnumbered ones last, as scrolled
    List<String> docs = scrolled.stream().map(Numbered::lines).toList();
    long bytes = docs.stream().mapToLong(String::length).sum();
    // Elasticsearch's first bulk into a new index is slow (its code paths for the mapping still
    // cold): warm up on one request's worth in a throwaway copy, then time a fresh scratch index.
    String warmUp = scratch + "-warmup";
    es.deleteIndex(warmUp);
    es.createLike(warmUp, live);
    try {
      es.bulk(warmUp, String.join("", docs.subList(0, Math.min(docs.size(), BenchSettings.BATCH_SIZE))));
    } finally {
      es.deleteIndex(warmUp);
    }
    double[] rates = new double[threads.length];
    for (int i = 0; i < threads.length; i++) {
      rates[i] = timed(ctx, docs, bytes, live, scratch, threads[i]);
    }
    return rates;
  }

  /** A document's action and source lines with its copy number. */
  private record Numbered(long number, String lines) {
  }

  /** The marker line's number ("marker 123"); the tokens are lower case. */
  static Pattern markerNumber(String marker) {
    return Pattern.compile(Pattern.quote(marker) + "\\s+(\\d+)", Pattern.CASE_INSENSITIVE);
  }

  /** The copy's number from its marker line ("marker 123"), as submitted; Long.MAX_VALUE if absent. */
  static long submitted(Pattern number, tools.jackson.databind.JsonNode source) {
    for (String field : List.of("body", "tokens")) {
      Matcher m = number.matcher(source.path(field).asString(""));
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
    }
    return Long.MAX_VALUE;
  }

  private static double timed(BenchContext ctx, List<String> docs, long bytes, String live, String scratch,
                              int threads) throws Exception {
    Elastic es = ctx.elastic;
    es.deleteIndex(scratch);
    es.createLike(scratch, live);
    // as for the index stage: not beside the merges of what was written before
    es.awaitNoMerges(StagePhase.MERGE_WAIT);
    try {
      AtomicInteger failed = new AtomicInteger();
      CpuMeter cpu = CpuMeter.start(ctx.settings.pids());
      long started = System.nanoTime();
      Parallel.each(Parallel.chunks(docs, BenchSettings.BATCH_SIZE), threads,
          chunk -> failed.addAndGet(es.bulk(scratch, String.join("", chunk))));
      es.refresh(scratch);
      double seconds = BenchContext.seconds(started, System.nanoTime());
      double rate = docs.size() / seconds;
      String who = threads == 1 ? "one thread" : threads + " threads";
      ctx.report.line("raw _bulk of the same %,d documents (%,d KB as JSON, read back from %s) into a copy of its"
              + " mappings and settings (after a warm-up request into a throwaway copy), %d per request, %s, then"
              + " refresh: %.1f s, %s docs/s%s", docs.size(), bytes / 1024, live, BenchSettings.BATCH_SIZE, who, seconds,
          Report.rate(rate), failed.get() > 0 ? ", " + failed.get() + " FAILED items" : "");
      cpu.line(ctx.report, "document, raw _bulk, " + who, docs.size());
      return rate;
    } finally {
      es.deleteIndex(scratch);
    }
  }

  static String scratchIndex(BenchContext ctx) {
    return "bench-scratch-" + ctx.run;
  }
}
