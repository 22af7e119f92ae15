package dev.gatekeeper.cli;

import dev.gatekeeper.registry.RegistryStartException;
import dev.gatekeeper.serde.WireFormat;

import dev.gatekeeper.config.Durations;
import dev.gatekeeper.demo.DemoRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatekeeper demo}: everything on one machine, with nothing configured. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Starts an embedded Kafka broker, creates the topics, runs the gatekeeper and drives a",
        "synthetic workload (plans, trials, excluded orgs, PII, opt-outs, deletions), printing progress;",
        "then stops everything it started."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--duration", defaultValue = "60s", paramLabel = "DURATION", description = "how long to drive the workload (default ${DEFAULT-VALUE})")
  String duration;

  @Option(names = "--orgs", defaultValue = "2000", description = "simulated organizations (default ${DEFAULT-VALUE})")
  int orgs;

  @Option(names = "--partitions", defaultValue = "4", description = "partitions per topic (default ${DEFAULT-VALUE})")
  int partitions;

  @Option(names = "--format", defaultValue = "confluent", paramLabel = "FORMAT",
      description = "wire format: confluent (starts a schema registry) or single-object (default ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() throws Exception {
    // The demo's consumers ask for repartition topics that Kafka Streams creates a moment later;
    // Kafka's client warns of each retried metadata answer. The demo's broker is its own and
    // known to be healthy, so the demo alone hears only errors from that one logger.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
    if (orgs < 1 || partitions < 1) {
      throw new UserError("--orgs and --partitions must be at least 1");
    }
    java.time.Duration d;
    try {
      d = Durations.parse(duration);
    } catch (IllegalArgumentException e) {
      throw new UserError("--duration " + e.getMessage());
    }
    WireFormat wire;
    try {
      wire = WireFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UserError("--format " + e.getMessage());
    }
    boolean complete;
    try {
      complete = new DemoRun(d, orgs, partitions, wire, System.out).run();
    } catch (RegistryStartException e) {
      throw new UserError("the demo's schema registry did not start: " + e.getMessage()
          + "; run the demo with --format single-object to go without one");
    }
    return complete ? 0 : ErrorHandler.INTERNAL_ERROR;
  }
}
