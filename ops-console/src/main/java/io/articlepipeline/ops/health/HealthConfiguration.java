package io.articlepipeline.ops.health;

import io.articlepipeline.ops.OpsProperties;
import io.articlepipeline.ops.http.JsonHttp;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the health probes, the health API and the actuator's kafka and registry indicators. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

  @Bean
  HealthProbes healthProbes(Admin admin, JsonHttp http, OpsProperties properties, KafkaClientSettings kafka) {
    return new HealthProbes(admin, http::get, properties.getHealthTimeout(),
        kafka.bootstrapServers(), properties.getRegistry().getUrl(),
        properties.getElasticsearch().getUrl());
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService healthExecutor() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "health-probe-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Bean
  HealthService healthService(HealthProbes probes, OpsProperties properties,
      ExecutorService healthExecutor, Clock clock) {
    return new HealthService(probes, properties.getServices(), healthExecutor, clock);
  }

  /** Shown at /actuator/health as "kafka". */
  @Bean
  HealthIndicator kafkaHealthIndicator(HealthProbes probes) {
    return DependencyHealthIndicators.of(probes::kafka);
  }

  /** Shown at /actuator/health as "schemaRegistry". */
  @Bean
  HealthIndicator schemaRegistryHealthIndicator(HealthProbes probes) {
    return DependencyHealthIndicators.of(probes::registry);
  }
}
