package io.articlepipeline.index;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** articles.enriched -> Elasticsearch, the search API and the reader page. */
@SpringBootApplication
@EnableConfigurationProperties(IndexProperties.class)
public class IndexApplication {

  public static void main(String[] args) {
    SpringApplication.run(IndexApplication.class, args);
  }
}
