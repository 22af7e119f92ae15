package dev.gatekeeper.aggregate;

import java.time.Duration;
import java.util.Objects;

/**
 * How contributed metadata is counted into k-anonymous aggregates (POLICY.md "Aggregates").
 *
 * @param enabled whether aggregates are computed at all
 * @param k a bucket is published only while at least this many distinct orgs contributed to it
 * @param window length of the tumbling windows, aligned to the epoch (UTC days by default)
 * @param grace how long after a window ends late events still count toward it; later ones are
 *     contributed but not counted, so a window's buckets settle (revocations still subtract)
 * @param numeric the edges numeric attribute values are bucketed by
 * @param flushInterval how long a contribution's bucket changes may wait, coalesced with others,
 *     before they travel to the buckets' owners; a revocation's changes never wait
 * @param retention the horizon: how long after a window ends its buckets and the orgs'
 *     memberships are kept so that a revocation can subtract exactly. Once the stream time passes
 *     it the window is <em>final</em> ({@link #isFinal}): its state is forgotten, it counts
 *     nothing more, and a revocation that reaches it withdraws the whole bucket (there is no count
 *     left to subtract from). At least {@code grace}, so that no window is forgotten while late
 *     events may still count toward it.
 */
public record AggregateConfig(
    boolean enabled, int k, Duration window, Duration grace, NumericBuckets numeric, Duration flushInterval, Duration retention) {
  public static final int DEFAULT_K = 10;
  public static final Duration DEFAULT_FLUSH = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /** Longer values are free text, not categories: they would make one bucket per record. */
  public static final int MAX_CATEGORICAL_LENGTH = 64;

  public AggregateConfig {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(numeric, "numeric");
    Objects.requireNonNull(flushInterval, "flushInterval");
    Objects.requireNonNull(retention, "retention");
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("the aggregate flush interval must be positive");
    }
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2: a bucket of one org identifies it");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the aggregate window must be positive");
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("the aggregate grace must not be negative");
    }
    if (retention.compareTo(grace) < 0) {
      throw new IllegalArgumentException("the aggregate retention (" + retention + ") must be at least the grace (" + grace
          + "): a window may not be forgotten while late events still count toward it");
    }
  }

  public static AggregateConfig defaults() {
    return new AggregateConfig(
        true, DEFAULT_K, Duration.ofDays(1), Duration.ofDays(1), NumericBuckets.defaults(), DEFAULT_FLUSH, DEFAULT_RETENTION);
  }

  public static AggregateConfig disabled() {
    return new AggregateConfig(
        false, DEFAULT_K, Duration.ofDays(1), Duration.ofDays(1), NumericBuckets.defaults(), DEFAULT_FLUSH, DEFAULT_RETENTION);
  }

  public AggregateConfig withK(int newK) {
    return new AggregateConfig(enabled, newK, window, grace, numeric, flushInterval, retention);
  }

  /** The same with another grace and retention (checked together: retention at least grace). */
  public AggregateConfig withHorizon(Duration newGrace, Duration newRetention) {
    return new AggregateConfig(enabled, k, window, newGrace, numeric, flushInterval, newRetention);
  }

  /**
   * Whether the window starting at {@code windowStart} is final at {@code streamTime}: it ended at
   * least {@code retention} ago. Final windows are forgotten and never count again.
   */
  public boolean isFinal(long windowStart, long streamTime) {
    return windowStart + window.toMillis() + retention.toMillis() <= streamTime;
  }
}
