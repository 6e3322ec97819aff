package io.articlepipeline.index.it;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits the search corpus through the ingest API as pasted pages, with their ids so judgments
 * can name them: the repository's own articles (corpus/articles.jsonl, written for these tests),
 * the sample page, and, when EVAL_DIR is set, the development articles of its articles-dev.jsonl.
 * Resubmitting is harmless (ingest is idempotent per id and revision).
 */
public final class CorpusLoader {

  /** The sample page's article id in the judgments. */
  public static final String SAMPLE_ID = "sample-000";

  private static final String OWN_CORPUS = "/corpus/articles.jsonl";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String ingestUrl;
  private final String token;

  public CorpusLoader(String ingestUrl, String token) {
    this.ingestUrl = ingestUrl;
    this.token = token;
  }

  /**
   * The development articles, EVAL_DIR/articles-dev.jsonl, when EVAL_DIR is set; they are not in
   * the repository (their licence keeps them out), so the tests work without them.
   */
  public static Optional<Path> devArticles() {
    String env = System.getenv("EVAL_DIR");
    if (env == null || env.isBlank()) {
      return Optional.empty();
    }
    Path file = Path.of(env, "articles-dev.jsonl");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("EVAL_DIR=" + env + " holds no articles-dev.jsonl: set EVAL_DIR to the"
          + " directory of that file, or unset it to test on the repository's own corpus");
    }
    return Optional.of(file);
  }

  /** The samples directory: SAMPLES_DIR, or the repository's samples/ (tests run in the module's directory). */
  public static Path samplesDir() {
    String env = System.getenv("SAMPLES_DIR");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of("../samples");
  }

  /** The ids of the repository's own articles. */
  public static List<String> ownIds() throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode a : articles(ownCorpus())) {
      ids.add(a.get("id").asString());
    }
    return ids;
  }

  /** Submits everything; returns the ids. */
  public List<String> loadAll() throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    List<JsonNode> articles = new ArrayList<>(articles(ownCorpus()));
    Optional<Path> dev = devArticles();
    if (dev.isPresent()) {
      articles.addAll(articles(Files.readAllLines(dev.get(), StandardCharsets.UTF_8)));
    }
    for (JsonNode a : articles) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("id", a.get("id").asString());
      params.put("url", a.get("url").asString());
      params.put("language", a.get("lang").asString());
      params.put("source", URI.create(a.get("url").asString()).getHost());
      if (a.hasNonNull("title")) {
        params.put("title", a.get("title").asString());
      }
      submit(a.get("text").asString(), params);
      ids.add(a.get("id").asString());
    }
    Path sample;
    try (var files = Files.list(samplesDir())) {
      sample = files.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow(
          () -> new IllegalStateException("no sample page (.txt) in " + samplesDir().toAbsolutePath()
              + ": set SAMPLES_DIR to the repository's samples/"));
    }
    submit(Files.readString(sample, StandardCharsets.UTF_8), Map.of("id", SAMPLE_ID));
    ids.add(SAMPLE_ID);
    return ids;
  }

  private static List<String> ownCorpus() throws IOException {
    try (InputStream in = CorpusLoader.class.getResourceAsStream(OWN_CORPUS)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static List<JsonNode> articles(List<String> lines) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
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
