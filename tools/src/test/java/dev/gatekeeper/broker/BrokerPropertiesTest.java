package dev.gatekeeper.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerPropertiesTest {
  @Test
  void singleNodeKraftOnLoopbackWithOneReplicaEverywhere(@TempDir Path dir) {
    Properties p = BrokerProperties.builder().brokerPort(19092).controllerPort(19093).logDir(dir).build();

    assertThat(p)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
        .containsEntry("log.dirs", dir.toString())
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("auto.create.topics.enable", "false");
  }

  @Test
  void extrasOverrideDefaultsButNotManagedKeys(@TempDir Path dir) {
    Properties p =
        BrokerProperties.builder()
            .brokerPort(19092)
            .controllerPort(19093)
            .logDir(dir)
            .extra(Map.of("auto.create.topics.enable", "true", "log.retention.ms", "60000"))
            .build();
    assertThat(p).containsEntry("auto.create.topics.enable", "true").containsEntry("log.retention.ms", "60000");

    assertThatThrownBy(() -> BrokerProperties.builder().extra(Map.of("listeners", "PLAINTEXT://0.0.0.0:9092")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listeners");
  }

  @Test
  void writtenFileReadsBackAsTheSameProperties(@TempDir Path dir) throws Exception {
    BrokerProperties builder = BrokerProperties.builder().brokerPort(19092).controllerPort(19093).logDir(dir);
    Path file = dir.resolve("server.properties");
    builder.writeTo(file);

    Properties read = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      read.load(in);
    }
    assertThat(read).isEqualTo(builder.build());
  }

  @Test
  void brokerAndControllerPortsMustDiffer(@TempDir Path dir) {
    assertThatThrownBy(() -> BrokerProperties.builder().brokerPort(19092).controllerPort(19092).logDir(dir).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
