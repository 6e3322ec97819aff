package io.articlepipeline.index.it;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.index.IndexApplication;
import io.articlepipeline.index.indexing.Articles;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.serde.AvroSerializer;
import io.articlepipeline.testing.StackEnv;
import io.articlepipeline.testing.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The index service started in the test JVM against the real stack, isolated by a run name: its
 * own topic, dead-letter topic, consumer group, indices, aliases and template.
 */
final class IndexServiceApp implements AutoCloseable {

  final String run;
  final String topic;
  final String dlqTopic;
  final String baseUrl;
  final ConfigurableApplicationContext context;

  private IndexServiceApp(String run, ConfigurableApplicationContext context) {
    this.run = run;
    this.topic = run + ".articles.enriched";
    this.dlqTopic = topic + ".dlq";
    this.context = context;
    this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  static IndexServiceApp start(String run, String... extraArgs) throws Exception {
    return startWith(run, StackEnv.registry(), StackEnv.elasticsearch(), extraArgs);
  }

  /** The service on the given registry and Elasticsearch URLs (the stack's, or ways to them). */
  static IndexServiceApp startWith(String run, String registry, String elasticsearch, String... extraArgs)
      throws Exception {
    String topic = run + ".articles.enriched";
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", StackEnv.kafka()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(topic + ".dlq", 1, (short) 1)))
          .all().get();
    } catch (java.util.concurrent.ExecutionException e) {
      // the run's service started again (a restart): its topics are there
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw e;
      }
    }
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.cloud.stream.kafka.binder.brokers=" + StackEnv.kafka(),
        "--spring.cloud.stream.bindings.indexArticles-in-0.destination=" + topic,
        "--spring.cloud.stream.bindings.indexArticles-in-0.group=" + run,
        "--pipeline.index.elasticsearch-url=" + elasticsearch,
        "--pipeline.index.schema-registry-url=" + registry,
        "--pipeline.index.dead-letter-topic=" + topic + ".dlq",
        "--pipeline.index.read-alias=" + run + "-articles",
        "--pipeline.index.write-alias=" + run + "-articles-write",
        "--pipeline.index.index-prefix=" + run + "-articles-v",
        "--pipeline.index.template-name=" + run + "-articles"));
    args.addAll(List.of(extraArgs));
    return new IndexServiceApp(run, new SpringApplicationBuilder(IndexApplication.class).run(args.toArray(String[]::new)));
  }

  private static ArticleEnricher enricher;

  /**
   * An enriched article with this title and body (also as its clean body) and the index tokens the
   * enrich stage gives them; the real enricher is loaded once for all the run's tests.
   */
  static synchronized ArticleEnriched.Builder article(String id, long revision, String title, String body) {
    if (enricher == null) {
      enricher = ArticleEnrichers.load(null);
    }
    return Articles.article(id, revision).setTitle(title).setBody(body).setCleanBody(body)
        .setTitleTokens(enricher.indexTokens(title)).setBodyTokens(enricher.indexTokens(body));
  }

  /** Writes the articles to this run's topic, Avro through the real registry, each acknowledged. */
  void publish(List<ArticleEnriched> articles) throws Exception {
    AvroSerializer serializer = new AvroSerializer();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, StackEnv.registry()), false);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (ArticleEnriched a : articles) {
        producer.send(new ProducerRecord<>(topic, a.getId(), serializer.serialize(topic, a))).get();
      }
    }
  }

  /** Writes a tombstone retracting the article to this run's topic, acknowledged. */
  void retract(String id) throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>(topic, id, null)).get();
    }
  }

  /** A producer to the stack, for records as large as the stages write (an enriched article of a 2 MiB page is several MiB). */
  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackEnv.kafka(),
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * The records on the run's dead-letter topic, read from its start until {@code expected} have
   * arrived or {@code wait} has passed.
   */
  List<ConsumerRecord<String, byte[]>> deadLetters(int expected, Duration wait) {
    return TopicReader.read(StackEnv.kafka(), dlqTopic, run, expected, wait);
  }

  /** Stops the service as a restart would: its topics, group, indices and aliases stay. */
  void stop() {
    context.close();
  }

  @Override
  public void close() {
    context.close();
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", StackEnv.kafka()))) {
      admin.deleteTopics(List.of(topic, dlqTopic)).all().get();
      // The run's consumer groups (the stage's, and a test's dead-letter reader if it had one).
      var groups = admin.listConsumerGroups().all().get().stream()
          .map(g -> g.groupId()).filter(g -> g.equals(run) || g.startsWith(run + "-")).toList();
      if (!groups.isEmpty()) {
        admin.deleteConsumerGroups(groups).all().get();
      }
    } catch (Exception e) {
      System.getLogger(IndexServiceApp.class.getName()).log(System.Logger.Level.WARNING,
          "Could not delete the run's topics: " + e);
    }
    HttpClient http = HttpClient.newHttpClient();
    // Best effort: the run's own indices and template.
    for (String path : List.of("/" + run + "-articles-v*", "/_index_template/" + run + "-articles")) {
      try {
        http.send(HttpRequest.newBuilder(URI.create(StackEnv.elasticsearch() + path)).DELETE().build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (java.io.IOException e) {
        System.getLogger(IndexServiceApp.class.getName()).log(System.Logger.Level.WARNING,
            "Could not clean up " + path + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
