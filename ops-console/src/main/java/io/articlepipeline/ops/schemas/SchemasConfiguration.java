package io.articlepipeline.ops.schemas;

import io.articlepipeline.ops.OpsProperties;
import io.articlepipeline.ops.http.JsonHttp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the registry browser. */
@Configuration(proxyBeanMethods = false)
public class SchemasConfiguration {

  @Bean
  SchemaRegistryBrowser schemaRegistryBrowser(JsonHttp http, OpsProperties properties) {
    return new SchemaRegistryBrowser(properties.getRegistry().getUrl(), http::get);
  }
}
