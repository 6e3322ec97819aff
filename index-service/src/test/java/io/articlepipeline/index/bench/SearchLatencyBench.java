package io.articlepipeline.index.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.articlepipeline.index.relevance.Judgments;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Search latency over whatever the index holds: the judged queries (plus a filtered and an empty
 * query) are sent {@code rounds} times after a warm-up; prints percentiles of the round trip and of
 * Elasticsearch's {@code took}. A benchmark for {@code ./pipeline bench}, never a test assertion.
 *
 * <p>Run: {@code INDEX_URL=http://127.0.0.1:8083 mvn -q -pl index-service test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.articlepipeline.index.bench.SearchLatencyBench
 * [-Dexec.args=ROUNDS]}
 */
public final class SearchLatencyBench {

  private SearchLatencyBench() {
  }

  public static void main(String[] args) throws Exception {
    String base = System.getenv().getOrDefault("INDEX_URL", "http://127.0.0.1:8083");
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<String> queries = new ArrayList<>();
    for (Judgments j : Judgments.load()) {
      queries.add("q=" + URLEncoder.encode(j.query(), StandardCharsets.UTF_8));
    }
    queries.add("q=" + URLEncoder.encode("志愿服务", StandardCharsets.UTF_8) + "&sort=date&lang=zh");
    queries.add("");
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    List<Double> roundTrip = new ArrayList<>();
    List<Long> took = new ArrayList<>();
    long documents = 0;
    for (int round = -3; round < rounds; round++) {
      for (String q : queries) {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?" + q)).build(),
            HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (r.statusCode() != 200) {
          throw new IllegalStateException("search " + q + " answered " + r.statusCode());
        }
        if (round >= 0) {
          roundTrip.add(ms);
          took.add(json.readTree(r.body()).get("took").asLong());
        }
        if (q.isEmpty()) {
          documents = json.readTree(r.body()).get("total").asLong();
        }
      }
    }
    Collections.sort(roundTrip);
    Collections.sort(took);
    System.out.printf("index %s: %d documents, %d searches (%d queries x %d rounds, facets and highlights on)%n",
        base, documents, roundTrip.size(), queries.size(), rounds);
    System.out.printf("round trip ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", pct(roundTrip, 50), pct(roundTrip, 90),
        pct(roundTrip, 99), roundTrip.get(roundTrip.size() - 1));
    System.out.printf("elasticsearch took ms: p50=%d p90=%d p99=%d max=%d%n", took.get(took.size() / 2),
        took.get((int) (took.size() * 0.9)), took.get((int) (took.size() * 0.99)), took.get(took.size() - 1));
  }

  private static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
