package dev.gatekeeper.cli;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.export.ExportException;
import dev.gatekeeper.export.ExportRequest;
import dev.gatekeeper.export.ExportResult;
import dev.gatekeeper.export.ExportRun;
import dev.gatekeeper.export.Format;
import dev.gatekeeper.ops.Admins;
import dev.gatekeeper.ops.ClusterCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gatekeeper export --out DIR}: a training snapshot of the contributions topic for ML pipelines. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes a snapshot of the compacted contributions topic (committed records",
        "only) into a new directory: the live contributions, or, with --since, the",
        "additions and deletions since an earlier export. manifest.json is written",
        "last: a directory without one is not a complete export. Refuses (exit 2)",
        "whenever the result could be incomplete, e.g. after an earlier manifest older",
        "than the topic's delete.retention.ms: run a full export then."})
final class ExportCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Mixin ConfigOptions options;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "a new or empty directory")
  Path out;

  @Option(names = "--format", defaultValue = "avro", paramLabel = "avro|jsonl|parquet",
      description = "Avro object container files (default), JSON Lines of plain JSON, or Parquet (zstd) for pandas, polars and DuckDB")
  Format format;

  @Option(names = "--since", paramLabel = "MANIFEST", description = "the manifest.json of an earlier export: export only what changed since")
  Path since;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "the topic to export, e.g. a regional contributions.eu (default: topics.contributions)")
  String topic;

  @Override
  public Integer call() {
    AppConfig config = options.load(false);
    String policyVersion = options.layered().get(ConfigKey.POLICY_VERSION).strip();
    ExportRequest request = new ExportRequest(out, format, topic != null ? topic : config.topics().contributions(), since, policyVersion);
    try (Admin admin = Admins.create(config.clientProperties(), TIMEOUT)) {
      new ClusterCheck(admin, TIMEOUT).reachable(config.bootstrapServers());
      ExportResult result = new ExportRun(admin, config.clientProperties(), Clock.systemUTC(), TIMEOUT, config.catalog().serdes().contribution).run(request);
      System.err.println(result.summary());
      return 0;
    } catch (ExportException e) {
      throw new UserError(e.getMessage(), e);
    } catch (ClusterCheck.Unreachable e) {
      System.err.println("gatekeeper export: " + e.getMessage());
      return RunCommand.UNREACHABLE;
    }
  }
}
