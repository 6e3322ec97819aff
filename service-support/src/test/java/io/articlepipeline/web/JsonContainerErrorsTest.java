package io.articlepipeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A real embedded Tomcat, spoken to over a raw socket (an HTTP client would fix the bad requests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = JsonContainerErrorsTest.App.class, properties = "pipeline.auth.public-api=/echo")
class JsonContainerErrorsTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @RestController
  static class App {
    @GetMapping("/echo")
    Map<String, String> echo(@RequestParam String q) {
      return Map.of("q", q);
    }

    /** Takes a body without naming its types, as some endpoints do. */
    @org.springframework.web.bind.annotation.PostMapping("/echo")
    Map<String, String> echoBody(@org.springframework.web.bind.annotation.RequestBody(required = false) String body) {
      return Map.of("body", body == null ? "" : body);
    }
  }

  @LocalServerPort
  int port;

  private String raw(String requestLine) throws IOException {
    return rawBytes(requestLine.getBytes(StandardCharsets.ISO_8859_1));
  }

  private String rawBytes(byte[] requestLine) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(requestLine);
      out.write("\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void forbiddenCharactersInTheQueryGetAProblemDocument() throws IOException {
    String answer = raw("GET /echo?q[]=x HTTP/1.1");
    assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
        .startsWith("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"")
        .doesNotContain("\"instance\":\"\"") // the target was never read: no instance rather than an empty one
        .contains("\"error\":\"Bad Request\",\"details\":[\"")
        .contains("Invalid character")
        .doesNotContain("<html");
  }

  @Test
  void rawChineseInTheQueryGetsTheEncodedTargetBack() throws IOException {
    // what curl sends for curl 'http://host/echo?q=志愿服务': the UTF-8 bytes as typed
    String answer = rawBytes(("GET /echo?q=志愿服务&x=1 HTTP/1.1").getBytes(StandardCharsets.UTF_8));
    assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
        .contains("\"error\":\"Bad Request\"")
        .contains("percent-encoded as UTF-8, e.g. /echo?q=%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1\\u0026x=1 ") // & as a JSON escape
        .contains("--data-urlencode");
    // and the encoded form it suggests is answered
    assertThat(raw("GET /echo?q=%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1 HTTP/1.1")).startsWith("HTTP/1.1 200")
        .contains("{\"q\":\"志愿服务\"}");
  }

  @Test
  void aWildcardContentTypeIs415NotA500() throws IOException {
    for (String wildcard : new String[] {"*/*", "application/*"}) {
      String answer = raw("POST /echo HTTP/1.1\r\nContent-Type: " + wildcard + "\r\nContent-Length: 0");
      assertThat(answer).as(wildcard).startsWith("HTTP/1.1 415")
          .containsIgnoringCase("Content-Type: application/problem+json")
          .contains("\"error\":\"Content-Type must name the body's type\"");
    }
    assertThat(raw("POST /echo HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 0")).startsWith("HTTP/1.1 200");
  }

  @Test
  void noEncodingHintForOtherForbiddenCharacters() {
    assertThat(JsonErrorReportValve.encodingHint(
        "Invalid character found in the request target [/echo?q[]=x ]. The valid characters are ...")).isNull();
    assertThat(JsonErrorReportValve.encodingHint(null)).isNull();
  }

  @Test
  void aRequestLineOverTheLimitGetsAJsonError() throws IOException {
    String answer = raw("GET /echo?q=" + "a".repeat(20_000) + " HTTP/1.1");
    assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertThat(body).contains("\"status\":400").contains("\"error\":\"Bad Request\"").doesNotContain("<html");
    assertThat(body.length()).isLessThan(3 * JsonErrorReportValve.MAX_DETAIL + 300);
  }

  @Test
  void anUnsupportedHttpVersionOrMethodIsTheClientsErrorA400NotA5xx() throws IOException {
    for (String line : new String[] {"GET /echo?q=x HTTP/9.9", "CONNECT /echo HTTP/1.1"}) {
      String answer = raw(line);
      assertThat(answer).as(line).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
      assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).as(line).contains("not supported");
    }
  }

  @Test
  void aClientThatAcceptsOnlyXmlGetsA406ThatStillSaysWhyInJson() throws IOException {
    String answer = raw("GET /echo?q=x HTTP/1.1\r\nAccept: application/xml");
    assertThat(answer).startsWith("HTTP/1.1 406").containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).contains("acceptable media type");
  }

  @Test
  void answersTheApplicationWritesItselfPassThrough() throws IOException {
    assertThat(raw("GET /echo?q=ok HTTP/1.1")).startsWith("HTTP/1.1 200").contains("{\"q\":\"ok\"}");
    // a missing parameter is the application's 400, answered by the shared error controller
    String missing = raw("GET /echo HTTP/1.1");
    assertThat(missing).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
        .contains("\"status\":400").contains("\"instance\":\"/echo\"").contains("\"error\":");
  }

  @Test
  void anUnknownPathWithoutATokenIsA401ProblemFromTheFilter() throws IOException {
    String answer = raw("GET /nothing-here HTTP/1.1");
    assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("Content-Type: application/problem+json")
        .contains("\"instance\":\"/nothing-here\"");
  }

  @Test
  void quotingEscapesWhatCouldBreakOutOfTheString() {
    assertThat(JsonErrorReportValve.quote("a\"b\\c\n<x>")).isEqualTo("\"a\\\"b\\\\c\\n\\u003cx\\u003e\"");
  }
}
