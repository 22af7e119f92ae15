package dev.gatekeeper.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A published export.
 *
 * @param logRecordsRead records of the topic read, which is at least the records exported
 * @param elapsed from the start of the run to the manifest's publication
 */
public record ExportResult(Path dir, Manifest manifest, long logRecordsRead, Duration elapsed) {

  /** Throughput in records of the topic read per second of the whole run. */
  public double recordsPerSecond() {
    return logRecordsRead / Math.max(elapsed.toNanos() / 1e9, 1e-3);
  }

  /** One line for the operator: counts and timing only, never record data. */
  public String summary() {
    return String.format(Locale.ROOT, "exported %s %s of '%s' to %s: %,d records, %,d deletions; read %,d log records in %.1f s (%,.0f records/s)",
        manifest.kind().id(), manifest.format().id(), manifest.topic(), dir, manifest.records(), manifest.deletions(),
        logRecordsRead, elapsed.toNanos() / 1e9, recordsPerSecond());
  }
}
