package dev.gatekeeper.schema.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.schema.ContributionDeletion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaReleaseTest {
  private static final Schema SCHEMA = ContributionDeletion.getClassSchema();

  @TempDir Path dir;

  @Test
  void writesTheNextVersionAndIndexesIt() throws Exception {
    SchemaRelease release = new SchemaRelease(dir);

    Path v1 = release.release("ContributionDeletion", SCHEMA, 0);
    Path v2 = release.release("ContributionDeletion", SCHEMA, 1);

    assertThat(v1).isEqualTo(dir.resolve("ContributionDeletion/v1.avsc"));
    assertThat(v2).isEqualTo(dir.resolve("ContributionDeletion/v2.avsc"));
    assertThat(new Schema.Parser().parse(v2.toFile())).isEqualTo(SCHEMA);
    assertThat(release.readIndex()).isEqualTo(Map.of("ContributionDeletion", 2));
    assertThat(Files.readString(dir.resolve(SchemaHistory.INDEX)))
        .startsWith("# The latest released version")
        .endsWith("\nContributionDeletion=2\n");
  }

  @Test
  void refusesWhenTheCheckedVersionsAreNotTheFoldersOwn() throws Exception {
    SchemaRelease release = new SchemaRelease(dir);
    release.release("ContributionDeletion", SCHEMA, 0);

    assertThatThrownBy(() -> release.release("ContributionDeletion", SCHEMA, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has v1 in " + dir + " but v0 on the class path");
  }

  @Test
  void neverOverwritesAnUnindexedFile() throws Exception {
    Files.createDirectories(dir.resolve("ContributionDeletion"));
    Files.writeString(dir.resolve("ContributionDeletion/v1.avsc"), "{}");

    assertThatThrownBy(() -> new SchemaRelease(dir).release("ContributionDeletion", SCHEMA, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("exists but is not in the index: remove it or index it");
    assertThat(Files.readString(dir.resolve("ContributionDeletion/v1.avsc"))).isEqualTo("{}");
  }
}
