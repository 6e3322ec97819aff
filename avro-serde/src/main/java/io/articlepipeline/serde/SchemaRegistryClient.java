package io.articlepipeline.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API the serde needs. Implementations cache: a
 * schema id never changes its schema, so it is fetched once.
 */
public interface SchemaRegistryClient {

  /** Registers {@code schema} under {@code subject} (or finds it registered) and returns its id. */
  int register(String subject, Schema schema);

  /** The id of {@code schema} if it is already registered under {@code subject}. */
  int lookup(String subject, Schema schema);

  /** The newest version registered under {@code subject}. */
  RegisteredSchema latest(String subject);

  /** The schema with this id. */
  Schema byId(int id);

  /** A schema as the registry holds it. */
  record RegisteredSchema(int id, int version, Schema schema) {
  }
}
