package io.articlepipeline.index.bench;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * Search latency over whatever the index holds: the judged queries (plus a filtered and an empty
 * query) are sent {@code rounds} times after a warm-up, each as the API answers by default and
 * collapsed by story as the reader page asks; prints percentiles of the round trip and of
 * Elasticsearch's {@code took} for both and the ratio. A benchmark for {@code ./pipeline bench}, never a test assertion.
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
    List<Judgments> judged = new ArrayList<>(Judgments.load());
    judged.addAll(Judgments.loadDev());
    for (Judgments j : judged) {
      queries.add("q=" + URLEncoder.encode(j.query(), StandardCharsets.UTF_8));
    }
    queries.add("q=" + URLEncoder.encode("志愿服务", StandardCharsets.UTF_8) + "&sort=date&lang=zh");
    queries.add("");
    HttpClient http = HttpClient.newHttpClient();
    JsonMapper json = JsonMapper.builder().build();
    // each query as the API answers by default and as the reader page asks (each story once),
    // alternating, so load on this shared machine hits both alike
    String[] modes = {"", "collapse=true"};
    List<List<Double>> roundTrip = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Long>> took = List.of(new ArrayList<>(), new ArrayList<>());
    long documents = 0;
    for (int round = -3; round < rounds; round++) {
      for (String q : queries) {
        for (int m = 0; m < modes.length; m++) {
          String query = q.isEmpty() ? modes[m] : modes[m].isEmpty() ? q : q + "&" + modes[m];
          long start = System.nanoTime();
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?" + query)).build(),
              HttpResponse.BodyHandlers.ofString());
          double ms = (System.nanoTime() - start) / 1e6;
          if (r.statusCode() != 200) {
            throw new IllegalStateException("search " + query + " answered " + r.statusCode());
          }
          if (round >= 0) {
            roundTrip.get(m).add(ms);
            took.get(m).add(json.readTree(r.body()).get("took").asLong());
          }
          if (query.isEmpty()) {
            documents = json.readTree(r.body()).get("total").asLong();
          }
        }
      }
    }
    System.out.printf("index %s: %d documents, %d queries x %d rounds, each plain and collapsed (facets and highlights on)%n",
        base, documents, queries.size(), rounds);
    String[] names = {"plain (API default)", "collapsed (reader page: each story once)"};
    for (int m = 0; m < modes.length; m++) {
      List<Double> rt = roundTrip.get(m);
      List<Long> tk = took.get(m);
      Collections.sort(rt);
      Collections.sort(tk);
      System.out.printf("%s%n  round trip ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", names[m], pct(rt, 50), pct(rt, 90),
          pct(rt, 99), rt.get(rt.size() - 1));
      System.out.printf("  elasticsearch took ms: p50=%d p90=%d p99=%d max=%d%n", tk.get(tk.size() / 2),
          tk.get((int) (tk.size() * 0.9)), tk.get((int) (tk.size() * 0.99)), tk.get(tk.size() - 1));
    }
    System.out.printf("collapsed / plain, round trip p50: %.2fx, p90: %.2fx%n",
        pct(roundTrip.get(1), 50) / pct(roundTrip.get(0), 50), pct(roundTrip.get(1), 90) / pct(roundTrip.get(0), 90));
  }

  private static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
