package io.articlepipeline.index.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Submits the evaluation corpus through the ingest API as pasted pages: the sample page and the
 * texts of ../shared/eval/articles-dev.jsonl, with their ids, so judgments can name them.
 * Resubmitting is harmless (ingest is idempotent per id and revision).
 */
public final class CorpusLoader {

  /** The sample page's article id in the judgments. */
  public static final String SAMPLE_ID = "sample-000";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String ingestUrl;
  private final String token;

  public CorpusLoader(String ingestUrl, String token) {
    this.ingestUrl = ingestUrl;
    this.token = token;
  }

  /** The eval directory: EVAL_DIR, or eval/ under {@link #sharedDir()}. */
  public static Path evalDir() {
    String env = System.getenv("EVAL_DIR");
    return env != null && !env.isBlank() ? Path.of(env) : sharedDir().resolve("eval");
  }

  /** The samples directory: SAMPLES_DIR, or samples/ under {@link #sharedDir()}. */
  public static Path samplesDir() {
    String env = System.getenv("SAMPLES_DIR");
    return env != null && !env.isBlank() ? Path.of(env) : sharedDir().resolve("samples");
  }

  /** Where ../shared lives: SHARED_DIR, or the sibling of the repository. */
  public static Path sharedDir() {
    String env = System.getenv("SHARED_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("eval"))) {
        return candidate;
      }
    }
    return Path.of("/work/shared");
  }

  /** Submits everything; returns the ids. */
  public List<String> loadAll() throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(evalDir().resolve("articles-dev.jsonl"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode a = json.readTree(line);
      Map<String, String> params = new LinkedHashMap<>();
      params.put("id", a.get("id").asText());
      params.put("url", a.get("url").asText());
      params.put("language", a.get("lang").asText());
      params.put("source", URI.create(a.get("url").asText()).getHost());
      if (a.hasNonNull("title")) {
        params.put("title", a.get("title").asText());
      }
      submit(a.get("text").asText(), params);
      ids.add(a.get("id").asText());
    }
    Path sample;
    try (var files = Files.list(samplesDir())) {
      sample = files.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
    }
    submit(Files.readString(sample, StandardCharsets.UTF_8), Map.of("id", SAMPLE_ID));
    ids.add(SAMPLE_ID);
    return ids;
  }

  private void submit(String page, Map<String, String> params) throws IOException, InterruptedException {
    String query = params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/articles?" + query))
        .header("Content-Type", "text/plain; charset=utf-8")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(page, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("ingest answered " + response.statusCode() + " for " + params.get("id") + ": "
          + response.body());
    }
  }
}
