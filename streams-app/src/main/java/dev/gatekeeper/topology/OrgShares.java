package dev.gatekeeper.topology;

import dev.gatekeeper.aggregate.AggregateShare;
import dev.gatekeeper.aggregate.BucketCounts;
import dev.gatekeeper.aggregate.BucketKey;
import dev.gatekeeper.state.IndexKeys;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * How many live contributions each org has in each aggregate bucket (store {@value
 * StoreNames#ORG_SHARES}, key {@code orgId NUL bucketKey}). It lives with the org's index, so the
 * bucket owner never learns which orgs it counts: it receives only "one more (or one fewer)
 * distinct org, n more (or fewer) records".
 */
final class OrgShares {
  private final KeyValueStore<String, Long> store;

  OrgShares(KeyValueStore<String, Long> store) {
    this.store = store;
  }

  /**
   * Adds ({@code sign} +1) or withdraws (-1) one contribution's share, accumulating the bucket
   * changes in {@code changes} (keyed by encoded bucket key).
   *
   * @return how many buckets the org stopped counting toward
   */
  int apply(String orgId, String app, AggregateShare share, int sign, Map<String, BucketCounts> changes) {
    if (share == null) {
      return 0;
    }
    int left = 0;
    for (BucketKey bucket : share.buckets(app)) {
      String bucketKey = bucket.encode();
      String key = IndexKeys.key(orgId, bucketKey);
      Long stored = store.get(key);
      long before = stored == null ? 0 : stored;
      long after = Math.max(0, before + sign);
      if (after == 0) {
        store.delete(key);
      } else {
        store.put(key, after);
      }
      long orgChange = 0;
      if (before == 0 && after > 0) {
        orgChange = 1;
      } else if (before > 0 && after == 0) {
        orgChange = -1;
        left++;
      }
      long recordChange = after - before;
      if (orgChange != 0 || recordChange != 0) {
        changes.merge(bucketKey, new BucketCounts(orgChange, recordChange), BucketCounts::plus);
      }
    }
    return left;
  }
}
