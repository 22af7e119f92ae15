package dev.gatekeeper.cli;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.settings.CurrentSettings;
import dev.gatekeeper.settings.SettingsDiff;
import dev.gatekeeper.settings.SettingsPublisher;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code settings delete ORG}: publishes the org's tombstone, after the impact preview and a
 * confirmation. The gatekeeper then revokes everything the org contributed (ORG_DELETED). Exit
 * status as for {@code settings apply}; an org with no settings record is refused (2).
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = {"Deletes an org: publishes its tombstone on the settings topic after showing the impact",
        "(every live contribution is revoked as ORG_DELETED) and a confirmation."})
final class SettingsDelete implements Callable<Integer> {
  @Mixin ConfigOptions options;
  @Mixin PublishOptions publish;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ORG", description = "the org id")
  String orgId;

  @Override
  public Integer call() throws Exception {
    publish.check();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AppConfig config = options.load(false);
    CurrentSettings.Found found = SettingsCommand.current(config, orgId);
    if (!(found instanceof CurrentSettings.Found.Record)) {
      throw new UserError(SettingsCommand.absence(orgId, found) + ": nothing to delete");
    }
    out.println("--- current settings of " + orgId);
    out.println("+++ (deleted)");
    SettingsDiff.lines(CurrentSettings.settings(found).orElseThrow(), null).forEach(out::println);
    publish.preview(config, orgId, null, out, err);
    if (publish.dryRun) {
      err.println("dry run: nothing was published");
      return ExitCodes.OK;
    }
    TopicCatalog catalog = config.catalog();
    if (!publish.confirmed("the deletion of " + orgId + " (its tombstone) to " + catalog.orgSettings().name(), err)) {
      return ExitCodes.FAILURE;
    }
    long now = Instant.now().toEpochMilli();
    RecordMetadata written = PublishOptions.published(config, orgId,
        () -> new SettingsPublisher(config.clientProperties(), catalog.orgSettings(), SettingsCommand.TIMEOUT).delete(orgId, now));
    err.println("published the tombstone of " + orgId + " to " + written.topic() + " partition " + written.partition() + " offset "
        + written.offset() + "; the gatekeeper's revocations follow on " + config.topics().decisions() + " (REVOKED) and "
        + config.topics().receipts());
    return ExitCodes.OK;
  }
}
