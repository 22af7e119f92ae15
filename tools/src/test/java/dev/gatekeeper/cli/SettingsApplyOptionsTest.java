package dev.gatekeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code settings apply} and {@code delete} refuse before they contact anything: option
 * combinations that cannot be honoured, and an invalid file (Kafka at 127.0.0.1:1 is never asked,
 * or the exit would be 3).
 */
class SettingsApplyOptionsTest {
  private static final String[] NO_KAFKA = {"--bootstrap-server", "127.0.0.1:1", "--api", "http://127.0.0.1:1"};
  @TempDir Path dir;

  private static String[] with(String... args) {
    String[] all = new String[args.length + NO_KAFKA.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(NO_KAFKA, 0, all, args.length, NO_KAFKA.length);
    return all;
  }

  @Test
  void aPublicationWithoutPreviewMustBeConfirmedWithYes() {
    Cli.Result r = Cli.run(with("settings", "apply", "any.json", "--no-preview"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("gatekeeper settings apply: --no-preview publishes without showing the impact: add --yes");
    Cli.Result delete = Cli.run(with("settings", "delete", "o1", "--no-preview"));
    assertThat(delete.exit()).isEqualTo(2);
    assertThat(delete.err()).contains("gatekeeper settings delete: --no-preview");
  }

  @Test
  void aDryRunNeedsThePreview() {
    Cli.Result r = Cli.run(with("settings", "apply", "any.json", "--no-preview", "--yes", "--dry-run"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--dry-run shows the impact preview");
  }

  @Test
  void anInvalidFileIsRefusedBeforeKafkaOrTheApiIsAsked() throws Exception {
    Path f = dir.resolve("o1.json");
    Files.writeString(f, "{\"orgId\": \"o1\", \"cloudEnvironment\": \"COMMERCIAL\", \"compliance\": {},"
        + " \"products\": [{\"siteId\": \"\", \"app\": \"\", \"plan\": \"FREE\"}], \"updatedAt\": \"2026-09-01T00:00:00Z\"}");
    Cli.Result r = Cli.run(with("settings", "apply", f.toString(), "--yes"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("has 2 problems", "products[0].siteId: is empty", "products[0].app: is empty", "nothing was published");
  }
}
