package dev.gatekeeper.cli;

import dev.gatekeeper.broker.BrokerOptions;
import dev.gatekeeper.broker.BrokerStartException;
import dev.gatekeeper.broker.EmbeddedBroker;
import dev.gatekeeper.broker.DataDir;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatekeeper broker [--port N] [--dir D]}: a development Kafka broker in the foreground.
 *
 * <p>The broker is an {@link EmbeddedBroker}, so it runs in a child JVM that this process waits
 * on: the same code path the integration tests exercise, Kafka's threads, heap and log output
 * stay out of the CLI's JVM, and the child's own shutdown is Kafka's ordinary, tested one. The
 * cost is a second, mostly idle JVM (tens of MB).
 *
 * <p>When ready it prints one line to standard output, {@code broker ready
 * bootstrap.servers=127.0.0.1:PORT dir=DIR}, and then runs until SIGTERM or Ctrl-C, which stop
 * the broker (the JVM's shutdown hook waits for it). Exit status: 2 if the port or directory is
 * taken or the directory is unusable, 1 if the broker fails or exits by itself.
 */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a single-node development Kafka broker (KRaft) on 127.0.0.1 in the foreground,",
      "keeping its data in --dir across restarts. Stop it with Ctrl-C or SIGTERM."
    })
public final class BrokerCommand implements Callable<Integer> {
  /** The directory used when {@code --dir} is not given, relative to the working directory. */
  public static final String DEFAULT_DIR = ".gatekeeper-broker";

  static final int USER_ERROR = ExitCodes.USER_ERROR;
  static final int FAILURE = ExitCodes.FAILURE;

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "9092", description = "PLAINTEXT port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--dir", paramLabel = "D", defaultValue = DEFAULT_DIR, description = "data directory, kept across restarts (default: ./${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--max-heap", paramLabel = "SIZE", defaultValue = "512m", description = "the broker JVM's -Xmx (default: ${DEFAULT-VALUE})")
  String maxHeap;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BrokerOptions options;
    try {
      options = BrokerOptions.defaults().withPort(port).withDataDir(dir).withMaxHeap(maxHeap);
    } catch (IllegalArgumentException e) {
      err.println("gatekeeper broker: " + e.getMessage());
      return USER_ERROR;
    }
    EmbeddedBroker broker;
    try {
      broker = EmbeddedBroker.start(options);
    } catch (BrokerStartException e) {
      err.println("gatekeeper broker: " + e.getMessage() + hint(e.reason()));
      return switch (e.reason()) {
        case PORT_IN_USE, DATA_DIR_IN_USE, DATA_DIR_UNUSABLE -> USER_ERROR;
        default -> FAILURE;
      };
    }
    try (broker) {
      out.println("broker ready bootstrap.servers=" + broker.bootstrapServers() + " dir=" + broker.dataDir());
      out.flush();
      err.println("gatekeeper broker: log in " + broker.logFile() + "; stop with Ctrl-C");
      err.flush();
      int status = broker.awaitExit();
      if (broker.isClosed()) {
        // SIGTERM or Ctrl-C: the shutdown hook stopped the broker and the JVM is exiting.
        return 0;
      }
      err.println("gatekeeper broker: the broker process exited by itself with status " + status + "; see " + broker.logFile());
      return FAILURE;
    }
  }

  private static String hint(BrokerStartException.Reason reason) {
    return switch (reason) {
      case PORT_IN_USE -> "; choose another with --port";
      case DATA_DIR_IN_USE -> "; stop that broker or choose another --dir";
      default -> "";
    };
  }
}
