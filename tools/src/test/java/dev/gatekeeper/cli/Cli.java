package dev.gatekeeper.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The launcher's command line run in-process for tests, with its exit code and standard error. */
public final class Cli {
  private Cli() {}

  /** What a run ended with: its exit code, standard error and standard output. */
  public record Result(int exit, String err, String out) {}

  /**
   * Runs {@code args} as {@code ./gatekeeper} would; standard error and output are captured
   * before picocli wraps them, so what commands print directly is seen too. Not thread-safe: it
   * swaps {@link System#err} and {@link System#out} for the duration.
   */
  public static Result run(String... args) {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cmd = Main.commandLine();
      cmd.setErr(new PrintWriter(System.err, true));
      cmd.setOut(new PrintWriter(System.out, true));
      int exit = cmd.execute(args);
      return new Result(exit, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
  }
}
