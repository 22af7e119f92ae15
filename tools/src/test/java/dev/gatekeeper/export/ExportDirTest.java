package dev.gatekeeper.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportDirTest {
  @TempDir Path root;

  @Test
  void refusesADirectoryThatIsNotEmpty() throws Exception {
    Files.writeString(root.resolve("manifest.json"), "{}");
    assertThatThrownBy(() -> ExportDir.requireUsable(root))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining(root + " is not empty");
  }

  @Test
  void refusesAFile() throws Exception {
    Path file = Files.writeString(root.resolve("f"), "x");
    assertThatThrownBy(() -> ExportDir.open(file)).hasMessageContaining("is not a directory");
  }

  @Test
  void showsAFileUnderItsFinalNameOnlyOncePublished() throws Exception {
    ExportDir dir = ExportDir.open(root.resolve("a/b"));
    Files.writeString(dir.temp("contributions.avro"), "data");
    assertThat(root.resolve("a/b/contributions.avro")).doesNotExist();
    dir.publish("contributions.avro");
    assertThat(root.resolve("a/b/contributions.avro")).hasContent("data");
    try (var entries = Files.list(root.resolve("a/b"))) {
      assertThat(entries).containsExactly(root.resolve("a/b/contributions.avro"));
    }
  }

  @Test
  void abandoningLeavesTheLocationAsItWasFoundSoTheCommandCanBeRerun() throws Exception {
    ExportDir created = ExportDir.open(root.resolve("new"));
    Files.writeString(created.temp("contributions.avro"), "data");
    created.publish("contributions.avro");
    Files.writeString(created.temp("manifest.json"), "{}");
    created.abandon();
    assertThat(root.resolve("new")).doesNotExist();

    Path existing = Files.createDirectory(root.resolve("existing"));
    ExportDir given = ExportDir.open(existing);
    Files.writeString(given.temp("contributions.avro"), "data");
    given.abandon();
    assertThat(existing).isEmptyDirectory();
  }
}
