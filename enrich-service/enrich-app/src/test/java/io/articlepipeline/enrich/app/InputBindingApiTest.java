package io.articlepipeline.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The input binding's API through the running server and the bearer-token filter, on Spring
 * Cloud Stream's test binder: the ops token stops, reads and starts the binding; a submit token
 * gets 403, none 401; the actuator's bindings endpoint stays unexposed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.cloud.stream.default-binder=integration",
    "spring.cloud.stream.kafka.binder.auto-create-topics=false",
    "management.health.binders.enabled=false",
    "pipeline.auth.tokens.ops=binding-ops",
    "pipeline.auth.tokens.submit=binding-submit"})
@Import(TestChannelBinderConfiguration.class)
class InputBindingApiTest {

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theOpsTokenStopsReadsAndStartsTheBinding() throws Exception {
    HttpResponse<String> initial = send("GET", "/api/enrich/binding", "binding-ops");
    assertThat(initial.statusCode()).isEqualTo(200);
    assertThat(initial.body()).contains("\"binding\":\"enrichArticles-in-0\"").contains("\"state\":\"running\"");

    HttpResponse<String> stopped = send("POST", "/api/enrich/binding/stop", "binding-ops");
    assertThat(stopped.statusCode()).isEqualTo(200);
    assertThat(stopped.body()).contains("\"state\":\"stopped\"");
    assertThat(send("GET", "/api/enrich/binding", "binding-ops").body()).contains("\"state\":\"stopped\"");
    // stopping twice is harmless
    assertThat(send("POST", "/api/enrich/binding/stop", "binding-ops").body()).contains("\"state\":\"stopped\"");

    HttpResponse<String> started = send("POST", "/api/enrich/binding/start", "binding-ops");
    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(started.body()).contains("\"state\":\"running\"");
    assertThat(send("GET", "/api/enrich/binding", "binding-ops").body()).contains("\"state\":\"running\"");
  }

  @Test
  void aSubmitTokenIsForbiddenAndNoTokenUnauthorized() throws Exception {
    for (String[] call : new String[][] {{"GET", "/api/enrich/binding"}, {"POST", "/api/enrich/binding/stop"},
        {"POST", "/api/enrich/binding/start"}}) {
      HttpResponse<String> submit = send(call[0], call[1], "binding-submit");
      assertThat(submit.statusCode()).as(call[1]).isEqualTo(403);
      assertThat(submit.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(send(call[0], call[1], null).statusCode()).as(call[1]).isEqualTo(401);
    }
    assertThat(send("GET", "/api/enrich/binding", "binding-ops").body()).contains("\"state\":\"running\"");
  }

  @Test
  void theActuatorBindingsEndpointIsNotExposed() throws Exception {
    assertThat(send("GET", "/actuator/bindings", "binding-ops").statusCode()).isEqualTo(404);
  }
}
