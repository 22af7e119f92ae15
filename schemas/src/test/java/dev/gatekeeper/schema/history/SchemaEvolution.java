package dev.gatekeeper.schema.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The rules a change to a record schema must keep, as pure functions of the current schema and
 * the released ones (oldest first), so that they can be tested on made-up candidates.
 */
final class SchemaEvolution {

  /** The command that releases the changed schemas (see {@link SchemaHistoryCheckTest}). */
  static final String RELEASE_COMMAND =
      "mvn -B -pl schemas test -Dtest=SchemaHistoryCheckTest -Dschemas.release=true";

  /** Who reads records of a schema, hence which direction of compatibility it needs. */
  enum Role {
    /**
     * Inputs and stored state, read only by the gatekeeper: the current schema must read data
     * written with every released version.
     */
    READ_BACK,
    /**
     * Outputs, also read downstream by pipelines that upgrade late: in addition, every released
     * version must read data written with the current schema.
     */
    OUTPUT
  }

  private SchemaEvolution() {}

  /**
   * @param record the record's name, for the messages
   * @param role who reads the record
   * @param current the schema this build writes and reads with
   * @param released the released versions, oldest first (v1 first)
   * @return one message per broken promise, naming the record, the version and Avro's
   *     description of what cannot be resolved; empty if the change is compatible
   */
  static List<String> incompatibilities(
      String record, Role role, Schema current, List<Schema> released) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < released.size(); i++) {
      int version = i + 1;
      Schema old = released.get(i);
      check(current, old).ifPresent(why -> problems.add(record
          + ": the current schema cannot read data written with released v" + version + ": " + why
          + " (give a new field a default; keep a field's type one that resolves from the old)"));
      if (role == Role.OUTPUT) {
        check(old, current).ifPresent(why -> problems.add(record
            + ": released v" + version + " (an older downstream reader) cannot read data written"
            + " with the current schema: " + why
            + " (only remove or retype a field that has a default in v" + version + ")"));
      }
    }
    return problems;
  }

  /**
   * @param record the record's name, for the message
   * @param current the schema this build writes and reads with
   * @param released the released versions, oldest first
   * @return what to do if the current schema is not the latest released version, or empty if
   *     it is; only meaningful once {@link #incompatibilities} found nothing
   */
  static Optional<String> unreleasedChange(String record, Schema current, List<Schema> released) {
    if (released.isEmpty()) {
      return Optional.of(record + " has no released version; release the current schema as v1 with `"
          + RELEASE_COMMAND + "` and commit " + record + "/" + SchemaHistory.fileName(1));
    }
    int latest = released.size();
    if (current.equals(released.get(latest - 1))) {
      return Optional.empty();
    }
    return Optional.of(record + " differs compatibly from its latest released version v" + latest
        + "; release it as v" + (latest + 1) + " with `" + RELEASE_COMMAND + "` and commit "
        + record + "/" + SchemaHistory.fileName(latest + 1));
  }

  private static Optional<String> check(Schema reader, Schema writer) {
    SchemaCompatibilityResult result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
      return Optional.empty();
    }
    return Optional.of(result.getIncompatibilities().stream()
        .map(SchemaEvolution::describe)
        .collect(Collectors.joining("; ")));
  }

  private static String describe(Incompatibility incompatibility) {
    return incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
        + incompatibility.getMessage();
  }
}
