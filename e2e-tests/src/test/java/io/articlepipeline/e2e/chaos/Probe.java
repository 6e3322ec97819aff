package io.articlepipeline.e2e.chaos;

import io.articlepipeline.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the pipeline holds: the searchable documents (Elasticsearch directly), the dead letters, the lag. */
final class Probe implements AutoCloseable {

  /** The read alias readers search (index-service IndexProperties#readAlias). */
  static final String READ_ALIAS = "articles";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String elastic;
  private final String bootstrap;
  private final Admin admin;

  Probe(HttpClient http, String elastic, String bootstrap) {
    this.http = http;
    this.elastic = elastic;
    this.bootstrap = bootstrap;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    this.admin = Admin.create(props);
  }

  /** Revisions of every searchable document whose id starts with {@code prefix}: id -> each hit's revision (two hits = a duplicate). */
  Map<String, List<Long>> searchable(String prefix) throws IOException, InterruptedException {
    Map<String, List<Long>> found = new HashMap<>();
    ObjectNode body = JSON.createObjectNode().put("size", 2000);
    body.putObject("query").putObject("prefix").put("id", prefix);
    body.putArray("_source").add("id").add("revision");
    body.putArray("sort").add("_doc");
    JsonNode page = send("POST", "/" + READ_ALIAS + "/_search?scroll=1m", body.toString());
    String scrollId = page.path("_scroll_id").asString(null);
    try {
      while (page.path("hits").path("hits").size() > 0) {
        for (JsonNode hit : page.path("hits").path("hits")) {
          found.computeIfAbsent(hit.path("_source").path("id").asString(hit.path("_id").asString()), k -> new ArrayList<>())
              .add(hit.path("_source").path("revision").asLong());
        }
        page = send("POST", "/_search/scroll", JSON.createObjectNode().put("scroll", "1m")
            .put("scroll_id", scrollId).toString());
        scrollId = page.path("_scroll_id").asString(scrollId);
      }
    } finally {
      if (scrollId != null) {
        try {
          send("DELETE", "/_search/scroll", JSON.createObjectNode().put("scroll_id", scrollId).toString());
        } catch (IOException ignored) {
          // expires by itself
        }
      }
    }
    return found;
  }

  /** Whether {@code id} is searchable at {@code revision} or newer (false while Elasticsearch does not answer). */
  boolean searchableAt(String id, long revision) {
    try {
      ObjectNode body = JSON.createObjectNode();
      body.putObject("query").putObject("ids").putArray("values").add(id);
      body.putArray("_source").add("revision");
      JsonNode hits = send("POST", "/" + READ_ALIAS + "/_search", body.toString()).path("hits").path("hits");
      return hits.size() > 0 && hits.get(0).path("_source").path("revision").asLong() >= revision;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Records of both dead-letter topics whose key starts with {@code prefix}, by topic. */
  Map<String, Integer> deadLetters(String prefix) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_RECORD_BYTES);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      for (String topic : List.of(Topics.SUBMITTED_DLQ, Topics.ENRICHED_DLQ)) {
        counts.put(topic, 0);
        if (!admin.listTopics().names().get(15, TimeUnit.SECONDS).contains(topic)) {
          continue;
        }
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
            && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.key() != null && r.key().startsWith(prefix)) {
              counts.merge(topic, 1, Integer::sum);
            }
          }
        }
      }
    }
    return counts;
  }

  /** Records of {@code topic} the consumer group {@code group} has not committed yet. */
  long lag(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
    List<TopicPartition> partitions = partitions(topic);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    partitions.forEach(tp -> {
      latest.put(tp, OffsetSpec.latest());
      earliest.put(tp, OffsetSpec.earliest());
    });
    var ends = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
    var starts = admin.listOffsets(earliest).all().get(15, TimeUnit.SECONDS);
    long lag = 0;
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata c = committed.get(tp);
      long position = c != null ? c.offset() : starts.get(tp).offset();
      lag += Math.max(0, ends.get(tp).offset() - position);
    }
    return lag;
  }

  /** Both stages' lag: enrich on articles.submitted plus index on articles.enriched; -1 if Kafka does not answer. */
  long pipelineLag() {
    try {
      return lag("enrich", Topics.SUBMITTED) + lag("index", Topics.ENRICHED);
    } catch (Exception e) {
      return -1;
    }
  }

  private List<TopicPartition> partitions(String topic) throws Exception {
    List<TopicPartition> partitions = new ArrayList<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS).get(topic).partitions()
        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    return partitions;
  }

  private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(elastic + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(method + " " + path + " answered " + response.statusCode());
    }
    try {
      return JSON.readTree(response.body());
    } catch (JacksonException e) {
      throw new IOException(method + " " + path + " answered no JSON", e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
