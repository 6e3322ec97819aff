package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.OpsProperties;
import io.articlepipeline.ops.http.JsonHttp;
import io.articlepipeline.ops.topics.KafkaOffsetsReader;
import io.articlepipeline.retry.Retry;
import io.articlepipeline.web.auth.AuthProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of reprocessing. */
@Configuration(proxyBeanMethods = false)
public class ReprocessConfiguration {

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService reprocessExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "reprocess");
      t.setDaemon(true);
      return t;
    });
  }

  @Bean
  StageBinding reprocessStageBinding(OpsProperties properties, JsonMapper json, AuthProperties auth) {
    String service = properties.getReprocess().getService();
    URI base = properties.getServices().get(service);
    if (base == null) {
      throw new IllegalStateException("pipeline.ops.reprocess.service names '" + service
          + "', which pipeline.ops.services does not list");
    }
    return new HttpStageBinding(new JsonHttp(json, properties.getReprocess().getBindingTimeout()), base,
        new OpsToken(auth));
  }

  @Bean
  ReprocessService reprocessService(Admin admin, KafkaOffsetsReader reader, StageBinding reprocessStageBinding,
      ExecutorService reprocessExecutor, OpsProperties properties, Clock clock) {
    GroupRewinder rewinder = new GroupRewinder(admin, properties.getKafka().getTimeout(), clock);
    OpsProperties.Reprocess r = properties.getReprocess();
    return new ReprocessService(rewinder, reader, reprocessStageBinding, r.getGroup(), r.getTopic(),
        r.getEmptyGroupTimeout(), Duration.ofMillis(500), reprocessExecutor, clock, Retry.Sleeper.THREAD);
  }
}
