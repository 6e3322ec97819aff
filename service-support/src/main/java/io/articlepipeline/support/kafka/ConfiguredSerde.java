package io.articlepipeline.support.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;

/**
 * A value serializer or deserializer named by a setting and configured with Kafka's own keys, so
 * that a deployment can swap in Confluent's by configuration alone.
 */
public final class ConfiguredSerde {

  private ConfiguredSerde() {
  }

  /** A value serializer of class {@code className}, configured; {@code property} names the setting in errors. */
  @SuppressWarnings("unchecked")
  public static Serializer<Object> serializer(String className, Map<String, ?> config, String property) {
    Serializer<Object> serializer = instantiate(className, Serializer.class, property);
    serializer.configure(new HashMap<>(config), false);
    return serializer;
  }

  /** A value deserializer of class {@code className}, configured; {@code property} names the setting in errors. */
  public static Deserializer<?> deserializer(String className, Map<String, ?> config, String property) {
    Deserializer<?> deserializer = instantiate(className, Deserializer.class, property);
    deserializer.configure(new HashMap<>(config), false);
    return deserializer;
  }

  private static <T> T instantiate(String className, Class<T> kind, String property) {
    try {
      return kind.cast(BeanUtils.instantiateClass(ClassUtils.forName(className, ConfiguredSerde.class.getClassLoader())));
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalStateException(property + "=" + className + " is not a Kafka " + kind.getSimpleName()
          + " on the classpath", e);
    }
  }
}
