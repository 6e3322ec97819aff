package io.articlepipeline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.serde.AvroDeserializer;
import io.articlepipeline.serde.AvroSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The value (de)serializer settings every stage reads under its prefix. */
class SerdePropertiesTest {

  private static StandardEnvironment environment(Map<String, Object> settings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("service", settings));
    return environment;
  }

  /** Records how it was configured. */
  public static final class RecordingSerializer implements Serializer<Object> {
    static Map<String, Object> configured;
    static boolean configuredAsKey;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      configured = new HashMap<>(configs);
      configuredAsKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
      return new byte[0];
    }
  }

  @Test
  void ourAvroClassesUnlessTheSettingsNameAnother() {
    assertThat(SerdeProperties.serializer(environment(Map.of()), "pipeline.ingest").className())
        .isEqualTo(AvroSerializer.class.getName());
    assertThat(SerdeProperties.deserializer(environment(Map.of()), "pipeline.index").className())
        .isEqualTo(AvroDeserializer.class.getName());
    assertThat(SerdeProperties.deserializer(environment(Map.of(
        "pipeline.enrich.value-deserializer", StringDeserializer.class.getName())), "pipeline.enrich").newDeserializer())
        .isInstanceOf(StringDeserializer.class);
  }

  @Test
  void theConfigurationKeepsKafkasDottedKeysAndConfiguresAValueSerializer() {
    SerdeProperties serde = SerdeProperties.serializer(environment(Map.of(
        "pipeline.ingest.value-serializer", RecordingSerializer.class.getName(),
        "pipeline.ingest.serializer-config.schema.registry.url", "http://registry:8081",
        "pipeline.ingest.serializer-config.auto.register.schemas", "true")), "pipeline.ingest");

    assertThat(serde.newSerializer()).isInstanceOf(RecordingSerializer.class);
    assertThat(RecordingSerializer.configured).isEqualTo(
        Map.of("schema.registry.url", "http://registry:8081", "auto.register.schemas", "true"));
    assertThat(RecordingSerializer.configuredAsKey).isFalse();
  }

  @Test
  void environmentVariablesNameTheSameSettings() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
            "PIPELINE_INDEX_VALUEDESERIALIZER", StringDeserializer.class.getName())));
    SerdeProperties serde = SerdeProperties.deserializer(environment, "pipeline.index");

    assertThat(serde.className()).isEqualTo(StringDeserializer.class.getName());
  }

  @Test
  void aBlankClassFailsNamingTheSetting() {
    assertThatThrownBy(() -> SerdeProperties.serializer(environment(Map.of("pipeline.ingest.value-serializer", " ")),
        "pipeline.ingest"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("pipeline.ingest.value-serializer must name a Kafka Serializer class");
  }

  @Test
  void aClassThatIsNotOneFailsNamingTheSettingAndTheClass() {
    SerdeProperties serde = SerdeProperties.deserializer(environment(Map.of(
        "pipeline.enrich.value-deserializer", AvroSerializer.class.getName())), "pipeline.enrich");

    assertThatThrownBy(serde::newDeserializer).isInstanceOf(IllegalStateException.class)
        .hasMessage("pipeline.enrich.value-deserializer=io.articlepipeline.serde.AvroSerializer"
            + " is not a Kafka Deserializer on the classpath");
    assertThatThrownBy(() -> SerdeProperties.deserializer(environment(Map.of(
        "pipeline.enrich.value-deserializer", "com.example.Missing")), "pipeline.enrich").newDeserializer())
        .hasMessageContaining("pipeline.enrich.value-deserializer=com.example.Missing is not a Kafka Deserializer");
  }
}
