package io.articlepipeline.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The submitters' HTTP API: articles in, {@code articles.submitted} out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestApplication.class, args);
  }
}
