package dev.gatekeeper.aggregate;

import dev.gatekeeper.schema.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;


/**
 * Which buckets a contribution counts toward: a pure function of the contribution's data type,
 * its (already allow-listed and scrubbed) attributes, when it occurred and the stream time.
 * Only metadata counts; numeric values are bucketed by the configured edges; values longer than
 * {@link AggregateConfig#MAX_CATEGORICAL_LENGTH} are free text and count nowhere; an event whose
 * window closed more than the grace period before the stream time counts nowhere.
 */
public final class Bucketing {
  private final AggregateConfig config;
  private final long windowMillis;
  private final long graceMillis;

  public Bucketing(AggregateConfig config) {
    this.config = config;
    this.windowMillis = config.window().toMillis();
    this.graceMillis = config.grace().toMillis();
  }

  /** The configuration it buckets by, horizon included. */
  public AggregateConfig config() {
    return config;
  }

  /**
   * @param attributes the contribution's attributes (never the raw event's)
   * @param region the aggregate region (null for global)
   * @return null when the contribution counts toward no bucket
   */
  public AggregateShare share(DataType dataType, Map<String, String> attributes, long occurredAt, String region, long streamTime) {
    if (!config.enabled() || dataType != DataType.METADATA || attributes.isEmpty()) {
      return null;
    }
    long windowStart = Math.floorDiv(occurredAt, windowMillis) * windowMillis;
    if (windowStart + windowMillis + graceMillis <= streamTime) {
      return null;
    }
    List<AggregateShare.AttributeValue> values = new ArrayList<>(attributes.size());
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      String value = a.getValue();
      if (value == null || value.isEmpty()) {
        continue;
      }
      String bucketed = config.numeric().label(value).orElse(value);
      if (bucketed.length() <= AggregateConfig.MAX_CATEGORICAL_LENGTH) {
        values.add(new AggregateShare.AttributeValue(a.getKey(), bucketed));
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    // Sorted, so that the same attributes always make the same share.
    values.sort(Comparator.comparing(AggregateShare.AttributeValue::name));
    return new AggregateShare(region, windowStart, values);
  }
}
