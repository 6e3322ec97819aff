package io.articlepipeline.ops.schemas;

import io.articlepipeline.ops.http.JsonHttp;
import io.articlepipeline.ops.http.JsonHttp.Answer;
import io.articlepipeline.ops.schemas.SchemasView.Subject;
import io.articlepipeline.ops.schemas.SchemasView.Version;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads subjects, versions, compatibility and schema text through the Confluent REST API. Works
 * against Confluent's registry and Apicurio's {@code /apis/ccompat/v7}; where Apicurio differs
 * (no {@code /mode}: 404; {@code GET /config/{subject}} answers NONE for a subject without its
 * own rule, where Confluent answers 404) the view says so instead of failing.
 */
public class SchemaRegistryBrowser {

  private final URI base;
  private final Function<URI, Answer> get;

  /** @param get the HTTP GET to use, {@link JsonHttp#get} outside tests */
  public SchemaRegistryBrowser(URI base, Function<URI, Answer> get) {
    this.base = base;
    this.get = get;
  }

  /** Everything the registry holds. */
  public SchemasView read() {
    List<String> notes = new ArrayList<>();
    String global = compatibility(require(get("/config"), "/config"));
    Answer modeAnswer = get("/mode");
    String mode = null;
    if (modeAnswer.ok()) {
      mode = modeAnswer.body().path("mode").asString(null);
    } else {
      notes.add("GET /mode answered " + modeAnswer.status()
          + " (Apicurio's Confluent API has no /mode); mode unknown");
    }
    List<Subject> subjects = new ArrayList<>();
    for (JsonNode name : require(get("/subjects"), "/subjects")) {
      subjects.add(subject(name.asString(), global));
    }
    if (global != null && !"NONE".equals(global)
        && subjects.stream().anyMatch(s -> "NONE".equals(s.subjectLevel()))) {
      notes.add("Subjects whose own level reads NONE are shown with the global level: Apicurio"
          + " answers NONE for a subject without its own rule (Confluent answers 404)");
    }
    return new SchemasView(base.toString(), global, mode, notes, subjects);
  }

  private Subject subject(String name, String global) {
    String path = "/subjects/" + encode(name);
    List<Version> versions = new ArrayList<>();
    for (JsonNode v : require(get(path + "/versions"), path + "/versions")) {
      JsonNode version = require(get(path + "/versions/" + v.asInt()), path + "/versions/" + v.asInt());
      versions.add(new Version(version.path("version").asInt(v.asInt()), version.path("id").asInt(-1),
          version.path("schemaType").asString("AVRO"), version.path("schema").asString("")));
    }
    Answer config = get("/config/" + encode(name));
    String own = config.ok() ? compatibility(config.body()) : null;
    // Confluent: 404 (40408) without a subject level. Apicurio: NONE, and its global rule applies.
    boolean inherited = own == null || ("NONE".equals(own) && global != null);
    return inherited
        ? new Subject(name, global, "global", own, versions)
        : new Subject(name, own, "subject", own, versions);
  }

  private Answer get(String path) {
    return get.apply(JsonHttp.resolve(base, path));
  }

  private JsonNode require(Answer answer, String path) {
    if (!answer.ok()) {
      throw new RegistryException("Schema registry answered " + answer.status() + " to GET " + path
          + ": " + answer.body() + " (pipeline.ops.registry.url=" + base + ")");
    }
    return answer.body();
  }

  private static String compatibility(JsonNode config) {
    // Confluent: compatibilityLevel; some versions and Apicurio answer compatibility.
    String level = config.path("compatibilityLevel").asString(null);
    return level != null ? level : config.path("compatibility").asString(null);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The registry answered with an error. */
  public static class RegistryException extends RuntimeException {
    public RegistryException(String message) {
      super(message);
    }
  }
}
