package dev.gatekeeper.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerLogTest {
  @Test
  void quotesTheLastErrorOfTheLatestStartOnly(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("broker.log");
    BrokerLog.mark(log, "starting broker on 127.0.0.1:1");
    append(log, "ERROR KafkaRaftServer - earlier failure\n");
    BrokerLog.mark(log, "starting broker on 127.0.0.1:2");
    append(log, "INFO KafkaRaftServer - starting\n");

    assertThat(BrokerLog.lastError(log)).isEmpty();
    assertThat(BrokerLog.describeLastError(log)).isEmpty();

    append(log, "ERROR SocketServer - Address already in use\nINFO shutting down\n");
    assertThat(BrokerLog.lastError(log)).hasValue("ERROR SocketServer - Address already in use");
    assertThat(BrokerLog.describeLastError(log)).isEqualTo("; last error: ERROR SocketServer - Address already in use");
  }

  @Test
  void aMissingFileHasNoError(@TempDir Path dir) {
    assertThat(BrokerLog.lastError(dir.resolve("absent.log"))).isEmpty();
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardOpenOption.APPEND);
  }
}
