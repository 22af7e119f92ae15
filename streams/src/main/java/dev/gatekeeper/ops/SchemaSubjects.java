package dev.gatekeeper.ops;

import dev.gatekeeper.registry.IncompatibleSchemaException;
import dev.gatekeeper.registry.InvalidSchemaException;
import dev.gatekeeper.registry.RegistryClient;
import dev.gatekeeper.registry.RegistryUnavailableException;
import dev.gatekeeper.registry.SchemaNotFoundException;
import dev.gatekeeper.serde.ConfluentAvroSerde;
import dev.gatekeeper.serde.WireFormat;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.topology.Topic;
import dev.gatekeeper.topology.TopicCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares the registry subjects of the topics the gatekeeper writes, before it starts: with
 * auto-registration, registers each output record's schema under {@code <topic>-value} and sets
 * the subject's compatibility to BACKWARD (the gatekeeper owns these subjects; the registry's
 * global default may be NONE, as Apicurio's is); without it, only checks each schema is
 * registered there, for registries where only a pipeline may register.
 *
 * <p>Subjects of the input topics belong to the upstream producers and are not touched.
 */
public final class SchemaSubjects {
  private final RegistryClient registry;
  private final boolean autoRegister;

  public SchemaSubjects(RegistryClient registry, boolean autoRegister) {
    this.registry = registry;
    this.autoRegister = autoRegister;
  }

  /** What was done for one subject. */
  public record Prepared(String subject, int schemaId) {}

  /**
   * Registers or checks the subjects of {@code catalog}'s output topics.
   *
   * @return the subjects and their schema ids, in catalog order
   * @throws RegistryUnavailableException when the registry does not answer (after the client's
   *     retries)
   * @throws IllegalStateException listing every subject that is missing the schema or refuses it,
   *     each with what to do
   */
  public List<Prepared> prepare(TopicCatalog catalog) {
    if (catalog.serdes().format() != WireFormat.CONFLUENT) {
      return List.of();
    }
    registry.globalCompatibility(); // fails fast, with the client's retries, when nobody answers
    List<Prepared> prepared = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Topic<?, ?> topic : catalog.all()) {
      if (topic.role() != Topic.Role.OUTPUT || !(topic.valueSerde() instanceof WireSerde<?> wire)) {
        continue;
      }
      ConfluentAvroSerde<?> serde = wire.confluent();
      String subject = serde.subject(topic.name());
      try {
        String schema = serde.schema().toString();
        int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        if (autoRegister) {
          registry.setCompatibility(subject, RegistryClient.Compatibility.BACKWARD);
        }
        prepared.add(new Prepared(subject, id));
      } catch (SchemaNotFoundException e) {
        problems.add("subject " + subject + " does not hold the gatekeeper's " + serde.schema().getName()
            + " schema, and schema.registry.auto-register is false: register it (its text is in the gatekeeper-schemas jar,"
            + " or run once with auto-registration on)");
      } catch (IncompatibleSchemaException e) {
        problems.add("the registry refuses the gatekeeper's " + serde.schema().getName() + " schema under subject " + subject
            + " as incompatible with the versions it holds (" + e.getMessage() + "); if the subject was created by mistake, delete it,"
            + " otherwise release a schema that is compatible");
      } catch (InvalidSchemaException e) {
        problems.add("the registry cannot parse the gatekeeper's " + serde.schema().getName() + " schema (" + e.getMessage() + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("\n  - ", problems));
    }
    return prepared;
  }
}
