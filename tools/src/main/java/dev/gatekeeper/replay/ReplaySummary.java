package dev.gatekeeper.replay;

/** Counts of one replay, for the operator and for throughput figures. */
public record ReplaySummary(
    long lines,
    long contributed,
    long dropped,
    long revoked,
    long tombstones,
    long deadLetters,
    long elapsedNanos) {

  public double linesPerSecond() {
    return elapsedNanos == 0 ? 0 : lines * 1e9 / elapsedNanos;
  }

  @Override
  public String toString() {
    return String.format(
        "replayed %d lines in %.0f ms (%.0f lines/s): %d contributed, %d dropped, %d revoked"
            + " (%d tombstones), %d dead letters",
        lines, elapsedNanos / 1e6, linesPerSecond(), contributed, dropped, revoked, tombstones, deadLetters);
  }
}
