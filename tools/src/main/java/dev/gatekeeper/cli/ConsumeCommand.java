package dev.gatekeeper.cli;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.Durations;
import dev.gatekeeper.io.JsonLinesConsumer;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gatekeeper consume --topic T}: Avro records in, JSON lines out (read_committed). */
@Command(name = "consume", mixinStandardHelpOptions = true,
    description = {"Prints a topic as JSON lines in the replay format, reading committed records only.",
        "Tombstones print as \"value\":null. Stops on Ctrl-C, after --idle-timeout without records, or after --max."})
final class ConsumeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC")
  String topic;

  @Option(names = "--from-beginning", description = "start at the earliest record (default: only new ones)")
  boolean fromBeginning;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", description = "stop after this long without a record, e.g. 5s")
  String idleTimeout;

  @Option(names = "--max", paramLabel = "N", defaultValue = "" + Long.MAX_VALUE, description = "stop after N records")
  long max;

  @Override
  public Integer call() {
    AppConfig config = options.load(false);
    Duration idle = idleTimeout == null ? null : Durations.parse(idleTimeout);
    AtomicBoolean stop = new AtomicBoolean();
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        main.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "consume-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    try (JsonLinesConsumer consumer = new JsonLinesConsumer(config.clientProperties(), config.catalog(), topic, fromBeginning)) {
      long n = consumer.print(out, idle, max, stop::get);
      System.err.println("consumed " + n + " records");
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return 0;
  }
}
