package dev.gatekeeper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryDataDirTest {
  @TempDir Path dir;

  @Test
  void aNewDirectoryGetsADatabaseFolderAndAFileBackedH2Url() {
    RegistryDataDir dataDir = RegistryDataDir.of(dir.resolve("reg"));

    assertThat(dataDir.dbDir()).isDirectory();
    assertThat(dataDir.jdbcUrl()).isEqualTo("jdbc:h2:file:" + dir.resolve("reg/db/registry"));
  }

  @Test
  void aDirectoryHoldingOtherFilesIsRefused() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), "<project/>");

    assertThatThrownBy(() -> RegistryDataDir.of(dir))
        .isInstanceOfSatisfying(
            RegistryStartException.class,
            e -> assertThat(e.reason()).isEqualTo(RegistryStartException.Reason.DATA_DIR_UNUSABLE));
  }

  @Test
  void theWatchdogClassFileIsCopiedOutSoTheChildNeedsNoGatekeeperJar() throws Exception {
    Path classes = RegistryDataDir.of(dir).writeWatchdog();

    assertThat(classes.resolve("dev/gatekeeper/registry/RegistryWatchdog.class")).isNotEmptyFile();
  }
}
