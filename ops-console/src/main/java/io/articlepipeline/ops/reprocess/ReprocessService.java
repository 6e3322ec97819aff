package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.http.JsonHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Reprocessing is the enrich service's (it runs beside its live stage: enrich-service's
 * {@code /api/enrich/reprocess}); the console starts it and shows its status, with the ops token.
 */
public class ReprocessService {

  private final JsonHttp http;
  private final URI base;
  private final String service;
  private final Supplier<String> token;

  public ReprocessService(JsonHttp http, URI base, String service, Supplier<String> token) {
    this.http = http;
    this.base = base;
    this.service = service;
    this.token = token;
  }

  /**
   * Starts a reprocess of the articles written at or after {@code since} (null: all); returns the
   * service's status (phase scanning).
   *
   * @throws StageAnswerException when the service refuses (a reprocess under way: 409) or fails
   * @throws JsonHttp.UnreachableException when it does not answer
   */
  public JsonNode start(Instant since) {
    String query = since == null ? "" : "?since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
    return call("POST", "/api/enrich/reprocess" + query);
  }

  /** The service's reprocess status. */
  public JsonNode progress() {
    return call("GET", "/api/enrich/reprocess");
  }

  private JsonNode call(String method, String path) {
    URI uri = JsonHttp.resolve(base, path);
    JsonHttp.Answer answer = http.send(method, uri, token.get());
    if (!answer.ok()) {
      String error = answer.body() == null ? "" : answer.body().path("error").asString("");
      throw new StageAnswerException(answer.status(), service + " answered " + answer.status() + " to " + method
          + " " + path + (error.isEmpty() ? "" : ": " + error));
    }
    return answer.body();
  }

  /** The service answered with an error: its status and message. */
  public static class StageAnswerException extends RuntimeException {
    private final int status;

    public StageAnswerException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
