package io.articlepipeline.support.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@value #RESOURCE} (the Kafka settings every service shares) as the environment's last
 * property source: anything a service, an environment variable or an argument sets wins. Unlike
 * {@code spring.config.import}, whose files override the file that imports them, this is a
 * default in the proper sense.
 */
public class KafkaDefaults implements EnvironmentPostProcessor {

  /** The shared settings on the class path. */
  public static final String RESOURCE = "pipeline-kafka-defaults.yml";
  static final String SOURCE_NAME = "pipelineKafkaDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    try {
      List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load(SOURCE_NAME, new ClassPathResource(RESOURCE));
      for (PropertySource<?> source : loaded) {
        environment.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE + " from service-support", e);
    }
  }
}
