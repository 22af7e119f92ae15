package dev.gatekeeper.cli;

import dev.gatekeeper.registry.RegistryDataDir;
import dev.gatekeeper.registry.RegistryHome;
import dev.gatekeeper.registry.RegistryProcess;
import dev.gatekeeper.registry.RegistryStartException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatekeeper registry [--port N] [--dir D]}: a development schema registry (Apicurio
 * Registry {@value RegistryHome#VERSION}, Confluent API) in the foreground.
 *
 * <p>When ready it prints one line to standard output, {@code registry ready
 * url=http://127.0.0.1:PORT/apis/ccompat/v7 dir=DIR}, and runs until SIGTERM or Ctrl-C. Exit
 * status: 2 if the distribution is missing, the port is taken or the directory is unusable, 1
 * if the registry fails or exits by itself.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a development schema registry (Apicurio Registry with the Confluent API) on 127.0.0.1",
      "in the foreground, keeping its schemas in --dir across restarts, with BACKWARD compatibility.",
      "Stop it with Ctrl-C or SIGTERM."
    })
public final class RegistryCommand implements Callable<Integer> {
  /** The directory used when {@code --dir} is not given, relative to the working directory. */
  public static final String DEFAULT_DIR = ".gatekeeper-registry";

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8085", description = "HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--dir", paramLabel = "D", defaultValue = DEFAULT_DIR, description = "data directory (H2 database), kept across restarts (default: ./${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--max-heap", paramLabel = "SIZE", defaultValue = "256m", description = "the registry JVM's -Xmx (default: ${DEFAULT-VALUE})")
  String maxHeap;

  @Option(names = "--ready-timeout", paramLabel = "SECONDS", defaultValue = "90", description = "how long to wait for the registry to be ready (default: ${DEFAULT-VALUE})")
  int readyTimeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("gatekeeper registry: --port must be between 0 and 65535");
      return ExitCodes.USER_ERROR;
    }
    RegistryProcess registry;
    try {
      registry =
          RegistryProcess.start(
              RegistryHome.locate(), RegistryDataDir.of(dir), port, maxHeap, Duration.ofSeconds(readyTimeoutSeconds));
    } catch (RegistryStartException e) {
      err.println("gatekeeper registry: " + e.getMessage() + hint(e.reason()));
      return switch (e.reason()) {
        case DISTRIBUTION_MISSING, PORT_IN_USE, DATA_DIR_UNUSABLE -> ExitCodes.USER_ERROR;
        default -> ExitCodes.FAILURE;
      };
    }
    try (registry) {
      out.println("registry ready url=" + registry.confluentUrl() + " dir=" + registry.dataDir());
      out.flush();
      err.println("gatekeeper registry: pid " + registry.pid() + ", log in " + registry.dataDir().logFile() + "; stop with Ctrl-C");
      err.flush();
      int status = registry.awaitExit();
      if (registry.isClosed()) {
        // SIGTERM or Ctrl-C: the shutdown hook stopped the registry and the JVM is exiting.
        return ExitCodes.OK;
      }
      err.println("gatekeeper registry: the registry exited by itself with status " + status + "; see " + registry.dataDir().logFile());
      return ExitCodes.FAILURE;
    }
  }

  private static String hint(RegistryStartException.Reason reason) {
    return switch (reason) {
      case PORT_IN_USE -> "; choose another with --port";
      default -> "";
    };
  }
}
