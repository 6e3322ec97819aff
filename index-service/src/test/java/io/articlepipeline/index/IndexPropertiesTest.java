package io.articlepipeline.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.index.indexing.MalformedDocumentPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class IndexPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IndexProperties.class)
  static class PropertiesOnly {
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(PropertiesOnly.class);

  @Test
  void defaultsNeedNoConfiguration() {
    runner.run(ctx -> {
      IndexProperties p = ctx.getBean(IndexProperties.class);
      assertThat(p.getReadAlias()).isEqualTo("articles");
      assertThat(p.getWriteAlias()).isEqualTo("articles-write");
      assertThat(p.getBehaviorOnMalformedDocuments()).isEqualTo(MalformedDocumentPolicy.DEAD_LETTER);
    });
  }

  @Test
  void thePolicyReadsAsKebabCase() {
    runner.withPropertyValues("pipeline.index.behavior-on-malformed-documents=fail")
        .run(ctx -> assertThat(ctx.getBean(IndexProperties.class).getBehaviorOnMalformedDocuments())
            .isEqualTo(MalformedDocumentPolicy.FAIL));
  }

  @Test
  void aBadElasticsearchUrlFailsStartUpNamingTheProperty() {
    runner.withPropertyValues("pipeline.index.elasticsearch-url=localhost:9200").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining(
          "pipeline.index.elasticsearch-url must start with http:// or https://");
    });
  }

  @Test
  void aPageSizeAboveTheLimitFailsStartUpNamingTheProperty() {
    runner.withPropertyValues("pipeline.index.max-page-size=1000").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("pipeline.index.max-page-size must be at most 500");
    });
  }
}
