package dev.gatekeeper.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the service jar ({@code gatekeeper-service.jar}, the Docker image's): only the
 * commands that operate the service against a cluster. The full launcher, {@code ./gatekeeper}
 * with replay, demo, bench and the other tools, is {@code Main} in gatekeeper-tools.
 */
@Command(
    name = "gatekeeper",
    mixinStandardHelpOptions = true,
    version = "gatekeeper 0.1.0",
    description = "Decides which customer data may be contributed, de-identifies it, and revokes it when settings change.",
    subcommands = {
      RunCommand.class,
      TopicsCommand.class,
      ResetCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ServiceMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with the project's exit-code and error conventions. */
  static CommandLine commandLine() {
    return ErrorHandler.withConventions(new ServiceMain());
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'run'");
  }
}
