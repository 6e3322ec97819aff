package io.articlepipeline.enrich.app;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.retry.Retry;
import io.articlepipeline.support.deadletter.DeadLetterPublisher;
import io.articlepipeline.support.deadletter.KafkaDeadLetterPublisher;
import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.kafka.BatchMessages;
import io.articlepipeline.support.kafka.BatchRetry;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import io.articlepipeline.support.kafka.LiveGate;
import io.articlepipeline.support.kafka.SerdeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.messaging.Message;

/** The {@code enrichArticles} stage: binding {@code enrichArticles-in-0}, batch mode, see application.yml. */
@Configuration(proxyBeanMethods = false)
class EnrichFunctions {

  private static final Logger log = LoggerFactory.getLogger(EnrichFunctions.class);

  @Bean
  ArticleEnricher articleEnricher(EnrichProperties properties) {
    return ArticleEnrichers.load(properties.getGazetteer());
  }

  /**
   * The stage with its value deserializer and serializer (ours by default; any Kafka Deserializer of
   * ArticleSubmitted and Serializer of ArticleEnriched, e.g. Confluent's, by configuration). The
   * stage encodes, not the producer, so that encoding waits for an unreachable registry as decoding does.
   */
  @Bean
  EnrichStage enrichStage(EnrichProperties properties, ArticleEnricher enricher, Environment environment) {
    return new EnrichStage(
        SerdeProperties.deserializer(environment, "pipeline.enrich").newDeserializer(),
        SerdeProperties.serializer(environment, "pipeline.enrich").newSerializer(),
        enricher, Clock.systemUTC(), properties.getRegistryWait(), Retry.Sleeper.THREAD);
  }

  /** Writes the enriched articles: the shared producer settings (acks=all, idempotent), values as encoded bytes. */
  @Bean(destroyMethod = "close")
  Producer<String, byte[]> enrichedArticlesProducer(KafkaClientSettings kafka) {
    return new KafkaProducer<>(kafka.producer("enrich-articles"), new StringSerializer(), new ByteArraySerializer());
  }

  @Bean(destroyMethod = "close")
  DeadLetterPublisher enrichDeadLetters(KafkaClientSettings kafka, EnrichProperties properties) {
    return new KafkaDeadLetterPublisher(kafka.producer("enrich-dead-letters"), properties.getDeadLetterTopic());
  }

  /** The enrich threads: one per core by default, the live stage's articles before a reprocess's. */
  @Bean(destroyMethod = "close")
  EnrichWorkers enrichWorkers(EnrichProperties properties) {
    return new EnrichWorkers(properties.effectiveThreads());
  }

  @Bean
  EnrichBatch enrichBatch(EnrichStage stage, Producer<String, byte[]> enrichedArticlesProducer,
      DeadLetterPublisher enrichDeadLetters, EnrichWorkers enrichWorkers, EnrichProperties properties,
      KafkaClientSettings kafka, MeterRegistry meters) {
    Timer timer = Timer.builder("pipeline.enrich.duration").description("Time to enrich one article")
        .publishPercentileHistogram().register(meters);
    long deliveryTimeout = Long.parseLong(String.valueOf(kafka.producer("enrich-articles")
        .getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000")));
    return new EnrichBatch(stage, enrichedArticlesProducer, properties.getOutputTopic(), enrichDeadLetters,
        enrichWorkers.live(), properties.getMaxAttempts(), deliveryTimeout + 5_000,
        nanos -> timer.record(nanos, TimeUnit.NANOSECONDS));
  }

  /** Tells a reprocess when the live stage is behind, so that it waits. */
  @Bean
  LiveBacklog enrichLiveBacklog() {
    return new LiveBacklog(Duration.ofSeconds(5));
  }

  /** Lets a reprocess hold the live stage between two of its batches while it writes one of its own. */
  @Bean
  LiveGate enrichLiveGate() {
    return new LiveGate();
  }

  /**
   * The stage: one consumed batch enriched and written; its offsets are committed when this
   * returns. It enters the live gate for the batch, so a reprocess can hold it between batches.
   */
  @Bean
  Consumer<Message<List<?>>> enrichArticles(EnrichBatch batch, LiveGate enrichLiveGate, LiveBacklog enrichLiveBacklog,
      MeterRegistry meters) {
    return message -> {
      List<BatchMessages.Consumed> records = BatchMessages.records(message);
      enrichLiveBacklog.read(records.size());
      if (records.isEmpty()) {
        return;
      }
      meters.counter("pipeline.records.in", "stage", "enrich").increment(records.size());
      SourceRecord first = records.get(0).source();
      SourceRecord last = records.get(records.size() - 1).source();
      try {
        enrichLiveGate.enter();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while a reprocess held the stage; the batch is delivered again", e);
      }
      try {
        EnrichBatch.Report report = batch.process(records);
        meters.counter("pipeline.records.out", "stage", "enrich", "kind", "article").increment(report.enriched());
        meters.counter("pipeline.records.out", "stage", "enrich", "kind", "tombstone").increment(report.tombstones());
        if (report.deadLettered() > 0) {
          meters.counter("pipeline.records.failed", "stage", "enrich").increment(report.deadLettered());
        }
        log.debug("Enriched batch of {} from {} to {}: {}", records.size(), first, last, report);
      } catch (RuntimeException e) {
        log.error("Batch of {} from {} to {} failed; it is not committed and will be delivered again: {}",
            records.size(), first, last, e.getMessage());
        throw e;
      } finally {
        enrichLiveGate.exit();
      }
    };
  }

  /** A failed batch is delivered again, with backoff, until it succeeds: never skipped, never committed. */
  @Bean
  ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> enrichArticlesErrorHandling() {
    return (container, destination, group) -> container.setCommonErrorHandler(
        BatchRetry.untilItSucceeds(Duration.ofSeconds(30)));
  }

  /** The output and dead-letter topics with the pipeline's partitions (the binder creates only its input). */
  @Bean
  ApplicationRunner enrichTopics(KafkaClientSettings kafka, EnrichProperties properties) {
    return args -> {
      try {
        kafka.ensureTopics(List.of(properties.getOutputTopic(), properties.getDeadLetterTopic()), 10_000);
      } catch (RuntimeException e) {
        log.warn("Could not make sure topics {} and {} exist ({}); they are written once Kafka answers",
            properties.getOutputTopic(), properties.getDeadLetterTopic(), e.getMessage());
      }
    };
  }

}
