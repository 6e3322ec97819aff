package io.articlepipeline.e2e.bench;

import io.articlepipeline.schemas.Topics;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.serde.AvroSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka as the benchmark sees it: a stage's consumer-group lag, and the plain-producer baselines
 * that do what ingest does after validating (one Avro record per article, acks=all).
 */
final class KafkaProbe implements AutoCloseable {

  /** The topic the producer baselines write to; deleted again at cleanup. */
  static final String BASELINE_TOPIC = "bench.baseline";

  private final String bootstrap;
  private final String registry;
  private final Admin admin;
  /** Each lag topic's partitions, asked for once. */
  private final Map<String, List<TopicPartition>> partitions = new ConcurrentHashMap<>();

  KafkaProbe(String bootstrap, String registry) {
    this.bootstrap = bootstrap;
    this.registry = registry;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.admin = Admin.create(props);
  }

  /**
   * Records of {@code topic} the consumer group {@code group} has not committed yet. Two requests
   * to the broker (the group's offsets, the partitions' ends; the starts only for a partition the
   * group has not committed on), the partitions asked for once per topic: the stages are timed by
   * polling this, and the polls share the cores with the stage being timed.
   */
  long lag(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    List<TopicPartition> partitions = partitions(topic);
    var ends = admin.listOffsets(offsets(partitions, OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS);
    List<TopicPartition> uncommitted = partitions.stream().filter(tp -> committed.get(tp) == null).toList();
    var starts = uncommitted.isEmpty() ? Map.<TopicPartition, ListOffsetsResultInfo>of()
        : admin.listOffsets(offsets(uncommitted, OffsetSpec.earliest())).all().get(10, TimeUnit.SECONDS);
    long lag = 0;
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata c = committed.get(tp);
      long position = c != null ? c.offset() : starts.get(tp).offset();
      lag += Math.max(0, ends.get(tp).offset() - position);
    }
    return lag;
  }

  private List<TopicPartition> partitions(String topic) throws Exception {
    List<TopicPartition> known = partitions.get(topic);
    if (known != null) {
      return known;
    }
    List<TopicPartition> found = new ArrayList<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
        .forEach(p -> found.add(new TopicPartition(topic, p.partition())));
    partitions.put(topic, List.copyOf(found));
    return found;
  }

  private static Map<TopicPartition, OffsetSpec> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    partitions.forEach(tp -> specs.put(tp, spec));
    return specs;
  }

  /** Both stages' lag: the enrich group on articles.submitted plus the index group on articles.enriched. */
  long pipelineLag() throws Exception {
    return lag("enrich", Topics.SUBMITTED) + lag("index", Topics.ENRICHED);
  }

  /** Records/s of a plain producer, one synchronous send per record from {@code threads} threads (what a single POST waits for). */
  double syncRate(List<Article> articles, int threads, String prefix) throws Exception {
    try (KafkaProducer<String, Object> producer = producer()) {
      producer.send(new ProducerRecord<>(BASELINE_TOPIC, "warm-up", record(articles.get(0), prefix + "-w"))).get();
      AtomicInteger seq = new AtomicInteger();
      long started = System.nanoTime();
      Parallel.each(articles, threads, a -> {
        String id = prefix + "-" + seq.incrementAndGet();
        producer.send(new ProducerRecord<>(BASELINE_TOPIC, id, record(a, id))).get();
      });
      return articles.size() / ((System.nanoTime() - started) / 1e9);
    }
  }

  /** Records/s of a plain producer sending every record without waiting, then waiting for all acks (what a batch request waits for). */
  double asyncRate(List<Article> articles, String prefix) throws Exception {
    try (KafkaProducer<String, Object> producer = producer()) {
      producer.send(new ProducerRecord<>(BASELINE_TOPIC, "warm-up", record(articles.get(0), prefix + "-w"))).get();
      List<Future<RecordMetadata>> acks = new ArrayList<>(articles.size());
      long started = System.nanoTime();
      int i = 0;
      for (Article a : articles) {
        String id = prefix + "-" + i++;
        acks.add(producer.send(new ProducerRecord<>(BASELINE_TOPIC, id, record(a, id))));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
      return articles.size() / ((System.nanoTime() - started) / 1e9);
    }
  }

  /** Deletes the baselines' topic, so no copy of the benchmark's articles stays behind. */
  void deleteBaselineTopic() throws Exception {
    if (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(BASELINE_TOPIC)) {
      admin.deleteTopics(List.of(BASELINE_TOPIC)).all().get(30, TimeUnit.SECONDS);
    }
  }

  private KafkaProducer<String, Object> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES);
    AvroSerializer serializer = new AvroSerializer();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false);
    return new KafkaProducer<>(props, new StringSerializer(), serializer);
  }

  private static ArticleSubmitted record(Article a, String id) {
    return ArticleSubmitted.newBuilder().setId(id).setRevision(1).setTitle(a.title()).setBody(a.body())
        .setLanguage(a.language()).setSubmittedAt(Instant.now()).build();
  }

  @Override
  public void close() {
    admin.close();
  }
}
