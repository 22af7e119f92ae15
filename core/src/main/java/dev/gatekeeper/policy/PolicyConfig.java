package dev.gatekeeper.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The configurable constants of POLICY.md.
 *
 * @param effectiveDate nothing that occurred strictly before it is contributed
 * @param reviewWindow length of the review window a plan change opens (rule 8)
 * @param historyRetention how far behind the newest record time settings versions are kept;
 *     older events are {@link Reason#TOO_LATE}
 * @param policyVersion label written on every contribution and decision
 */
public record PolicyConfig(
    Instant effectiveDate, Duration reviewWindow, Duration historyRetention, String policyVersion) {

  public static final Instant DEFAULT_EFFECTIVE_DATE = Instant.parse("2026-08-17T00:00:00Z");
  public static final Duration DEFAULT_REVIEW_WINDOW = Duration.ofDays(30);
  public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(35);
  public static final String DEFAULT_POLICY_VERSION = "policy-2026-08-17";

  public PolicyConfig {
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(policyVersion, "policyVersion");
    if (reviewWindow == null || reviewWindow.isNegative()) {
      throw new IllegalArgumentException("reviewWindow must be zero or positive");
    }
    if (historyRetention == null || historyRetention.compareTo(reviewWindow) < 0) {
      throw new IllegalArgumentException(
          "historyRetention must be at least the review window (" + reviewWindow + ")");
    }
  }

  /** The values POLICY.md names. */
  public static PolicyConfig defaults() {
    return new PolicyConfig(
        DEFAULT_EFFECTIVE_DATE, DEFAULT_REVIEW_WINDOW, DEFAULT_HISTORY_RETENTION, DEFAULT_POLICY_VERSION);
  }
}
