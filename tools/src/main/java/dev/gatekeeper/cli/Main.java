package dev.gatekeeper.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./gatekeeper}: one subcommand per job. */
@Command(
    name = "gatekeeper",
    mixinStandardHelpOptions = true,
    version = "gatekeeper 0.1.0",
    description = "Decides which customer data may be contributed, de-identifies it, and revokes it when settings change.",
    subcommands = {
      ReplayCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      RunCommand.class,
      ResetCommand.class,
      BrokerCommand.class,
      RegistryCommand.class,
      TopicsCommand.class,
      SettingsCommand.class,
      ProduceCommand.class,
      ConsumeCommand.class,
      ExportCommand.class,
      ScrubEvalCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with the project's exit-code and error conventions. */
  static CommandLine commandLine() {
    return ErrorHandler.withConventions(new Main());
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'replay'");
  }
}
