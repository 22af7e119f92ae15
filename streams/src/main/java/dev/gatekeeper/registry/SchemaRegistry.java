package dev.gatekeeper.registry;

/**
 * The two registry operations a serde needs: an id for a schema under a subject, and a schema
 * for an id. {@link RegistryClient} is the real one; tests can supply a map.
 */
public interface SchemaRegistry {
  /**
   * The registry-wide id of {@code schema} under {@code subject}, registering it when new.
   *
   * @throws IncompatibleSchemaException if the subject's compatibility level refuses it
   * @throws RegistryUnavailableException if the registry cannot be reached
   */
  int register(String subject, String schema);

  /**
   * The schema text with id {@code id}.
   *
   * @throws SchemaNotFoundException if no schema has that id
   * @throws RegistryUnavailableException if the registry cannot be reached
   */
  String schemaById(int id);
}
