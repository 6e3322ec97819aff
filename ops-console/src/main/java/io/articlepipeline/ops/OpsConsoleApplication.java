package io.articlepipeline.ops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The operators' console: API and page over Kafka, the registry and the services' health. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OpsConsoleApplication {

  public static void main(String[] args) {
    SpringApplication.run(OpsConsoleApplication.class, args);
  }
}
