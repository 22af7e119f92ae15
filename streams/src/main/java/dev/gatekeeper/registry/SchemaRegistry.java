package dev.gatekeeper.registry;

/**
 * The registry operations a serde needs: an id for a schema under a subject (registering it,
 * or only looking it up), and a schema for an id. {@link RegistryClient} is the real one; tests can supply a map.
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
   * The registry-wide id of {@code schema} when it is already registered under {@code subject};
   * never registers. For locked-down registries where only a pipeline may register schemas.
   *
   * @throws SchemaNotFoundException if the subject does not exist or lacks that schema
   * @throws RegistryUnavailableException if the registry cannot be reached
   */
  int lookup(String subject, String schema);

  /**
   * The schema text with id {@code id}.
   *
   * @throws SchemaNotFoundException if no schema has that id
   * @throws RegistryUnavailableException if the registry cannot be reached
   */
  String schemaById(int id);
}
