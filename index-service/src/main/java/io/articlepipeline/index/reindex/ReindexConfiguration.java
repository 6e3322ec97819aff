package io.articlepipeline.index.reindex;

import io.articlepipeline.support.kafka.LiveGate;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.articlepipeline.index.IndexProperties;
import io.articlepipeline.index.elastic.IndexAdmin;
import io.articlepipeline.index.indexing.ArticleBatchIndexer;
import io.articlepipeline.index.indexing.ArticleDocumentMapper;
import io.articlepipeline.index.indexing.ElasticsearchBulkSender;
import io.articlepipeline.index.indexing.IndexingListener;

import io.articlepipeline.index.indexing.MalformedDocumentPolicy;
import io.articlepipeline.retry.Retry;
import io.articlepipeline.index.indexing.IndexingConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import io.articlepipeline.support.kafka.RecordDecoder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The rebuild: its own consumer (raw bytes, the stage's decoder) and an indexer per target index. */
@Configuration(proxyBeanMethods = false)
public class ReindexConfiguration {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReindexConfiguration.class);

  @Bean
  Reindexer reindexer(IndexAdmin admin, ElasticsearchClient client, IndexProperties props,
                      @Value("${spring.cloud.stream.bindings.indexArticles-in-0.destination:articles.enriched}")
                      String topic, Environment environment, LiveGate liveGate, KafkaClientSettings kafka) {
    return reindexer(admin, client, props, topic, IndexingConfiguration.decoder(props, environment), liveGate,
        () -> consumer(kafka));
  }

  /** The service's rebuild, reading the topic with {@code consumers} (the bean's: {@link #consumer}). */
  public static Reindexer reindexer(IndexAdmin admin, ElasticsearchClient client, IndexProperties props, String topic,
                                    RecordDecoder<ArticleEnriched> decoder, LiveGate liveGate,
                                    Supplier<Consumer<String, byte[]>> consumers) {
    return new Reindexer(admin, topic, consumers, index -> new ArticleBatchIndexer(
        new ElasticsearchBulkSender(client, index), new ArticleDocumentMapper(props.getMinOrganizationConfidence()),
        // The live stage dead-letters bad records; a replay only counts them (BatchReport.deadLettered).
        letters -> log.info("Rebuild skipped {} records the live stage dead-letters", letters.size()),
        new Retry(props.getBulkMaxAttempts(), props.getBulkInitialBackoff(), props.getBulkMaxBackoff()),
        MalformedDocumentPolicy.DEAD_LETTER, Clock.systemUTC(), IndexingListener.NONE, props.bulkLimits()),
        Clock.systemUTC(), decoder, liveGate, LIVE_BATCH_TIMEOUT);
  }

  /**
   * How long the live stage's batch in progress may take to finish when the rebuild holds the
   * stage to move the writes: a batch takes well under a second; one still going after this is
   * being retried against a failing Elasticsearch, and the rebuild fails rather than wait on it.
   */
  static final Duration LIVE_BATCH_TIMEOUT = Duration.ofMinutes(2);

  /**
   * A rebuild the service stopped after it had moved the writes starts again at start-up, the
   * writes moved back first (in the background: the service answers and indexes meanwhile;
   * {@code GET /api/admin/reindex} follows it).
   */
  @Bean
  ApplicationRunner resumeInterruptedRebuild(Reindexer reindexer) {
    return args -> {
      try {
        if (reindexer.resumeInterrupted(r -> {
          Thread t = new Thread(r, "reindex-resume");
          t.setDaemon(true);
          t.start();
        })) {
          log.warn("A rebuild was interrupted after it moved the writes; starting it again (GET /api/admin/reindex)");
        }
      } catch (java.io.IOException | RuntimeException e) {
        log.warn("Could not check for an interrupted rebuild: {}", e.toString());
      }
    };
  }

  /** A consumer of its own (the pipeline's shared consumer settings; no group: assigned partitions, no commits), raw values. */
  public static KafkaConsumer<String, byte[]> consumer(KafkaClientSettings kafka) {
    Map<String, Object> config = kafka.consumer("index-reindex", null);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    // raw bytes, decoded by the stage's own decoder as the live consumer's are
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
