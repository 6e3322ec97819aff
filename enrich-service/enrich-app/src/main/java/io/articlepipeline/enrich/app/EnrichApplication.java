package io.articlepipeline.enrich.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The enrich stage: {@code articles.submitted} in, {@code articles.enriched} out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnrichApplication {

  public static void main(String[] args) {
    SpringApplication.run(EnrichApplication.class, args);
  }
}
