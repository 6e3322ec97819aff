package io.articlepipeline.serde;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One quick request to a registry's Confluent API, for health checks: no retries, a short timeout. */
public final class RegistryPing {

  /** What the registry answered: up with the number of subjects, or down with the reason. */
  public record Result(boolean up, String url, String detail) {
  }

  private final HttpClient http;
  private final Duration timeout;

  public RegistryPing(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Pings the first of the comma-separated {@code schema.registry.url}s. */
  public Result ping(String registryUrls) {
    String url = registryUrls.split(",")[0].trim();
    URI subjects = URI.create(url.endsWith("/") ? url + "subjects" : url + "/subjects");
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(subjects).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? new Result(true, url, "subjects answered")
          : new Result(false, url, "GET " + subjects + " answered " + response.statusCode());
    } catch (IOException e) {
      return new Result(false, url, "unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, url, "interrupted");
    }
  }
}
