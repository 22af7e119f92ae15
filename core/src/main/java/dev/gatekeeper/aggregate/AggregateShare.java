package dev.gatekeeper.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one contribution counted toward: the buckets {@code (app, name, value)} of its window and
 * region. Kept in the contribution index so that a revocation subtracts exactly what was added.
 *
 * @param region null for global aggregates
 * @param values attribute names with their bucketed values, each name at most once
 */
public record AggregateShare(String region, long windowStart, List<AttributeValue> values) {

  /** An attribute name and the bucketed value it counted as. */
  public record AttributeValue(String name, String value) {
    public AttributeValue {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public AggregateShare {
    values = List.copyOf(values);
  }

  /** The buckets, for the contribution's app. */
  public List<BucketKey> buckets(String app) {
    List<BucketKey> keys = new ArrayList<>(values.size());
    for (AttributeValue v : values) {
      keys.add(new BucketKey(app, v.name(), v.value(), windowStart, region));
    }
    return keys;
  }
}
