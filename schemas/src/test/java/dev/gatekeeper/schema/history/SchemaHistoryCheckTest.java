package dev.gatekeeper.schema.history;

import static dev.gatekeeper.schema.history.SchemaEvolution.Role.OUTPUT;
import static dev.gatekeeper.schema.history.SchemaEvolution.Role.READ_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionDeletion;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.schema.history.SchemaEvolution.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The build's guard on schema evolution: the current schemas must stay compatible with every
 * released version (see {@link SchemaEvolution} for the rules by role) and must themselves be
 * released.
 *
 * <p>Releasing: after a compatible change to a record's {@code .avsc}, run {@value
 * SchemaEvolution#RELEASE_COMMAND}. With {@code schemas.release=true}, {@link
 * #currentSchemasAreReleased} writes each changed, compatible schema as the record's next
 * version into {@code schemas/src/main/history} instead of failing; commit the new files.
 */
class SchemaHistoryCheckTest {
  /** Every top-level record and who reads it. */
  private static final Map<Class<? extends SpecificRecord>, Role> RECORDS = Map.of(
      DataEvent.class, READ_BACK,
      OrgSettings.class, READ_BACK,
      Contribution.class, OUTPUT,
      ContributionAggregate.class, OUTPUT,
      ContributionDecision.class, OUTPUT,
      ContributionDeletion.class, OUTPUT,
      RevocationReceipt.class, OUTPUT);

  private static final boolean RELEASE = Boolean.getBoolean("schemas.release");
  private static final Path HISTORY_DIR = Path.of(System.getProperty("schemas.historyDir", "src/main/history"));
  private static final Path AVRO_DIR = Path.of(System.getProperty("schemas.avroDir", "src/main/avro"));

  @Test
  void everyTopLevelSchemaHasARoleAndOnlyThoseAreReleased() throws IOException {
    Set<String> topLevel;
    try (Stream<Path> files = Files.list(AVRO_DIR)) {
      topLevel = files.map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".avsc"))
          .map(name -> name.substring(0, name.length() - ".avsc".length()))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> withRole = RECORDS.keySet().stream()
        .map(Class::getSimpleName)
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(withRole).as("records given a role in " + getClass().getSimpleName()).isEqualTo(topLevel);
    assertThat(withRole).as("records with a role").containsAll(SchemaHistory.releasedRecords());
  }

  @Test
  void currentSchemasReadEveryReleasedVersionAndOutputsStayReadableByThem() {
    List<String> problems = new ArrayList<>();
    RECORDS.forEach((type, role) -> problems.addAll(
        SchemaEvolution.incompatibilities(type.getSimpleName(), role, current(type), released(type))));

    assertThat(problems).as("incompatible schema changes").isEmpty();
  }

  @Test
  void currentSchemasAreReleased() throws IOException {
    SchemaRelease release = new SchemaRelease(HISTORY_DIR);
    List<String> unreleased = new ArrayList<>();
    for (Map.Entry<Class<? extends SpecificRecord>, Role> e : RECORDS.entrySet()) {
      String name = e.getKey().getSimpleName();
      Schema current = current(e.getKey());
      List<Schema> released = released(e.getKey());
      if (!SchemaEvolution.incompatibilities(name, e.getValue(), current, released).isEmpty()) {
        unreleased.add(name + " cannot be released: it is incompatible (see the compatibility check)");
        continue;
      }
      Optional<String> change = SchemaEvolution.unreleasedChange(name, current, released);
      if (change.isPresent() && RELEASE) {
        System.out.println("released " + release.release(name, current, released.size()));
      } else {
        change.ifPresent(unreleased::add);
      }
    }

    assertThat(unreleased).as("unreleased schema changes").isEmpty();
  }

  @Test
  void theHistoryFolderHoldsExactlyTheIndexedVersions() throws IOException {
    Map<String, Integer> index = new SchemaRelease(HISTORY_DIR).readIndex();
    Set<String> expected = new TreeSet<>();
    expected.add(SchemaHistory.INDEX);
    index.forEach((name, latest) -> {
      for (int v = 1; v <= latest; v++) {
        expected.add(name + "/" + SchemaHistory.fileName(v));
      }
    });
    Set<String> present;
    try (Stream<Path> files = Files.walk(HISTORY_DIR)) {
      present = files.filter(Files::isRegularFile)
          .map(f -> HISTORY_DIR.relativize(f).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }

    assertThat(present).as("files in " + HISTORY_DIR).isEqualTo(expected);
  }

  private static Schema current(Class<? extends SpecificRecord> type) {
    return SpecificData.get().getSchema(type);
  }

  private static List<Schema> released(Class<? extends SpecificRecord> type) {
    return SchemaHistory.releasedRecords().contains(type.getSimpleName())
        ? SchemaHistory.released(type)
        : List.of();
  }
}
