package io.articlepipeline.support.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RegistryHealthAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RegistryHealthAutoConfiguration.class));

  @Test
  void everyServiceGetsOneSchemaRegistryIndicatorAskingTheConfiguredRegistry() throws Exception {
    HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    registry.createContext("/apis/ccompat/v7/subjects", exchange -> {
      byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    registry.start();
    try {
      String url = "http://127.0.0.1:" + registry.getAddress().getPort() + "/apis/ccompat/v7";
      runner.withPropertyValues("SCHEMA_REGISTRY_URL=" + url).run(context -> {
        Health health = context.getBean("schemaRegistry", HealthIndicator.class).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("url", url);
      });
    } finally {
      registry.stop(0);
    }
  }

  @Test
  void anUnreachableRegistryIsDownWithTheReason() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    runner.withPropertyValues("SCHEMA_REGISTRY_URL=http://127.0.0.1:" + closed + "/apis/ccompat/v7").run(context -> {
      Health health = context.getBean("schemaRegistry", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(String.valueOf(health.getDetails().get("detail"))).startsWith("unreachable");
    });
  }

  @Test
  void aServiceWithItsOwnIndicatorKeepsIt() {
    HealthIndicator own = () -> Health.up().withDetail("own", true).build();
    runner.withBean("schemaRegistryHealthIndicator", HealthIndicator.class, () -> own).run(context -> {
      assertThat(context).doesNotHaveBean("schemaRegistry");
      assertThat(context.getBeansOfType(HealthIndicator.class)).hasSize(1);
    });
  }

  @Test
  void itCanBeTurnedOff() {
    runner.withPropertyValues("pipeline.registry-health.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("schemaRegistry"));
  }
}
