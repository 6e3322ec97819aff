package io.articlepipeline.ops;

import io.articlepipeline.ops.http.JsonHttp;
import io.articlepipeline.ops.throughput.SampleHistory;
import io.articlepipeline.ops.topics.KafkaOffsetsReader;
import java.time.Clock;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wiring: the Kafka admin client, the offsets reader, the sample history (the ops token is checked by service-support's filter, pipeline.auth). */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean(destroyMethod = "close")
  Admin kafkaAdmin(KafkaClientSettings kafka, OpsProperties properties) {
    int timeoutMs = (int) properties.getKafka().getTimeout().toMillis();
    Map<String, Object> config = new HashMap<>(kafka.admin("ops-console"));
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs * 2);
    return Admin.create(config);
  }

  @Bean
  JsonHttp jsonHttp(JsonMapper json, OpsProperties properties) {
    return new JsonHttp(json, properties.getHealthTimeout());
  }

  @Bean
  KafkaOffsetsReader kafkaOffsetsReader(Admin admin, OpsProperties properties, Clock clock) {
    return new KafkaOffsetsReader(admin, properties.getKafka().getTimeout(), clock);
  }

  @Bean
  SampleHistory sampleHistory(OpsProperties properties) {
    return new SampleHistory(properties.getSampling().getTrendWindow());
  }
}
