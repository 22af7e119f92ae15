package dev.gatekeeper.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {
  @Test
  void aNewDirectoryIsCreatedUnformattedAndUnlocked(@TempDir Path parent) {
    DataDir dir = DataDir.persistent(parent.resolve("new/broker"));

    assertThat(dir.kafkaDir()).isDirectory();
    assertThat(dir.isFormatted()).isFalse();
    assertThat(dir.isLockedByAnotherProcess()).isFalse();
    assertThat(dir.isTemporary()).isFalse();
  }

  @Test
  void aDirectoryWithOtherFilesIsRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "not a broker");

    assertThatThrownBy(() -> DataDir.persistent(dir))
        .isInstanceOfSatisfying(
            BrokerStartException.class,
            e -> assertThat(e.reason()).isEqualTo(BrokerStartException.Reason.DATA_DIR_UNUSABLE))
        .hasMessageContaining(dir.toString());
    assertThat(dir.resolve("kafka")).doesNotExist();
  }

  @Test
  void anExistingBrokerDirectoryIsReused(@TempDir Path dir) throws Exception {
    DataDir.persistent(dir);
    Files.writeString(dir.resolve("broker.log"), "earlier run");

    assertThat(DataDir.persistent(dir).root()).isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void aTemporaryDirectoryIsDeletedWithItsContents() throws Exception {
    DataDir dir = DataDir.temporary();
    Files.writeString(dir.kafkaDir().resolve("meta.properties"), "x");

    dir.delete();

    assertThat(dir.root()).doesNotExist();
  }
}
