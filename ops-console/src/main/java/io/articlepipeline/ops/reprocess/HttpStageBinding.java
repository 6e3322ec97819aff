package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.http.JsonHttp;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The enrich service's binding API over HTTP, with the ops token: {@code GET /api/enrich/binding},
 * {@code POST /api/enrich/binding/stop}, {@code POST /api/enrich/binding/start}.
 */
public class HttpStageBinding implements StageBinding {

  private final JsonHttp http;
  private final URI base;
  private final Supplier<String> token;

  public HttpStageBinding(JsonHttp http, URI base, Supplier<String> token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  @Override
  public String stop() {
    return call("POST", "/api/enrich/binding/stop");
  }

  @Override
  public String start() {
    return call("POST", "/api/enrich/binding/start");
  }

  @Override
  public String state() {
    return call("GET", "/api/enrich/binding");
  }

  private String call(String method, String path) {
    URI uri = JsonHttp.resolve(base, path);
    JsonHttp.Answer answer;
    try {
      answer = http.send(method, uri, token.get());
    } catch (JsonHttp.UnreachableException e) {
      throw new BindingException(e.getMessage(), e);
    }
    if (!answer.ok()) {
      String error = answer.body().path("error").asString("");
      throw new BindingException(method + " " + uri + " answered " + answer.status()
          + (error.isEmpty() ? "" : ": " + error));
    }
    String state = answer.body().path("state").asString("");
    if (state.isEmpty()) {
      throw new BindingException(method + " " + uri + " answered without a state");
    }
    return state;
  }
}
