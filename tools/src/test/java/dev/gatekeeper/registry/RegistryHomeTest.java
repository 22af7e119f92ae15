package dev.gatekeeper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryHomeTest {
  @TempDir Path dir;

  @Test
  void aDirectoryWithoutTheRunnerJarIsReportedAsMissingWithWhatToDo() {
    assertThatThrownBy(() -> RegistryHome.at(dir))
        .isInstanceOfSatisfying(
            RegistryStartException.class,
            e -> assertThat(e.reason()).isEqualTo(RegistryStartException.Reason.DISTRIBUTION_MISSING))
        .hasMessageContaining(RegistryHome.RUNNER_JAR)
        .hasMessageContaining(RegistryHome.ENV);
  }

  @Test
  void aDirectoryWithTheRunnerJarIsTheHome() throws Exception {
    Files.createFile(dir.resolve(RegistryHome.RUNNER_JAR));

    assertThat(RegistryHome.at(dir).runnerJar()).isEqualTo(dir.resolve(RegistryHome.RUNNER_JAR));
  }
}
