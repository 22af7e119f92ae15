package dev.gatekeeper.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatekeeper.config.ApiSettings;
import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigException;
import dev.gatekeeper.config.Durations;
import dev.gatekeeper.settings.AdminApiClient;
import dev.gatekeeper.settings.ImpactReport;
import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import picocli.CommandLine.Option;

/**
 * What {@code settings apply} and {@code settings delete} share: the impact preview from a running
 * gatekeeper's admin API, the dry run, and the confirmation before anything is published.
 */
final class PublishOptions {
  @Option(names = "--dry-run", description = "validate, show the diff and the impact preview; publish nothing")
  boolean dryRun;

  @Option(names = "--yes", description = "publish without asking (for scripts); without it, a console asks, and without a console nothing is published")
  boolean yes;

  @Option(names = "--api", paramLabel = "URL",
      description = "a running gatekeeper's admin API, any instance (default: http://<api.advertised-host>:<api.port> of the settings, e.g. http://127.0.0.1:8090)")
  URI api;

  @Option(names = "--api-token-file", paramLabel = "FILE", description = "the API's bearer token (default: api.token-file of the settings)")
  Path apiTokenFile;

  @Option(names = "--api-wait", paramLabel = "DURATION", defaultValue = "30s",
      description = "how long to wait for a gatekeeper that is starting or rebalancing (default ${DEFAULT-VALUE})")
  String apiWait;

  @Option(names = "--no-preview", description = "publish without the impact preview, when no gatekeeper runs (needs --yes)")
  boolean noPreview;

  /** Refuses combinations that cannot be honoured. */
  void check() {
    if (noPreview && dryRun) {
      throw new UserError("--dry-run shows the impact preview; it cannot be combined with --no-preview");
    }
    if (noPreview && !yes) {
      throw new UserError("--no-preview publishes without showing the impact: add --yes to confirm that");
    }
  }

  AdminApiClient client(AppConfig config) {
    ApiSettings settings = config.api();
    URI base = api != null ? api : URI.create("http://" + (settings.enabled() ? settings.advertised() : "127.0.0.1:8090"));
    Optional<String> token;
    try {
      token = apiTokenFile != null ? Optional.of(ApiSettings.readToken(apiTokenFile)) : settings.token();
    } catch (ConfigException e) {
      throw new UserError("--api-token-file: " + String.join("; ", e.problems()));
    }
    try {
      return new AdminApiClient(base, token, Durations.parse(apiWait));
    } catch (IllegalArgumentException e) {
      throw new UserError("--api-wait is '" + apiWait + "'; expected a duration such as 30s");
    }
  }

  /**
   * Prints the impact of publishing {@code settings} (null: the org's tombstone) and returns the
   * preview; null with --no-preview.
   *
   * @throws Unreachable when no gatekeeper answers (exit 3): nothing is published
   * @throws UserError when the gatekeeper refuses the candidate, or would ignore it
   */
  JsonNode preview(AppConfig config, String orgId, JsonNode settings, PrintWriter out, PrintWriter err) throws InterruptedException {
    if (noPreview) {
      err.println("no impact preview (--no-preview): the gatekeeper will revoke what the new settings disallow");
      return null;
    }
    AdminApiClient client = client(config);
    AdminApiClient.Answer answer;
    try {
      answer = client.preview(orgId, settings);
    } catch (AdminApiClient.Unreachable e) {
      throw new dev.gatekeeper.cli.Unreachable(e.getMessage() + "; nothing was published. Start the gatekeeper (gatekeeper run,"
          + " api.port), point --api at one of its instances, or publish without a preview: --no-preview --yes");
    } catch (AdminApiClient.Refused e) {
      String problems = e.problems().isEmpty() ? "" : "\n  - " + String.join("\n  - ", e.problems());
      String hint = e.status() == 401 ? "; pass the gatekeeper's token with --api-token-file (or api.token-file)" : "";
      throw new UserError(e.getMessage() + hint + problems + "\nnothing was published");
    }
    JsonNode preview = answer.body();
    ImpactReport.lines(preview, answer.answeredBy()).forEach(out::println);
    String ignored = ImpactReport.ignoredBecause(preview);
    if (ignored != null) {
      throw new UserError("the gatekeeper would ignore this record: " + ignored + "; set a later updatedAt. Nothing was published");
    }
    return preview;
  }

  /** Whether to publish now: --yes, or "yes" typed on a console. */
  boolean confirmed(String what, PrintWriter err) {
    if (yes) {
      return true;
    }
    Console console = System.console();
    if (console == null) {
      throw new UserError("not published: no console to confirm on; pass --yes to publish " + what + " (or --dry-run to only look)");
    }
    String answer = console.readLine("Publish %s? Type 'yes' to publish: ", what);
    if (answer != null && answer.strip().equals("yes")) {
      return true;
    }
    err.println("not published");
    return false;
  }

  /** A publication that may fail as Kafka fails. */
  interface Publication {
    RecordMetadata run() throws TimeoutException, ExecutionException, InterruptedException;
  }

  /** Runs a publication, turning Kafka's failures into the command line's. */
  static RecordMetadata published(AppConfig config, String orgId, Publication publication) throws InterruptedException {
    try {
      return publication.run();
    } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
      throw new Unreachable("no acknowledgement from Kafka at " + config.bootstrapServers() + " within "
          + SettingsCommand.TIMEOUT.toSeconds() + " s: the record may or may not be published; check with: gatekeeper settings get "
          + orgId);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw new Unreachable("Kafka at " + config.bootstrapServers() + " did not take the record in time ("
            + cause.getClass().getSimpleName() + "); check with: gatekeeper settings get " + orgId);
      }
      throw new UserError("Kafka refused the record (" + cause.getClass().getSimpleName() + "); nothing was published");
    } catch (SerializationException e) {
      throw new UserError("the record could not be encoded for the settings topic (" + e.getMessage() + "); nothing was published");
    } catch (KafkaException e) {
      throw new UserError("cannot publish to Kafka (" + e.getClass().getSimpleName() + "); nothing was published");
    }
  }
}
