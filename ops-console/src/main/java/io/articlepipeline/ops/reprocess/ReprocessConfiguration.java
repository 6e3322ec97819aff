package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.OpsProperties;
import io.articlepipeline.ops.http.JsonHttp;
import io.articlepipeline.web.auth.AuthProperties;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of reprocessing: the service that reprocesses, reached with the ops token. */
@Configuration(proxyBeanMethods = false)
public class ReprocessConfiguration {

  @Bean
  ReprocessService reprocessService(OpsProperties properties, JsonMapper json, AuthProperties auth) {
    String service = properties.getReprocess().getService();
    URI base = properties.getServices().get(service);
    if (base == null) {
      throw new IllegalStateException("pipeline.ops.reprocess.service names '" + service
          + "', which pipeline.ops.services does not list");
    }
    return new ReprocessService(new JsonHttp(json, properties.getReprocess().getTimeout()), base, service,
        new OpsToken(auth));
  }
}
