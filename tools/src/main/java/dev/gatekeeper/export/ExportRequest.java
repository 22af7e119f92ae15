package dev.gatekeeper.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to export.
 *
 * @param dir a new or empty directory to write into
 * @param topic the compacted contributions topic (or a regional one)
 * @param since the manifest of an earlier export to continue from, or null for a full export
 * @param gatekeeperPolicyVersion the configured {@code policy.version}, recorded in the manifest
 */
public record ExportRequest(Path dir, Format format, String topic, Path since, String gatekeeperPolicyVersion) {
  public ExportRequest {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(gatekeeperPolicyVersion, "gatekeeperPolicyVersion");
  }

  public Manifest.Kind kind() {
    return since == null ? Manifest.Kind.FULL : Manifest.Kind.INCREMENTAL;
  }
}
