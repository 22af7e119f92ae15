package dev.gatekeeper.deid;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * What de-identification needs from configuration.
 *
 * @param hmacSecret key of every pseudonym; at least 32 bytes; never logged
 * @param allowedAttributes metadata attribute names that may pass; others are dropped
 * @param timeGranularity contributions' times are truncated to a multiple of it
 */
public record DeidConfig(byte[] hmacSecret, Set<String> allowedAttributes, Duration timeGranularity) {
  public static final int MIN_SECRET_BYTES = 32;

  /** A conservative default allow-list: structural metadata, no free-form fields. */
  public static final Set<String> DEFAULT_ALLOWED_ATTRIBUTES =
      Set.of(
          "action", "issueType", "status", "statusCategory", "priority", "resolution",
          "contentType", "spaceType", "projectType", "templateId", "language", "source",
          "wordCount", "commentCount", "attachmentCount", "labelCount", "watcherCount",
          "durationMs", "depth");

  public DeidConfig {
    Objects.requireNonNull(hmacSecret, "hmacSecret");
    if (hmacSecret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the HMAC secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    hmacSecret = hmacSecret.clone();
    allowedAttributes = Set.copyOf(allowedAttributes);
    if (timeGranularity == null || timeGranularity.isZero() || timeGranularity.isNegative()) {
      throw new IllegalArgumentException("timeGranularity must be positive");
    }
  }

  @Override
  public byte[] hmacSecret() {
    return hmacSecret.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeidConfig d
        && Arrays.equals(hmacSecret, d.hmacSecret)
        && allowedAttributes.equals(d.allowedAttributes)
        && timeGranularity.equals(d.timeGranularity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(hmacSecret), allowedAttributes, timeGranularity);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "DeidConfig[hmacSecret=<redacted>, allowedAttributes="
        + allowedAttributes
        + ", timeGranularity="
        + timeGranularity
        + "]";
  }
}
