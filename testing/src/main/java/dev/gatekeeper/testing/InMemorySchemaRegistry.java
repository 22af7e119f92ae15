package dev.gatekeeper.testing;

import dev.gatekeeper.registry.SchemaNotFoundException;
import dev.gatekeeper.registry.SchemaRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema registry in memory for tests on the {@code TopologyTestDriver}: ids are handed out
 * from {@code firstId} upwards (a value whose four bytes differ, so a wrong byte order shows),
 * one per distinct schema text, as a real registry does across subjects. No compatibility rules:
 * the integration tests run against a real registry for those. Thread-safe.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
  /** The first id handed out. */
  public static final int FIRST_ID = 0x01020304;

  private final Map<Integer, String> schemas = new HashMap<>();
  private final Map<String, Set<String>> schemasBySubject = new HashMap<>();
  private final List<String> registrations = new ArrayList<>();

  @Override
  public synchronized int register(String subject, String schema) {
    registrations.add(subject);
    schemasBySubject.computeIfAbsent(subject, s -> new HashSet<>()).add(schema);
    for (Map.Entry<Integer, String> e : schemas.entrySet()) {
      if (e.getValue().equals(schema)) {
        return e.getKey();
      }
    }
    int id = FIRST_ID + schemas.size();
    schemas.put(id, schema);
    return id;
  }

  @Override
  public synchronized int lookup(String subject, String schema) {
    if (!schemasBySubject.getOrDefault(subject, Set.of()).contains(schema)) {
      throw new SchemaNotFoundException("subject " + subject + " does not hold the schema", 404, 40403, null);
    }
    return schemas.entrySet().stream().filter(e -> e.getValue().equals(schema)).findFirst().orElseThrow().getKey();
  }

  @Override
  public synchronized String schemaById(int id) {
    String schema = schemas.get(id);
    if (schema == null) {
      throw new SchemaNotFoundException("no schema with id " + id, 404, 40403, null);
    }
    return schema;
  }

  /** Every subject a registration was asked for, in order, repeats included. */
  public synchronized List<String> registrations() {
    return List.copyOf(registrations);
  }
}
