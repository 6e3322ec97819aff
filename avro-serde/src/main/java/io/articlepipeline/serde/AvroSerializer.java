package io.articlepipeline.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated or generic) in the Confluent wire format, registering or
 * looking up the schema under the subject {@code <topic>-value} (or {@code -key}). A null value
 * stays null: a tombstone.
 */
public class AvroSerializer implements Serializer<Object> {

  private SchemaRegistryClient registry;
  private AvroSerdeConfig config;
  private boolean isKey;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  /** For Kafka, which configures by {@link #configure}. */
  public AvroSerializer() {
  }

  /** Visible for testing: a given registry client. */
  public AvroSerializer(SchemaRegistryClient registry, AvroSerdeConfig config) {
    this.registry = registry;
    this.config = config;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    this.config = AvroSerdeConfig.from(configs);
    if (registry == null) {
      registry = new HttpSchemaRegistryClient(config.registryUrls());
    }
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof GenericContainer record)) {
      throw new SerializationException("Cannot write " + data.getClass().getName() + " on topic " + topic
          + " as Avro: expected a generated Avro class or a GenericRecord");
    }
    // Confluent's TopicNameStrategy
    String subject = topic + (isKey ? "-key" : "-value");
    Schema schema = record.getSchema();
    int id;
    try {
      if (config.useLatestVersion()) {
        SchemaRegistryClient.RegisteredSchema latest = registry.latest(subject);
        schema = latest.schema();
        id = latest.id();
      } else if (config.autoRegisterSchemas()) {
        id = registry.register(subject, schema);
      } else {
        id = registry.lookup(subject, schema);
      }
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Cannot get a schema id for subject " + subject + ": " + e.getMessage(), e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(WireFormat.MAGIC_BYTE);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer(schema, data).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot write a " + schema.getFullName() + " on topic " + topic
          + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private DatumWriter<Object> writer(Schema schema, Object data) {
    return writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
        ? new SpecificDatumWriter<>(s, SpecificData.getForClass(data.getClass()))
        : new GenericDatumWriter<>(s, GenericData.get()));
  }
}
