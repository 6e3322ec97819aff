package io.articlepipeline.support.kafka;

import io.articlepipeline.serde.AvroDeserializer;
import io.articlepipeline.serde.AvroSerializer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * A stage's Kafka value serializer or deserializer as its settings name it, under the stage's
 * prefix: the class, {@code <prefix>.value-serializer} (or {@code .value-deserializer}; default
 * our Confluent-wire-format Avro one), and its configuration with Kafka's own keys,
 * {@code <prefix>.serializer-config.*} (or {@code .deserializer-config.*}: {@code schema.registry.url},
 * ...), so that a deployment can swap in Confluent's by configuration alone. The keys are read
 * here, as {@link KafkaClientSettings} reads the binder's, rather than bound into each service's
 * properties class: those are flat keys of three prefixes, which no nested properties object can
 * take without renaming them.
 */
public final class SerdeProperties {

  private final String property;
  private final Class<?> kind;
  private final String className;
  private final Map<String, String> config;

  SerdeProperties(String property, Class<?> kind, String className, Map<String, String> config) {
    if (className == null || className.isBlank()) {
      throw new IllegalStateException(property + " must name a Kafka " + kind.getSimpleName() + " class");
    }
    this.property = property;
    this.kind = kind;
    this.className = className.strip();
    this.config = Map.copyOf(config);
  }

  /** {@code <prefix>.value-serializer} (default our AvroSerializer) with {@code <prefix>.serializer-config}. */
  public static SerdeProperties serializer(Environment environment, String prefix) {
    return read(environment, prefix, Serializer.class, AvroSerializer.class);
  }

  /** {@code <prefix>.value-deserializer} (default our AvroDeserializer) with {@code <prefix>.deserializer-config}. */
  public static SerdeProperties deserializer(Environment environment, String prefix) {
    return read(environment, prefix, Deserializer.class, AvroDeserializer.class);
  }

  private static SerdeProperties read(Environment environment, String prefix, Class<?> kind, Class<?> ours) {
    Binder binder = Binder.get(environment);
    String name = kind.getSimpleName().toLowerCase(Locale.ROOT);
    String property = prefix + ".value-" + name;
    return new SerdeProperties(property, kind, binder.bind(property, String.class).orElse(ours.getName()),
        binder.bind(prefix + "." + name + "-config", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
  }

  /** The setting that names the class, e.g. {@code pipeline.ingest.value-serializer}. */
  public String property() {
    return property;
  }

  public String className() {
    return className;
  }

  /** The configuration handed to the (de)serializer, Kafka's keys. */
  public Map<String, String> config() {
    return config;
  }

  /** A serializer of the class, configured as a value serializer. */
  @SuppressWarnings("unchecked")
  public Serializer<Object> newSerializer() {
    Serializer<Object> serializer = instantiate(Serializer.class);
    serializer.configure(new HashMap<>(config), false);
    return serializer;
  }

  /** A deserializer of the class, configured as a value deserializer. */
  public Deserializer<?> newDeserializer() {
    return newDeserializer(config);
  }

  /** A deserializer of the class, configured as a value deserializer with {@code config} instead (the settings' and more). */
  public Deserializer<?> newDeserializer(Map<String, ?> config) {
    Deserializer<?> deserializer = instantiate(Deserializer.class);
    deserializer.configure(new HashMap<>(config), false);
    return deserializer;
  }

  private <T> T instantiate(Class<T> type) {
    if (type != kind) {
      throw new IllegalStateException(property + " names a " + kind.getSimpleName() + ", not a " + type.getSimpleName());
    }
    try {
      return type.cast(BeanUtils.instantiateClass(ClassUtils.forName(className, SerdeProperties.class.getClassLoader())));
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalStateException(property + "=" + className + " is not a Kafka " + type.getSimpleName()
          + " on the classpath", e);
    }
  }
}
