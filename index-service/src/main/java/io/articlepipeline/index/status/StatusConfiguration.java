package io.articlepipeline.index.status;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.articlepipeline.index.IndexProperties;
import io.articlepipeline.index.search.SearchService;
import io.articlepipeline.schemas.Topics;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.support.deadletter.DeadLetterReader;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import io.articlepipeline.support.kafka.RecordDecoder;
import io.articlepipeline.support.kafka.SerdeProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The article status: its two sources (the index, and the dead-letter topics read with the shared
 * {@link DeadLetterReader}).
 */
@Configuration(proxyBeanMethods = false)
public class StatusConfiguration {

  /** Which stage reads each source topic: the stage of a dead letter without a stage header. */
  static final Map<String, String> STAGES = Map.of(Topics.SUBMITTED, "enrich", Topics.ENRICHED, "index");

  @Bean
  IndexedRevisions indexedRevisions(SearchService search) {
    return id -> {
      Optional<Map<String, Object>> doc;
      try {
        doc = search.indexedRevision(id);
      } catch (ElasticsearchException e) {
        if (e.status() == 404) { // no index behind the alias yet: nothing is searchable
          return Optional.empty();
        }
        throw e;
      }
      return doc.map(d -> new ArticleStatus.Indexed(
          d.get("revision") instanceof Number n ? n.longValue() : 0L,
          d.get("indexedAt") == null ? null : d.get("indexedAt").toString()));
    };
  }

  /** Both dead-letter topics, decoded with the stage's configured deserializer to read revisions. */
  @Bean
  DeadLetterWatch deadLetterWatch(IndexProperties props, KafkaClientSettings kafka, Environment environment) {
    SerdeProperties values = SerdeProperties.deserializer(environment, "pipeline.index");
    Map<String, Object> config = new HashMap<>(values.config());
    config.putIfAbsent(AvroSerdeConfig.SCHEMA_REGISTRY_URL, props.getSchemaRegistryUrl());
    // generic records: a dead letter of either topic (ArticleSubmitted, ArticleEnriched) has a revision
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "false");
    RecordDecoder<GenericRecord> revisions = new RecordDecoder<>(values.newDeserializer(config), GenericRecord.class);
    Map<String, Object> consumer = kafka.consumer("index-dead-letter-watch", null);
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    return new DeadLetterWatch(List.of(Topics.SUBMITTED_DLQ, Topics.ENRICHED_DLQ),
        () -> new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        new DeadLetterReader(STAGES, revisions));
  }
}
