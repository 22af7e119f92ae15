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
    description = {"Benchmarks on an embedded broker, in one run on the same input: the producer's raw rate,",
        "a pass-through Streams app (same serdes, exactly_once_v2) and the gatekeeper; latency at half",
        "load; revocation of an org with many contributions; memory and state size.",
        "Prints a Markdown table, then one JSON line to compare runs."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "500000", description = "events in the throughput input (default ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--orgs", defaultValue = "2000", description = "organizations (default ${DEFAULT-VALUE})")
  int orgs;

  @Option(names = "--partitions", defaultValue = "4", description = "partitions per topic (default ${DEFAULT-VALUE})")
  int partitions;

  @Option(names = "--revoke", defaultValue = "100000", description = "live contributions of the org that opts out (default ${DEFAULT-VALUE})")
  long revoke;

  @Option(names = "--format", defaultValue = "single-object", paramLabel = "FORMAT",
      description = {"wire format of the topics: single-object, confluent (starts a schema registry), or both:",
          "(a)-(c) for each format on the same events, cold then warm, side by side (default ${DEFAULT-VALUE})"})
  String format;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "a gatekeeper setting for the run (repeatable), e.g. --set aggregates.enabled=false")
  Map<String, String> settings = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (events < 1 || orgs < 1 || partitions < 1 || revoke < 1) {
      throw new UserError("--events, --orgs, --partitions and --revoke must be at least 1");
    }
    List<WireFormat> formats;
    try {
      formats = format.equalsIgnoreCase("both") ? List.of(WireFormat.SINGLE_OBJECT, WireFormat.CONFLUENT) : List.of(WireFormat.parse(format));
    } catch (IllegalArgumentException e) {
      throw new UserError("--format " + e.getMessage() + ", or both");
    }
    Map<String, Object> r = new BenchRun(events, orgs, partitions, revoke, settings, formats, System.out).run();
    System.out.println();
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    r.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
    System.out.println();
    System.out.println(new ObjectMapper().writeValueAsString(r));
    return 0;
  }
}
