package io.articlepipeline.support.registry;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code schemaRegistry} health indicator of every service with actuator on its class path,
 * asking the registry the stages use ({@code SCHEMA_REGISTRY_URL}). A service with its own
 * indicator of that name keeps it; {@code pipeline.registry-health.enabled=false} turns it off.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnProperty(name = "pipeline.registry-health.enabled", havingValue = "true", matchIfMissing = true)
public class RegistryHealthAutoConfiguration {

  @Bean("schemaRegistry")
  @ConditionalOnMissingBean(name = {"schemaRegistry", "schemaRegistryHealthIndicator"})
  RegistryHealth schemaRegistry(
      @Value("${SCHEMA_REGISTRY_URL:http://127.0.0.1:8081/apis/ccompat/v7}") String url,
      @Value("${pipeline.registry-health.timeout-ms:2000}") long timeoutMillis) {
    return new RegistryHealth(url, Duration.ofMillis(timeoutMillis));
  }
}
