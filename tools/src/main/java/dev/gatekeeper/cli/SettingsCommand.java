package dev.gatekeeper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.policy.SettingsValidation.Problem;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.settings.CurrentSettings;
import dev.gatekeeper.settings.SettingsDiff;
import dev.gatekeeper.settings.SettingsFile;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gatekeeper settings}: the admins' tool for org settings. A settings file is one org's
 * record as plain JSON (the {@code value} of an {@code org-settings} line in the replay format).
 * Exit status: 0 done, 2 for a file with problems, an org without settings or bad options, 3 when
 * Kafka (or, for apply and delete, the gatekeeper's admin API) cannot be reached.
 */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = {"Org settings for admins: read the current record, check a file, compare them,",
        "and publish a file or an org's deletion after previewing its impact on a running gatekeeper.",
        "A settings file holds one record as plain JSON, as 'produce' reads it on org-settings."},
    subcommands = {SettingsCommand.Get.class, SettingsCommand.Validate.class, SettingsCommand.Diff.class,
        SettingsApply.class, SettingsDelete.class})
final class SettingsCommand implements Runnable {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code settings get ORG}: the org's current record. */
  @Command(name = "get", mixinStandardHelpOptions = true,
      description = {"Prints an org's current settings record (the last committed one on the settings topic) as plain JSON."})
  static final class Get implements Callable<Integer> {
    @Mixin ConfigOptions options;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ORG", description = "the org id")
    String orgId;

    @Override
    public Integer call() throws IOException {
      AppConfig config = options.load(false);
      CurrentSettings.Found found = current(config, orgId);
      PrintWriter err = spec.commandLine().getErr();
      if (found instanceof CurrentSettings.Found.Record r) {
        spec.commandLine().getOut().println(JSON.writeValueAsString(PlainJson.toJson(r.settings())));
        err.println("settings of " + orgId + " at " + config.topics().settings() + " partition " + r.partition() + " offset " + r.offset());
        return ExitCodes.OK;
      }
      err.println("gatekeeper settings get: " + absence(orgId, found));
      return ExitCodes.USER_ERROR;
    }
  }

  /** {@code settings validate FILE}: the service's checks, offline. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = {"Checks a settings file as the service will: its shape, then the rules every settings record",
          "must meet. Lists every problem with its field. Needs no cluster."})
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the settings record as plain JSON")
    Path file;

    @Option(names = "--org", paramLabel = "ORG", description = "the org to publish it for (default: the file's orgId)")
    String orgId;

    @Override
    public Integer call() throws IOException {
      SettingsFile parsed = read(file, orgId);
      if (!parsed.valid()) {
        printProblems(spec.commandLine().getErr(), "validate", file, parsed.problems());
        return ExitCodes.USER_ERROR;
      }
      spec.commandLine().getOut().println(file + ": valid settings for org " + parsed.orgId());
      return ExitCodes.OK;
    }
  }

  /** {@code settings diff FILE}: what publishing the file would change. */
  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = {"Shows how a settings file differs from the org's current record, field by field",
          "(products matched by site and app; scope lists as sets)."})
  static final class Diff implements Callable<Integer> {
    @Mixin ConfigOptions options;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the settings record as plain JSON")
    Path file;

    @Option(names = "--org", paramLabel = "ORG", description = "the org to compare with (default: the file's orgId)")
    String orgId;

    @Override
    public Integer call() throws IOException {
      SettingsFile parsed = read(file, orgId);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (parsed.settings().isEmpty()) {
        printProblems(err, "diff", file, parsed.problems());
        return ExitCodes.USER_ERROR;
      }
      AppConfig config = options.load(false);
      CurrentSettings.Found found = current(config, parsed.orgId());
      OrgSettings before = CurrentSettings.settings(found).orElse(null);
      OrgSettings after = parsed.settings().get();
      out.println("--- " + (before == null ? absence(parsed.orgId(), found) : "current settings of " + parsed.orgId()));
      out.println("+++ " + file);
      List<String> lines = SettingsDiff.lines(before, after);
      if (lines.isEmpty()) {
        out.println("  (no change)");
      }
      lines.forEach(out::println);
      if (before != null && after.getUpdatedAt().isBefore(before.getUpdatedAt())) {
        err.println("note: updatedAt is older than the current record's (" + before.getUpdatedAt()
            + "): the service would ignore this record as stale; set a later updatedAt");
      }
      if (!parsed.valid()) {
        printProblems(err, "diff", file, parsed.problems());
        return ExitCodes.USER_ERROR;
      }
      return ExitCodes.OK;
    }
  }

  static SettingsFile read(Path file, String orgId) {
    try {
      return SettingsFile.read(file, orgId);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + " (" + e.getMessage() + ")");
    }
  }

  static void printProblems(PrintWriter err, String command, Path file, List<Problem> problems) {
    err.println("gatekeeper settings " + command + ": " + file + " has " + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + "; the service would refuse it (SETTINGS_INVALID revokes all the org contributed):");
    problems.forEach(p -> err.println("  - " + p.field() + ": " + p.message()));
  }

  static CurrentSettings.Found current(AppConfig config, String orgId) {
    TopicCatalog catalog = config.catalog();
    try {
      return new CurrentSettings(config.clientProperties(), catalog.orgSettings().name(), catalog.serdes().orgSettings, TIMEOUT).of(orgId);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    } catch (SerializationException e) {
      throw new UserError("the current settings record of " + orgId + " does not decode (" + e.getMessage() + ")");
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new Unreachable("cannot read " + catalog.orgSettings().name() + " at " + config.bootstrapServers() + " within "
          + TIMEOUT.toSeconds() + " s; check bootstrap.servers and that the brokers are up");
    } catch (KafkaException e) {
      throw new UserError("cannot read " + catalog.orgSettings().name() + ": " + e.getClass().getSimpleName());
    }
  }

  static String absence(String orgId, CurrentSettings.Found found) {
    if (found instanceof CurrentSettings.Found.Deleted d) {
      return "org " + orgId + " is deleted (a tombstone at partition " + d.partition() + " offset " + d.offset() + ")";
    }
    return "org " + orgId + " has no settings record";
  }
}
