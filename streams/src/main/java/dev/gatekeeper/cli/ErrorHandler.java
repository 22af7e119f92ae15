package dev.gatekeeper.cli;

import picocli.CommandLine;

/**
 * Turns failures into one clear line on standard error and a non-zero exit: {@link
 * UserError}s (bad input or configuration, exit 2) say what to fix, {@link Unreachable} (exit 3)
 * what could not be reached; anything else is an internal
 * error (exit 1) reported by class and message only, never with payload data.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int USER_ERROR = ExitCodes.USER_ERROR;
  static final int INTERNAL_ERROR = ExitCodes.FAILURE;

  /** A command line for {@code command} with the project's error, exit-code and option conventions. */
  static CommandLine withConventions(Object command) {
    return new CommandLine(command)
        .setExecutionExceptionHandler(new ErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    // The command as typed, subcommands included: "gatekeeper settings apply".
    String command = cmd.getCommandSpec().qualifiedName();
    if (e instanceof UserError) {
      cmd.getErr().println(command + ": " + e.getMessage());
      return USER_ERROR;
    }
    if (e instanceof Unreachable) {
      cmd.getErr().println(command + ": " + e.getMessage());
      return ExitCodes.UNREACHABLE;
    }
    cmd.getErr().println(command + ": internal error: " + e);
    return INTERNAL_ERROR;
  }
}
