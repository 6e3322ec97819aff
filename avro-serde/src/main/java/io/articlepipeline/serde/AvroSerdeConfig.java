package io.articlepipeline.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings. The keys are Confluent's, so a deployment can swap in Confluent's
 * KafkaAvroSerializer/Deserializer by configuration alone.
 *
 * @param registryUrls        {@code schema.registry.url}: comma-separated base URLs (required)
 * @param autoRegisterSchemas {@code auto.register.schemas}: register the record's schema on write (default true)
 * @param useLatestVersion    {@code use.latest.version}: write with the subject's latest schema (default false)
 * @param specificAvroReader  {@code specific.avro.reader}: read into generated classes (default false)
 */
public record AvroSerdeConfig(List<String> registryUrls, boolean autoRegisterSchemas,
                              boolean useLatestVersion, boolean specificAvroReader) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  /** Reads the settings from Kafka client configs; a missing URL is a clear error. */
  public static AvroSerdeConfig from(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
          + "\" (the schema registry's base URL, e.g. http://127.0.0.1:8081/apis/ccompat/v7)");
    }
    List<String> urls = url instanceof List<?> list
        ? list.stream().map(Object::toString).map(String::trim).toList()
        : Arrays.stream(url.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new AvroSerdeConfig(urls,
        bool(configs, AUTO_REGISTER_SCHEMAS, true),
        bool(configs, USE_LATEST_VERSION, false),
        bool(configs, SPECIFIC_AVRO_READER, false));
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(key, value, "must be true or false");
  }
}
