package dev.gatekeeper.topology;

import dev.gatekeeper.aggregate.AggregateShare;
import dev.gatekeeper.aggregate.BucketCounts;
import dev.gatekeeper.aggregate.BucketKey;
import dev.gatekeeper.state.IndexKeys;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which aggregate buckets each org counts toward (store {@value StoreNames#ORG_SHARES}, key
 * {@code orgId NUL bucketKey}, present while the org has a live contribution in the bucket). It
 * lives with the org's index, so the buckets' owner never learns which orgs it counts: it
 * receives only "one more (or one fewer) distinct org, n more (or fewer) records".
 *
 * <p>Only membership is stored, not counts: a bucket's entry is written when the org enters it
 * and deleted when it leaves, never per record. How many of the org's records a bucket holds is
 * known where it is needed, from the contribution index a revocation scans anyway.
 *
 * <p>Memberships of final windows are forgotten ({@link #forgetWindows}): no contribution counts
 * toward a final window any more, and a revocation's withdrawal is computed from the index, not
 * from these entries, so nothing reads them again.
 */
final class OrgShares {
  private static final byte[] PRESENT = new byte[0];
  /** Memberships known to be in the store; most contributions land in buckets their org is in. */
  private static final int KNOWN_MAX = 100_000;
  private final KeyValueStore<String, byte[]> store;
  private final Map<String, Boolean> known =
      new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > KNOWN_MAX;
        }
      };

  /** One per processor instance: the memory of known memberships starts empty, like the store's restore. */
  OrgShares(KeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  /** Counts one new contribution's share, accumulating the bucket changes in {@code changes}. */
  void add(String orgId, String app, AggregateShare share, Map<String, BucketCounts> changes) {
    if (share == null) {
      return;
    }
    for (BucketKey bucket : share.buckets(app)) {
      String bucketKey = bucket.encode();
      String key = IndexKeys.key(orgId, bucketKey);
      long orgChange = 0;
      if (known.get(key) == null) {
        if (store.get(key) == null) {
          store.put(key, PRESENT);
          orgChange = 1;
        }
        known.put(key, Boolean.TRUE);
      }
      changes.merge(bucketKey, new BucketCounts(orgChange, 1), BucketCounts::plus);
    }
  }

  /**
   * Deletes every membership in a window whose start {@code isFinal} accepts.
   *
   * @return how many were deleted
   */
  int forgetWindows(LongPredicate isFinal) {
    List<String> done = StoreSweep.deleteWhere(store, key -> isFinal.test(BucketKey.parse(IndexKeys.afterOrg(key)).windowStart()));
    done.forEach(known::remove);
    return done.size();
  }

  /** A new withdrawal: feed it every live contribution of one org, then {@link Withdrawal#apply}. */
  Withdrawal withdrawal(String orgId) {
    return new Withdrawal(orgId);
  }

  /** The org's revoked and kept contributions, tallied per bucket during one revocation scan. */
  final class Withdrawal {
    private final String orgId;
    private final Map<String, Long> revokedRecords = new HashMap<>();
    /** Distinct (app, share) pairs of kept records: most records of an org share a few. */
    private final Set<Map.Entry<String, AggregateShare>> keptShares = new HashSet<>();

    private Withdrawal(String orgId) {
      this.orgId = orgId;
    }

    void revoked(String app, AggregateShare share) {
      if (share != null) {
        share.buckets(app).forEach(b -> revokedRecords.merge(b.encode(), 1L, Long::sum));
      }
    }

    void kept(String app, AggregateShare share) {
      if (share != null) {
        keptShares.add(Map.entry(app, share));
      }
    }

    /**
     * Withdraws the revoked records; the org leaves every bucket none of its kept records is in.
     *
     * @return how many buckets the org left
     */
    int apply(Map<String, BucketCounts> changes) {
      if (revokedRecords.isEmpty()) {
        return 0;
      }
      Set<String> kept = new HashSet<>();
      keptShares.forEach(e -> e.getValue().buckets(e.getKey()).forEach(b -> kept.add(b.encode())));
      int left = 0;
      for (Map.Entry<String, Long> e : revokedRecords.entrySet()) {
        long orgChange = 0;
        if (!kept.contains(e.getKey())) {
          String key = IndexKeys.key(orgId, e.getKey());
          store.delete(key);
          known.remove(key);
          orgChange = -1;
          left++;
        }
        changes.merge(e.getKey(), new BucketCounts(orgChange, -e.getValue()), BucketCounts::plus);
      }
      return left;
    }
  }
}
