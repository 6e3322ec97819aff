package io.articlepipeline.index.indexing;

import io.articlepipeline.support.kafka.LiveGate;
import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.kafka.BatchRetry;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import io.articlepipeline.support.deadletter.DeadLetterPublisher;
import io.articlepipeline.support.deadletter.KafkaDeadLetterPublisher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.articlepipeline.index.IndexProperties;
import io.articlepipeline.index.elastic.IndexAdmin;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.support.kafka.RecordDecoder;
import io.articlepipeline.support.kafka.SerdeProperties;
import java.util.HashMap;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import io.articlepipeline.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/** The {@code indexArticles} stage: binding {@code indexArticles-in-0}, batch mode, see application.yml. */
@Configuration(proxyBeanMethods = false)
public class IndexingConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IndexingConfiguration.class);

  @Bean(destroyMethod = "close")
  KafkaDeadLetterPublisher deadLetterPublisher(IndexProperties props, KafkaClientSettings kafka) {
    return new KafkaDeadLetterPublisher(kafka.producer("index-dead-letters"), props.getDeadLetterTopic());
  }

  @Bean
  IndexingMetrics indexingMetrics(MeterRegistry meters) {
    return new IndexingMetrics(meters);
  }

  /** How the stage decodes the bytes it reads (the same {@link RecordDecoder} as the enrich stage). */
  @Bean
  RecordDecoder<ArticleEnriched> articleDecoder(IndexProperties props, Environment environment) {
    return decoder(props, environment);
  }

  /**
   * The configured value deserializer, {@code pipeline.index.value-deserializer} (ours by default;
   * any Kafka Deserializer of ArticleEnriched, e.g. Confluent's KafkaAvroDeserializer, works),
   * reading generated classes, with {@code pipeline.index.deserializer-config} (schema.registry.url
   * and specific.avro.reader=true unless given). The stage reads raw bytes and decodes them itself,
   * so a record it cannot decode is dead-lettered as read.
   */
  public static RecordDecoder<ArticleEnriched> decoder(IndexProperties props, Environment environment) {
    SerdeProperties values = SerdeProperties.deserializer(environment, "pipeline.index");
    Map<String, Object> config = new HashMap<>(values.config());
    config.putIfAbsent(AvroSerdeConfig.SCHEMA_REGISTRY_URL, props.getSchemaRegistryUrl());
    config.putIfAbsent(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
    return new RecordDecoder<>(values.newDeserializer(config), ArticleEnriched.class);
  }

  @Bean
  ArticleBatchIndexer articleBatchIndexer(ElasticsearchClient client, IndexAdmin admin, IndexProperties props,
                                          DeadLetterPublisher deadLetters, IndexingMetrics metrics) {
    Retry retry = new Retry(props.getBulkMaxAttempts(), props.getBulkInitialBackoff(), props.getBulkMaxBackoff());
    return new ArticleBatchIndexer(new ElasticsearchBulkSender(client, admin.layout().writeAlias()),
        new ArticleDocumentMapper(props.getMinOrganizationConfidence()), deadLetters, retry,
        props.getBehaviorOnMalformedDocuments(), Clock.systemUTC(), metrics, props.bulkLimits());
  }

  /** Where a rebuild holds the live stage between two batches while it moves the writes. */
  @Bean
  LiveGate liveGate() {
    return new LiveGate();
  }

  /**
   * The stage: each consumed batch is written in bulk requests (several in flight, the next
   * decoded and mapped meanwhile); its offsets are committed when this returns.
   */
  @Bean
  Consumer<Message<List<?>>> indexArticles(ArticleBatchIndexer indexer, IndexingMetrics metrics,
                                           RecordDecoder<ArticleEnriched> decoder, LiveGate gate) {
    return message -> {
      int size = message.getPayload().size();
      if (size == 0) {
        return;
      }
      try {
        gate.enter();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while a rebuild held the stage; the batch is delivered again", e);
      }
      try {
        index(message, size, indexer, metrics, decoder);
      } finally {
        gate.exit();
      }
    };
  }

  private static void index(Message<List<?>> message, int size, ArticleBatchIndexer indexer, IndexingMetrics metrics,
                            RecordDecoder<ArticleEnriched> decoder) {
    long started = System.nanoTime();
    SourceRecord[] bounds = KafkaBatchAdapter.bounds(message);
    metrics.batchReceived(size);
    try {
      BatchReport report = indexer.index(KafkaBatchAdapter.records(message, decoder));
      metrics.batchIndexed(report);
      log.info("Indexed batch of {} from {} to {} in {} ms: indexed={} deleted={} stale={} deadLettered={}"
          + " attempts={}", size, bounds[0], bounds[1], (System.nanoTime() - started) / 1_000_000,
          report.indexed(), report.deleted(), report.stale(), report.deadLettered(), report.bulkAttempts());
    } catch (RecordsUnreadableException e) {
      metrics.batchFailed(size);
      log.error("Batch of {} from {} to {} not read; it is not committed and will be fetched again: {}",
          size, bounds[0], bounds[1], e.getMessage());
      // the failure is in the records' decoding, which retrying this batch in memory would only
      // repeat: naming its first record makes the error handler seek back, so the next poll
      // reads (and decodes) the whole batch again; nothing before it is committed
      throw new BatchListenerFailedException(e.getMessage(), e, 0);
    } catch (RuntimeException e) {
      metrics.batchFailed(size);
      log.error("Batch of {} from {} to {} failed; it is not committed and will be delivered again: {}",
          size, bounds[0], bounds[1], e.getMessage());
      throw e;
    }
  }

  /** A failed batch is delivered again, with backoff, until it succeeds: never skipped, never committed. */
  @Bean
  ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> indexArticlesErrorHandling(IndexProperties props) {
    return (container, destination, group) -> container.setCommonErrorHandler(
        BatchRetry.untilItSucceeds(props.getBatchMaxBackoff()));
  }
}
