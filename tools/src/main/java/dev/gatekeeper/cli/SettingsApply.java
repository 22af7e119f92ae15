package dev.gatekeeper.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.settings.CurrentSettings;
import dev.gatekeeper.settings.SettingsDiff;
import dev.gatekeeper.settings.SettingsFile;
import dev.gatekeeper.settings.SettingsPublisher;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code settings apply FILE}: validates a settings file (every problem listed; an invalid record
 * is never published), shows its diff against the org's current record and the impact preview
 * of a running gatekeeper, then publishes it with {@code --yes} or a typed "yes". Exit status: 0
 * published (or a dry run), 1 declined at the prompt, 2 an invalid file, a record the gatekeeper
 * would ignore, no confirmation possible or bad options, 3 Kafka or the admin API unreachable.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = {"Publishes a settings file after validating it and showing its diff and impact:",
        "how many live contributions it revokes and why, the review window it opens, what starts or stops",
        "being contributed (from a running gatekeeper's admin API; --no-preview --yes skips it)."})
final class SettingsApply implements Callable<Integer> {
  @Mixin ConfigOptions options;
  @Mixin PublishOptions publish;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the settings record as plain JSON")
  Path file;

  @Option(names = "--org", paramLabel = "ORG", description = "the org to publish it for (default: the file's orgId)")
  String orgId;

  @Option(names = "--reason", paramLabel = "TEXT", description = "why (kept on the record as changeReason, for audit; never contributed)")
  String reason;

  @Override
  public Integer call() throws Exception {
    publish.check();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SettingsFile parsed = SettingsCommand.read(file, orgId);
    if (!parsed.valid()) {
      SettingsCommand.printProblems(err, "apply", file, parsed.problems());
      err.println("nothing was published");
      return ExitCodes.USER_ERROR;
    }
    OrgSettings settings = parsed.settings().orElseThrow();
    if (reason != null) {
      settings.setChangeReason(reason);
    }
    String org = parsed.orgId();
    AppConfig config = options.load(false);
    CurrentSettings.Found found = SettingsCommand.current(config, org);
    OrgSettings before = CurrentSettings.settings(found).orElse(null);
    out.println("--- " + (before == null ? SettingsCommand.absence(org, found) : "current settings of " + org));
    out.println("+++ " + file);
    List<String> diff = SettingsDiff.lines(before, settings);
    if (diff.isEmpty()) {
      out.println("  (no change)");
    }
    diff.forEach(out::println);
    if (before != null && settings.getUpdatedAt().isBefore(before.getUpdatedAt())) {
      throw new UserError("updatedAt " + settings.getUpdatedAt() + " is older than the current record's (" + before.getUpdatedAt()
          + "): the gatekeeper would ignore this record as stale; set a later updatedAt. Nothing was published");
    }
    JsonNode candidate = PlainJson.toJson(settings);
    publish.preview(config, org, candidate, out, err);
    if (publish.dryRun) {
      err.println("dry run: nothing was published");
      return ExitCodes.OK;
    }
    TopicCatalog catalog = config.catalog();
    if (!publish.confirmed("the settings of " + org + " to " + catalog.orgSettings().name(), err)) {
      return ExitCodes.FAILURE;
    }
    RecordMetadata written = PublishOptions.published(config, org,
        () -> new SettingsPublisher(config.clientProperties(), catalog.orgSettings(), SettingsCommand.TIMEOUT).publish(org, settings));
    err.println("published the settings of " + org + " (updatedAt " + settings.getUpdatedAt() + ") to " + written.topic()
        + " partition " + written.partition() + " offset " + written.offset()
        + "; the gatekeeper's revocations follow on " + config.topics().decisions() + " (REVOKED) and " + config.topics().receipts());
    return ExitCodes.OK;
  }
}
