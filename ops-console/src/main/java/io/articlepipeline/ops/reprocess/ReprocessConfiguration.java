package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.OpsProperties;
import io.articlepipeline.ops.topics.KafkaOffsetsReader;
import io.articlepipeline.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of reprocessing. */
@Configuration(proxyBeanMethods = false)
public class ReprocessConfiguration {

  @Bean
  ReprocessService reprocessService(Admin admin, KafkaOffsetsReader reader,
      OpsProperties properties, Clock clock) {
    // A forced rewind races the removed members' rejoin; a few quick attempts win it.
    Retry retry = new Retry(8, Duration.ofMillis(50), Duration.ofMillis(500));
    GroupRewinder rewinder = new GroupRewinder(admin, properties.getKafka().getTimeout(), clock, retry);
    return new ReprocessService(rewinder, reader, properties.getReprocess().getGroup(),
        properties.getReprocess().getTopic());
  }
}
