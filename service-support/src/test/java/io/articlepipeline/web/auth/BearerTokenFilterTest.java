package io.articlepipeline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one filter's rules, request by request. */
@ExtendWith(OutputCaptureExtension.class)
class BearerTokenFilterTest {

  static final String SUBMIT = "submit-5ecret-token";
  static final String OPS = "ops-5ecret-token";

  private final JsonMapper json = JsonMapper.builder().build();
  private BearerTokenFilter filter;

  static AuthProperties properties() {
    AuthProperties p = new AuthProperties();
    p.setPublicApi(List.of("/api/search", "/api/articles/**"));
    p.getRoles().put("ops", List.of("/api/ops/**", "/api/admin/**"));
    p.getRoles().put("submit", List.of("/api/submit/**"));
    return p;
  }

  static BearerTokenFilter filter(RateLimiter limiter) {
    return new BearerTokenFilter(new Credentials(null, Map.of("submit", SUBMIT, "ops", OPS)), limiter,
        properties(), "test");
  }

  @BeforeEach
  void setUp() {
    filter = filter(null);
    // the filter's most talkative level, so a token in any of its messages would show
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(BearerTokenFilter.class)).setLevel(Level.DEBUG);
  }

  @AfterEach
  void tearDown() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(BearerTokenFilter.class)).setLevel(null);
  }

  record Answer(int status, boolean passed, MockHttpServletResponse response) {
  }

  private Answer call(BearerTokenFilter f, String method, String path, String token, String addr) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRemoteAddr(addr);
    if (token != null) {
      request.addHeader("Authorization", "Bearer " + token);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    f.doFilter(request, response, chain);
    return new Answer(response.getStatus(), chain.getRequest() != null, response);
  }

  private Answer call(String method, String path, String token) throws Exception {
    return call(filter, method, path, token, "127.0.0.1");
  }

  @Test
  void theRightRoleGoesThrough() throws Exception {
    assertThat(call("POST", "/api/submit/x", SUBMIT).passed()).isTrue();
    assertThat(call("POST", "/api/ops/dead-letters/t/replay", OPS).passed()).isTrue();
    assertThat(call("POST", "/api/admin/reindex", OPS).passed()).isTrue();
    assertThat(call("GET", "/actuator/prometheus", OPS).passed()).isTrue();
  }

  @Test
  void aSubmitTokenCannotCallOpsEndpoints() throws Exception {
    for (String path : List.of("/api/ops/dead-letters/articles.submitted.dlq/replay", "/api/ops/reprocess",
        "/api/admin/reindex", "/actuator/prometheus")) {
      Answer a = call("POST", path, SUBMIT);
      assertThat(a.passed()).as(path).isFalse();
      assertThat(a.status()).as(path).isEqualTo(403);
      assertThat(a.response().getHeader("WWW-Authenticate")).contains("insufficient_scope");
    }
  }

  @Test
  void anOpsTokenCannotSubmit() throws Exception {
    Answer a = call("POST", "/api/submit/x", OPS);
    assertThat(a.passed()).isFalse();
    assertThat(a.status()).isEqualTo(403);
    assertThat(body(a).path("error").asString()).contains("needs the submit token");
  }

  @Test
  void withoutATokenOnlyHealthThePagesAndThePublicApiAnswer() throws Exception {
    for (String path : List.of("/", "/index.html", "/app.js", "/pipeline-base.css", "/actuator/health",
        "/actuator/health/liveness", "/api/search", "/api/articles/a1", "/api/articles/a1/similar")) {
      assertThat(call("GET", path, null).passed()).as(path).isTrue();
    }
    for (String path : List.of("/api/ops/topics", "/api/admin/reindex", "/api/submit/x", "/actuator/prometheus",
        "/actuator/env", "/actuator/info", "/actuator", "/api/suggest-not-listed", "/anything", "/config/x.json",
        "/api/%61dmin/reindex", "/api/articles/../admin/reindex", "/api/articles/a/../../ops/topics")) {
      Answer a = call("GET", path, null);
      assertThat(a.passed()).as(path).isFalse();
      assertThat(a.status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void aWrongTokenIs401() throws Exception {
    Answer a = call("GET", "/api/ops/topics", "guess");
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.response().getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"test\", error=\"invalid_token\"");
    assertThat(body(a).path("error").asString()).contains("ops token").contains("Authorization: Bearer");
    assertThat(body(a).path("details").get(0).asString()).isEqualTo("wrong token");
  }

  @Test
  void refusalsAreProblemDocumentsWithTheFieldsClientsRead() throws Exception {
    Answer a = call("GET", "/api/ops/topics", null);
    assertThat(a.response().getContentType()).startsWith("application/problem+json");
    JsonNode b = body(a);
    assertThat(b.path("type").asString()).isEqualTo("about:blank");
    assertThat(b.path("title").asString()).isEqualTo("Unauthorized");
    assertThat(b.path("status").asInt()).isEqualTo(401);
    assertThat(b.path("detail").asString()).isNotBlank();
    assertThat(b.path("instance").asString()).isEqualTo("/api/ops/topics");
    assertThat(b.path("error").asString()).contains("Authorization");
    assertThat(b.path("details").get(0).asString()).isEqualTo("missing Authorization header");
  }

  @Test
  void noTokenEverAppearsInAnAnswerOrTheLog(CapturedOutput output) throws Exception {
    String guess = "guessed-7oken-value";
    List<Answer> answers = List.of(
        call("GET", "/api/ops/topics", guess),
        call("GET", "/api/ops/topics", SUBMIT),
        call("POST", "/api/submit/x", OPS),
        call("POST", "/api/submit/x", guess),
        call("POST", "/api/submit/x", null));
    for (Answer a : answers) {
      String everything = a.response().getContentAsString() + a.response().getHeaderNames().stream()
          .map(n -> n + ": " + a.response().getHeaders(n)).toList();
      assertThat(everything).doesNotContain(guess).doesNotContain(SUBMIT).doesNotContain(OPS);
    }
    assertThat(output.getAll()).contains("403") // the filter did log
        .doesNotContain(guess).doesNotContain(SUBMIT).doesNotContain(OPS);
  }

  @Test
  void aClientThatFloodsGets429WithRetryAfterAndOthersAreStillServed() throws Exception {
    BearerTokenFilter limited = filter(new RateLimiter(5, 0.2));
    for (int i = 0; i < 5; i++) {
      assertThat(call(limited, "GET", "/api/search", null, "10.0.0.1").passed()).isTrue();
    }
    Answer flood = call(limited, "GET", "/api/search", null, "10.0.0.1");
    assertThat(flood.status()).isEqualTo(429);
    assertThat(flood.passed()).isFalse();
    assertThat(flood.response().getHeader("Retry-After")).isEqualTo("5");
    assertThat(flood.response().getContentType()).startsWith("application/problem+json");
    assertThat(body(flood).path("status").asInt()).isEqualTo(429);
    // another address, a token's own bucket, and health checks are not starved
    assertThat(call(limited, "GET", "/api/search", null, "10.0.0.2").passed()).isTrue();
    assertThat(call(limited, "GET", "/api/ops/topics", OPS, "10.0.0.1").passed()).isTrue();
    assertThat(call(limited, "GET", "/actuator/health", null, "10.0.0.1").passed()).isTrue();
    // guessing tokens from the flooding address is limited too
    assertThat(call(limited, "GET", "/api/ops/topics", "guess", "10.0.0.1").status()).isEqualTo(429);
  }

  private JsonNode body(Answer a) throws Exception {
    return json.readTree(a.response().getContentAsString());
  }
}
