package io.articlepipeline.ingest.status;

import io.articlepipeline.ingest.IngestProperties;
import io.articlepipeline.serde.AvroDeserializer;
import io.articlepipeline.serde.AvroSerdeConfig;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status poll's two sources: the index service and the dead-letter topics. */
@Configuration
class StatusConfiguration {

  @Bean
  IndexLookup indexLookup(IngestProperties properties) {
    return new IndexLookup(properties.getIndexUrl());
  }

  @Bean
  DeadLetterWatch deadLetterWatch(IngestProperties properties) {
    AvroDeserializer values = new AvroDeserializer();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, properties.getSchemaRegistryUrl()), false);
    return new DeadLetterWatch(properties.getKafkaBootstrapServers(), values);
  }
}
