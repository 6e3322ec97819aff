package io.articlepipeline.index.reindex;

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
import java.util.HashMap;
import java.util.Map;
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
                      String topic, Environment environment) {
    return new Reindexer(admin, topic, () -> consumer(props), index -> new ArticleBatchIndexer(
        new ElasticsearchBulkSender(client, index), new ArticleDocumentMapper(props.getMinOrganizationConfidence()),
        // The live stage dead-letters bad records; a replay only counts them (BatchReport.deadLettered).
        letters -> log.info("Rebuild skipped {} records the live stage dead-letters", letters.size()),
        new Retry(props.getBulkMaxAttempts(), props.getBulkInitialBackoff(), props.getBulkMaxBackoff()),
        MalformedDocumentPolicy.DEAD_LETTER, Clock.systemUTC(), IndexingListener.NONE, props.bulkLimits()),
        Clock.systemUTC(), IndexingConfiguration.decoder(props, environment));
  }

  /**
   * A rebuild the service stopped after it had moved the writes resumes at start-up (in the
   * background: the service answers and indexes meanwhile; {@code GET /api/admin/reindex} follows it).
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
          log.warn("A rebuild was interrupted after it moved the writes; resuming it (GET /api/admin/reindex)");
        }
      } catch (java.io.IOException | RuntimeException e) {
        log.warn("Could not check for an interrupted rebuild: {}", e.toString());
      }
    };
  }

  private static KafkaConsumer<String, byte[]> consumer(IndexProperties props) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, props.getKafkaBootstrapServers());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "index-reindex");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    // raw bytes, decoded by the stage's own decoder as the live consumer's are
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
