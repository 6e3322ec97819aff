package io.articlepipeline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class OpsPropertiesTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(PropertiesOnly.class);

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(OpsProperties.class)
  static class PropertiesOnly {
  }

  @Test
  void startsWithTheDocumentedDefaults() {
    runner.run(context -> {
      OpsProperties p = context.getBean(OpsProperties.class);
      assertThat(p.getTopics()).containsExactly("articles.submitted", "articles.enriched",
          "articles.submitted.dlq", "articles.enriched.dlq");
      assertThat(p.getGroups()).containsEntry("enrich", "articles.submitted")
          .containsEntry("index", "articles.enriched");
      assertThat(p.getServices()).containsKeys("ingest", "enrich", "index");
      assertThat(p.getKafka().getTimeout()).isEqualTo(Duration.ofSeconds(5));
      assertThat(p.getSampling().getRateWindow()).isEqualTo(Duration.ofMinutes(1));
      assertThat(p.getReprocess().getService()).isEqualTo("enrich");
    });
  }

  @Test
  void invalidNestedValueFailsNamingTheProperty() {
    runner.withPropertyValues("pipeline.ops.dead-letters.newest=0")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("pipeline.ops.dead-letters.newest must be at least 1"));
  }
}
