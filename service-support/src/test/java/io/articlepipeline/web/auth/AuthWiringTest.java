package io.articlepipeline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The auto-configured filter in a real server, its tokens read from a credentials file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = AuthWiringTest.App.class)
class AuthWiringTest {

  static final Path DIR;
  static final Path FILE;

  static {
    try {
      DIR = Files.createTempDirectory("auth-wiring");
      FILE = DIR.resolve("credentials.properties");
      Files.writeString(FILE, "submit.token=first-submit\nops.token=first-ops\n");
      Files.setPosixFilePermissions(FILE, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @RestController
  static class App {
    @PostMapping("/api/articles")
    Map<String, String> submit() {
      return Map.of("status", "accepted");
    }

    @PostMapping("/api/ops/replay")
    Map<String, String> replay() {
      return Map.of("status", "replayed");
    }

    @GetMapping("/api/search")
    Map<String, String> search() {
      return Map.of("hits", "none");
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pipeline.auth.credentials-file", FILE::toString);
    registry.add("pipeline.auth.public-api", () -> "/api/search");
    registry.add("pipeline.auth.roles.submit", () -> "/api/articles/**");
    registry.add("pipeline.auth.roles.ops", () -> "/api/ops/**");
  }

  @LocalServerPort
  int port;

  private int post(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void aRotatedTokenIsInForceWithoutARestart() throws Exception {
    assertThat(post("/api/articles", "first-submit")).isEqualTo(200);

    Files.writeString(FILE, "submit.token=second-submit\nops.token=first-ops\n");
    Files.setLastModifiedTime(FILE, FileTime.fromMillis(System.currentTimeMillis() + 5000));

    assertThat(post("/api/articles", "first-submit")).isEqualTo(401);
    assertThat(post("/api/articles", "second-submit")).isEqualTo(200);
    assertThat(post("/api/ops/replay", "first-ops")).isEqualTo(200);
    assertThat(post("/api/ops/replay", "second-submit")).isEqualTo(403);
    assertThat(post("/api/articles", "first-ops")).isEqualTo(403);
  }

  @Test
  void aRequiredRoleWithoutATokenStopsTheStartNamingTheSetting() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AuthAutoConfiguration.class))
        .withPropertyValues("pipeline.auth.required-roles=ops", "pipeline.auth.tokens.submit=s")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("pipeline.auth.tokens.ops must be set"));
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AuthAutoConfiguration.class))
        .withPropertyValues("pipeline.auth.required-roles=ops", "pipeline.auth.tokens.ops=o")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Credentials.class));
  }
}
