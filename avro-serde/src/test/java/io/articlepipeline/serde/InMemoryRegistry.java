package io.articlepipeline.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry in memory for unit tests of the wire format; the real one is used in AvroSerdeIT. */
final class InMemoryRegistry implements SchemaRegistryClient {

  private final Map<Integer, Schema> byId = new HashMap<>();
  private final Map<String, List<Integer>> versions = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    for (Map.Entry<Integer, Schema> e : byId.entrySet()) {
      if (e.getValue().equals(schema)) {
        versions.computeIfAbsent(subject, s -> new ArrayList<>()).add(e.getKey());
        return e.getKey();
      }
    }
    int id = byId.size() + 1;
    byId.put(id, schema);
    versions.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  @Override
  public synchronized int lookup(String subject, Schema schema) {
    for (int id : versions.getOrDefault(subject, List.of())) {
      if (byId.get(id).equals(schema)) {
        return id;
      }
    }
    throw new SchemaRegistryException("Schema not found", 404, 40403, null);
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> ids = versions.get(subject);
    if (ids == null) {
      throw new SchemaRegistryException("Subject not found", 404, 40401, null);
    }
    int id = ids.get(ids.size() - 1);
    return new RegisteredSchema(id, ids.size(), byId.get(id));
  }

  @Override
  public synchronized Schema byId(int id) {
    Schema schema = byId.get(id);
    if (schema == null) {
      throw new SchemaRegistryException("Schema " + id + " not found", 404, 40403, null);
    }
    return schema;
  }
}
