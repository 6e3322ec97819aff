package io.articlepipeline.enrich.app.reprocess;

import io.articlepipeline.enrich.app.EnrichBatch;
import io.articlepipeline.enrich.app.EnrichProperties;
import io.articlepipeline.enrich.app.EnrichWorkers;
import io.articlepipeline.enrich.app.LiveBacklog;
import io.articlepipeline.enrich.app.InputBindingController;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import io.articlepipeline.support.kafka.LiveGate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wiring of the reprocess beside the live stage ({@link Reprocessor}). */
@Configuration(proxyBeanMethods = false)
class ReprocessConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ReprocessConfiguration.class);
  private static final String BINDING = "spring.cloud.stream.bindings." + InputBindingController.BINDING;

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService reprocessExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "reprocess");
      t.setDaemon(true);
      return t;
    });
  }

  /** The next stage's lag on the output topic, which the reprocess keeps short (none without a group). */
  @Bean(destroyMethod = "close")
  DownstreamLag reprocessDownstreamLag(KafkaClientSettings kafka, EnrichProperties properties) {
    return new DownstreamLag(Admin.create(kafka.admin("enrich-reprocess-lag")), properties.getReprocessDownstreamGroup(),
        properties.getOutputTopic(), properties.getReprocessDownstreamLag(), Duration.ofMillis(250));
  }

  /** Its consumers and admin client take the shared Kafka settings, as every client of the service. */
  @Bean
  Reprocessor reprocessor(KafkaClientSettings kafka, EnrichBatch enrichBatch, EnrichWorkers enrichWorkers,
      LiveGate enrichLiveGate, LiveBacklog enrichLiveBacklog, DownstreamLag reprocessDownstreamLag,
      EnrichProperties properties, Environment environment, ExecutorService reprocessExecutor) {
    Reprocessor.Consumers consumers = (clientId, groupId, maxPollRecords) -> {
      Map<String, Object> config = kafka.consumer(clientId, groupId);
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
      return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    };
    Reprocessor.GroupDeleter groups = group -> {
      try (Admin admin = Admin.create(kafka.admin("enrich-reprocess-admin"))) {
        admin.deleteConsumerGroups(List.of(group)).all().get(15, TimeUnit.SECONDS);
      }
    };
    // its articles wait while live ones do: new articles never queue behind a reprocess batch
    return new Reprocessor(consumers, groups, enrichBatch.on(enrichWorkers.background()), enrichLiveGate,
        () -> enrichLiveBacklog.behind() || (!properties.getReprocessDownstreamGroup().isBlank()
            && reprocessDownstreamLag.behind()),
        environment.getProperty(BINDING + ".destination", io.articlepipeline.schemas.Topics.SUBMITTED),
        environment.getProperty(BINDING + ".group", "enrich"), properties.getReprocessGroup(),
        properties.getReprocessBatch(), Duration.ofMinutes(2), reprocessExecutor, Clock.systemUTC());
  }

  /** A reprocess an earlier run of the service did not finish goes on once the service runs. */
  @Bean
  ApplicationRunner resumeReprocess(Reprocessor reprocessor, ExecutorService reprocessExecutor) {
    return args -> reprocessExecutor.execute(() -> {
      try {
        reprocessor.resume();
      } catch (RuntimeException e) {
        log.warn("Could not look for an unfinished reprocess ({}); a new one can be started"
            + " (POST /api/enrich/reprocess)", e.getMessage());
      }
    });
  }
}
