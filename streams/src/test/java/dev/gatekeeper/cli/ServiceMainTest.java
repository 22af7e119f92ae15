package dev.gatekeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServiceMainTest {
  @Test
  void offersTheServiceCommandsOnly() {
    CommandLine cmd = ServiceMain.commandLine();
    assertThat(cmd.getSubcommands().keySet()).containsExactlyInAnyOrder("run", "topics", "reset", "help");
  }

  @Test
  void aToolCommandIsAUsageError() {
    CommandLine cmd = ServiceMain.commandLine();
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err));
    assertThat(cmd.execute("replay", "scenario.jsonl")).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("replay");
  }

  @Test
  void aBadSettingIsAUserError() {
    CommandLine cmd = ServiceMain.commandLine();
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err));
    assertThat(cmd.execute("run", "--set", "no.such.setting=1", "--print-config")).isEqualTo(ErrorHandler.USER_ERROR);
    assertThat(err.toString()).startsWith("gatekeeper run: ");
  }
}
