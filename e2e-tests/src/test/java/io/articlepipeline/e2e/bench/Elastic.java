package io.articlepipeline.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elasticsearch directly (ELASTICSEARCH_URL), for what the benchmark must see without the search
 * service in between: how many of a phase's articles are searchable, which became visible when,
 * the documents as the index stage wrote them, and the raw {@code _bulk} baseline's scratch index.
 */
final class Elastic {

  /** The read alias readers search (index-service IndexProperties#readAlias). */
  static final String READ_ALIAS = "articles";
  /** Settings copied to the scratch index; the rest of an index's settings are its own identity. */
  private static final List<String> COPIED_SETTINGS = List.of("number_of_shards", "number_of_replicas",
      "refresh_interval", "analysis", "similarity", "mapping", "codec", "max_result_window", "sort");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String base;

  Elastic(HttpClient http, String base) {
    this.http = http;
    this.base = base;
  }

  /** A query for the articles carrying any of the marker words (in the body or the index tokens). */
  static ObjectNode markerQuery(String... markers) {
    String words = String.join(" ", markers);
    ObjectNode query = JSON.createObjectNode();
    ObjectNode bool = query.putObject("bool");
    ArrayNode should = bool.putArray("should");
    should.addObject().putObject("match").putObject("body").put("query", words);
    should.addObject().putObject("match").putObject("tokens").put("query", words);
    bool.put("minimum_should_match", 1);
    return query;
  }

  /** How many searchable documents of the read alias carry any of the markers. */
  long count(String... markers) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.set("query", markerQuery(markers));
    return send("POST", "/" + READ_ALIAS + "/_count", body.toString(), Duration.ofSeconds(30)).path("count").asLong();
  }

  /**
   * The ids of the marker's documents indexed in the last {@code window} (by their indexedAt) that
   * are searchable now. Only the ids come back, read from the {@code id} field's doc values: asking
   * for {@code _id} makes Elasticsearch load each hit's stored fields, which live in compressed
   * blocks with the whole {@code _source} (2,000 hits: 45-65 ms of its CPU a poll, against 7-10 ms
   * from doc values): polling every 100 ms at 200 articles/s, Elasticsearch spent about 0.45 ms
   * more CPU per article with {@code _id}, a tenth of a core taken from the pipeline it measures.
   */
  List<String> recentIds(String marker, Duration window) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 10_000).put("_source", false).put("stored_fields", "_none_").put("track_total_hits", false);
    body.putArray("docvalue_fields").add("id");
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("filter").add(markerQuery(marker))
        .addObject().putObject("range").putObject("indexedAt").put("gte", "now-" + window.toSeconds() + "s");
    JsonNode hits = send("POST", "/" + READ_ALIAS + "/_search?filter_path=hits.hits.fields.id", body.toString(),
        Duration.ofSeconds(10)).path("hits").path("hits");
    List<String> ids = new ArrayList<>(hits.size());
    hits.forEach(h -> ids.add(h.path("fields").path("id").path(0).asString()));
    return ids;
  }

  /** Every document of the marker through a scroll, {@code _source} limited to {@code fields} (all if none). */
  void scroll(String marker, List<String> fields, Consumer<JsonNode> hit) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 1000);
    body.set("query", markerQuery(marker));
    if (!fields.isEmpty()) {
      ArrayNode includes = body.putArray("_source");
      fields.forEach(includes::add);
    }
    JsonNode page = send("POST", "/" + READ_ALIAS + "/_search?scroll=2m", body.toString(), Duration.ofMinutes(1));
    String scrollId = page.path("_scroll_id").asString(null);
    try {
      while (page.path("hits").path("hits").size() > 0) {
        page.path("hits").path("hits").forEach(hit);
        ObjectNode next = JSON.createObjectNode().put("scroll", "2m").put("scroll_id", scrollId);
        page = send("POST", "/_search/scroll", next.toString(), Duration.ofMinutes(1));
        scrollId = page.path("_scroll_id").asString(scrollId);
      }
    } finally {
      if (scrollId != null) {
        send("DELETE", "/_search/scroll", JSON.createObjectNode().put("scroll_id", scrollId).toString(),
            Duration.ofSeconds(30));
      }
    }
  }

  /** The concrete index behind the read alias. */
  String liveIndex() throws IOException, InterruptedException {
    Iterator<String> names = send("GET", "/_alias/" + READ_ALIAS, null, Duration.ofSeconds(30)).propertyNames().iterator();
    if (!names.hasNext()) {
      throw new IOException("alias " + READ_ALIAS + " points at no index");
    }
    return names.next();
  }

  /** Creates {@code scratch} with the mappings and the (copyable) settings of {@code live}. */
  void createLike(String scratch, String live) throws IOException, InterruptedException {
    JsonNode mappings = send("GET", "/" + live + "/_mapping", null, Duration.ofSeconds(30)).path(live).path("mappings");
    JsonNode settings = send("GET", "/" + live + "/_settings", null, Duration.ofSeconds(30))
        .path(live).path("settings").path("index");
    ObjectNode body = JSON.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    for (Map.Entry<String, JsonNode> e : settings.properties()) {
      if (COPIED_SETTINGS.contains(e.getKey())) {
        index.set(e.getKey(), e.getValue());
      }
    }
    body.set("mappings", mappings);
    send("PUT", "/" + scratch, body.toString(), Duration.ofMinutes(1));
  }

  /** Sends one {@code _bulk} body to an index; returns how many items failed. */
  int bulk(String index, String ndjson) throws IOException, InterruptedException {
    JsonNode answer = send("POST", "/" + index + "/_bulk", ndjson, Duration.ofMinutes(2));
    if (!answer.path("errors").asBoolean()) {
      return 0;
    }
    int failed = 0;
    for (JsonNode item : answer.path("items")) {
      if (item.values().iterator().next().has("error")) {
        failed++;
      }
    }
    return failed;
  }

  void refresh(String index) throws IOException, InterruptedException {
    send("POST", "/" + index + "/_refresh", null, Duration.ofMinutes(1));
  }

  /** Deletes an index if it exists. */
  void deleteIndex(String index) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request("DELETE", "/" + index, null, Duration.ofMinutes(1)),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 && response.statusCode() != 404) {
      throw new IOException("DELETE /" + index + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /**
   * Waits until the local node runs no merge (polled every 100 ms, at most {@code max}); the
   * seconds waited, or -1 when merges still ran at the end. A timed bulk run beside the merges of
   * the tens of thousands of documents written before it would share the cores with them.
   */
  double awaitNoMerges(Duration max) throws IOException, InterruptedException {
    long started = System.nanoTime();
    long deadline = started + max.toNanos();
    while (true) {
      JsonNode nodes = send("GET", "/_nodes/_local/stats/indices/merge?filter_path=nodes.*.indices.merges.current",
          null, Duration.ofSeconds(10)).path("nodes");
      Iterator<JsonNode> it = nodes.iterator();
      long current = it.hasNext() ? it.next().path("indices").path("merges").path("current").asLong(0) : 0;
      if (current == 0) {
        return (System.nanoTime() - started) / 1e9;
      }
      if (System.nanoTime() > deadline) {
        return -1;
      }
      Thread.sleep(100);
    }
  }

  /** Heap used by the local Elasticsearch node (bytes), or -1. */
  long heapUsed(Duration timeout) {
    try {
      JsonNode nodes = send("GET", "/_nodes/_local/stats/jvm?filter_path=nodes.*.jvm.mem.heap_used_in_bytes",
          null, timeout).path("nodes");
      Iterator<JsonNode> it = nodes.iterator();
      return it.hasNext() ? it.next().path("jvm").path("mem").path("heap_used_in_bytes").asLong(-1) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private JsonNode send(String method, String path, String body, Duration timeout)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request(method, path, body, timeout), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
          + (response.body().length() > 500 ? response.body().substring(0, 500) : response.body()));
    }
    try {
      return JSON.readTree(response.body());
    } catch (JacksonException e) {
      throw new IOException(method + " " + path + " answered no JSON", e);
    }
  }

  private HttpRequest request(String method, String path, String body, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    if (body == null) {
      return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    String type = path.endsWith("/_bulk") ? "application/x-ndjson" : "application/json";
    return b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
