package io.articlepipeline.serde;

import io.articlepipeline.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caching client for registries that speak the Confluent REST API (Confluent Schema Registry,
 * Apicurio's {@code /apis/ccompat/v7}). Several base URLs may be given; each request tries them
 * in turn. Transient failures (unreachable, 408, 429, 5xx) are retried with backoff.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  /** Content after an answer's JSON is ignored, as Jackson 2 did (Jackson 3 would refuse the answer). */
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final List<URI> baseUrls;
  private final HttpClient http;
  private final Retry retry;
  private final Duration requestTimeout;
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(List<String> baseUrls) {
    this(baseUrls, new Retry(4, Duration.ofMillis(100), Duration.ofSeconds(2)), Duration.ofSeconds(10));
  }

  /** Visible for testing: custom retry policy and timeout. */
  public HttpSchemaRegistryClient(List<String> baseUrls, Retry retry, Duration requestTimeout) {
    if (baseUrls == null || baseUrls.isEmpty()) {
      throw new IllegalArgumentException(AvroSerdeConfig.SCHEMA_REGISTRY_URL + " must name at least one URL");
    }
    this.baseUrls = baseUrls.stream().map(u -> URI.create(u.endsWith("/") ? u : u + "/")).toList();
    this.retry = Objects.requireNonNull(retry);
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public int register(String subject, Schema schema) {
    Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = answer.path("id").asInt(-1);
    if (id < 0) {
      throw new SchemaRegistryException("Registry answered register of subject " + subject
          + " without an id: " + answer, 200, -1, null);
    }
    ids.put(schema, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public int lookup(String subject, Schema schema) {
    Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "subjects/" + encode(subject), schemaBody(schema));
    int id = answer.path("id").asInt(-1);
    ids.put(schema, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return latestBySubject.computeIfAbsent(subject, s -> {
      JsonNode answer = send("GET", "subjects/" + encode(s) + "/versions/latest", null);
      Schema schema = new Schema.Parser().parse(answer.path("schema").asString(""));
      int id = answer.path("id").asInt(0);
      schemasById.putIfAbsent(id, schema);
      return new RegisteredSchema(id, answer.path("version").asInt(0), schema);
    });
  }

  @Override
  public Schema byId(int id) {
    return schemasById.computeIfAbsent(id, i -> {
      JsonNode answer = send("GET", "schemas/ids/" + i, null);
      return new Schema.Parser().parse(answer.path("schema").asString(""));
    });
  }

  private static String schemaBody(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (JacksonException e) {
      throw new IllegalStateException("Cannot write a schema as JSON", e);
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }

  private JsonNode send(String method, String path, String body) {
    try {
      return retry.call(() -> sendToAny(method, path, body),
          e -> e instanceof SchemaRegistryException sre && sre.isTransient());
    } catch (SchemaRegistryException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while calling the registry", 0, -1, e);
    } catch (Exception e) {
      throw new SchemaRegistryException("Registry call failed: " + method + " " + path, 0, -1, e);
    }
  }

  private JsonNode sendToAny(String method, String path, String body) throws InterruptedException {
    SchemaRegistryException last = null;
    for (URI base : baseUrls) {
      try {
        return sendTo(base, method, path, body);
      } catch (SchemaRegistryException e) {
        if (!e.isTransient()) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  private JsonNode sendTo(URI base, String method, String path, String body) throws InterruptedException {
    URI uri = base.resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Accept", CONTENT_TYPE + ", application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SchemaRegistryException("Schema registry unreachable at " + base + " (" + e
          + "); check " + AvroSerdeConfig.SCHEMA_REGISTRY_URL, 0, -1, e);
    }
    JsonNode json = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      int errorCode = json.path("error_code").asInt(-1);
      String message = json.path("message").asString(response.body());
      throw new SchemaRegistryException("Registry " + method + " " + uri + " answered "
          + response.statusCode() + (errorCode >= 0 ? " (error_code " + errorCode + ")" : "")
          + ": " + message, response.statusCode(), errorCode, null);
    }
    return json;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.createObjectNode().put("message", body);
    }
  }
}
