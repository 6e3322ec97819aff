package io.articlepipeline.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format: the writer's schema comes from the registry by id,
 * and with {@code specific.avro.reader=true} the record is resolved into its generated class
 * (schema evolution applies). Null stays null (a tombstone).
 */
public class AvroDeserializer implements Deserializer<Object> {

  private SchemaRegistryClient registry;
  private AvroSerdeConfig config;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  /** For Kafka, which configures by {@link #configure}. */
  public AvroDeserializer() {
  }

  /** Visible for testing: a given registry client. */
  public AvroDeserializer(SchemaRegistryClient registry, AvroSerdeConfig config) {
    this.registry = registry;
    this.config = config;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
    if (registry == null) {
      registry = new HttpSchemaRegistryClient(config.registryUrls());
    }
  }

  @Override
  public Object deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    int id = WireFormat.schemaId(topic, bytes);
    DatumReader<Object> reader;
    try {
      reader = readers.computeIfAbsent(id, this::newReader);
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Cannot read a record on topic " + topic + " with schema id " + id
          + ": " + e.getMessage(), e);
    }
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE,
          bytes.length - WireFormat.HEADER_SIZE, null);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Record on topic " + topic + " with schema id " + id
          + " is not valid Avro for that schema: " + e, e);
    }
  }

  private DatumReader<Object> newReader(int id) {
    Schema writer = registry.byId(id);
    if (!config.specificAvroReader() || writer.getType() != Schema.Type.RECORD) {
      return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
    Class<?> generated = SpecificData.get().getClass(writer);
    if (generated == null) {
      throw new SerializationException("No generated class " + writer.getFullName()
          + " on the classpath for schema id " + id + " (set " + AvroSerdeConfig.SPECIFIC_AVRO_READER
          + "=false to read GenericRecords)");
    }
    SpecificData model = SpecificData.getForClass(generated);
    return new SpecificDatumReader<>(writer, model.getSchema(generated), model);
  }
}
