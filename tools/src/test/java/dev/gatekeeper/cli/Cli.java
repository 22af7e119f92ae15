package dev.gatekeeper.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The launcher's command line run in-process for tests, with its exit code and standard error. */
public final class Cli {
  private Cli() {}

  /** What a run ended with. */
  public record Result(int exit, String err) {}

  /**
   * Runs {@code args} as {@code ./gatekeeper} would; standard error is captured before picocli
   * wraps it, so messages printed by commands directly are seen too. Not thread-safe: it swaps
   * {@link System#err} for the duration.
   */
  public static Result run(String... args) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      CommandLine cmd = Main.commandLine();
      cmd.setErr(new PrintWriter(System.err, true));
      int exit = cmd.execute(args);
      return new Result(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
    }
  }
}
