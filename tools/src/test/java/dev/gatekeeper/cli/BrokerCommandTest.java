package dev.gatekeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerCommandTest {
  @Test
  void aTakenPortIsAUserErrorThatNamesThePort(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      StringWriter err = new StringWriter();
      StringWriter out = new StringWriter();
      CommandLine cli = new CommandLine(new BrokerCommand());
      cli.setErr(new PrintWriter(err, true));
      cli.setOut(new PrintWriter(out, true));

      int status = cli.execute("--port", Integer.toString(taken.getLocalPort()), "--dir", dir.toString());

      assertThat(status).isEqualTo(2);
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString())
          .contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
          .contains("--port");
    }
  }

  @Test
  void aBadHeapSizeIsAUserError(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BrokerCommand());
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("--max-heap", "lots", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("lots");
  }
}
