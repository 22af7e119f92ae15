package dev.gatekeeper.cli;

import dev.gatekeeper.serde.WireFormat;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.bench.BenchRun;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatekeeper bench}: throughput, latency and revocation cost, side by side in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks on an embedded broker, in one JVM, on the same input:",
        "a bytes pass-through Streams app (exactly_once_v2, the ceiling here),",
        "an Avro pass-through (the run's serdes) and the gatekeeper, in rounds:",
        "round 0 cold, then --repeats warm rounds given as median and min-max;",
        "then latency at half the warm rate, revocation of an org with many",
        "contributions, memory. Prints Markdown tables, then one JSON line with",
        "every figure to compare runs."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "500000", description = "events in the throughput input (default ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--orgs", defaultValue = "2000", description = "organizations (default ${DEFAULT-VALUE})")
  int orgs;

  @Option(names = "--partitions", defaultValue = "4", description = "partitions per topic (default ${DEFAULT-VALUE})")
  int partitions;

  @Option(names = "--revoke", defaultValue = "100000", description = "live contributions of the org that opts out (default ${DEFAULT-VALUE})")
  long revoke;

  @Option(names = "--repeats", defaultValue = "3",
      description = "warm passes of each kind after the cold one (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--format", defaultValue = "single-object", paramLabel = "FORMAT",
      description = {"wire format of the topics: single-object, confluent (starts a schema registry), or both:",
          "every round runs each kind in each format on the same events, side by side (default ${DEFAULT-VALUE})"})
  String format;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "a gatekeeper setting for the run (repeatable), e.g. --set aggregates.enabled=false")
  Map<String, String> settings = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (events < 1 || orgs < 1 || partitions < 1 || revoke < 1 || repeats < 1) {
      throw new UserError("--events, --orgs, --partitions, --revoke and --repeats must be at least 1");
    }
    List<WireFormat> formats;
    try {
      formats = format.equalsIgnoreCase("both") ? List.of(WireFormat.SINGLE_OBJECT, WireFormat.CONFLUENT) : List.of(WireFormat.parse(format));
    } catch (IllegalArgumentException e) {
      throw new UserError("--format " + e.getMessage() + ", or both");
    }
    BenchRun bench = new BenchRun(events, orgs, partitions, revoke, repeats, settings, formats, System.out);
    Map<String, Object> r = bench.run();
    System.out.println();
    bench.throughputTable().forEach(System.out::println);
    System.out.println();
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    // Every pass's figures are in the JSON line under "throughput"; the table above summarises them.
    r.forEach((k, v) -> {
      if (!k.equals("throughput")) {
        System.out.println("| " + k + " | " + v + " |");
      }
    });
    System.out.println();
    System.out.println(new ObjectMapper().writeValueAsString(r));
    return 0;
  }
}
