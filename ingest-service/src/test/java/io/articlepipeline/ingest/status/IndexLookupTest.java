package io.articlepipeline.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status poll's question to the index service, against a real HTTP server on a socket. */
class IndexLookupTest {

  private HttpServer server;

  private IndexLookup answering(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/articles/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return new IndexLookup("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void anIndexedArticleGivesItsRevision() throws IOException {
    IndexLookup lookup = answering(200, "{\"id\":\"a1\",\"revision\":7,\"indexedAt\":\"2026-11-28T10:00:00Z\"}");
    assertThat(lookup.find("a1")).contains(new ArticleStatus.Indexed(7, "2026-11-28T10:00:00Z"));
  }

  @Test
  void anUnknownArticleIsEmpty() throws IOException {
    assertThat(answering(404, "{\"error\":\"article not found\"}").find("a1")).isEmpty();
  }

  @Test
  void aFailingIndexSaysWhyInItsOwnWords() throws IOException {
    IndexLookup lookup = answering(503,
        "{\"error\":\"Search is unavailable\",\"details\":[\"Elasticsearch is not reachable\"]}");
    assertThatThrownBy(() -> lookup.find("a1")).isInstanceOf(IndexLookup.Unavailable.class)
        .hasMessage("the index service answered 503: Search is unavailable; Elasticsearch is not reachable");
  }

  @Test
  void aFailureWithoutAJsonBodyGivesTheStatusAlone() throws IOException {
    IndexLookup lookup = answering(502, "<html>Bad Gateway</html>");
    assertThatThrownBy(() -> lookup.find("a1")).hasMessage("the index service answered 502");
  }
}
