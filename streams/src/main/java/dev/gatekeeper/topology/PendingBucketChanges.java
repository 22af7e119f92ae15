package dev.gatekeeper.topology;

import dev.gatekeeper.aggregate.BucketCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Bucket changes of new contributions, coalesced in {@value StoreNames#PENDING_BUCKET_CHANGES}
 * until the next flush. The store is changelogged and committed with the shares it mirrors, so
 * a crash loses no change; a flush sends each non-zero change to its bucket's owner once.
 */
final class PendingBucketChanges {
  /** Where a flushed change goes: the bucket's encoded key and the change. */
  interface Sink {
    void send(String bucketKey, BucketCounts change);
  }

  private final KeyValueStore<String, BucketCounts> pending;

  PendingBucketChanges(KeyValueStore<String, BucketCounts> pending) {
    this.pending = pending;
  }

  /** Adds changes to what is pending, bucket by bucket. */
  void add(Map<String, BucketCounts> changes) {
    changes.forEach((bucketKey, change) -> {
      BucketCounts before = pending.get(bucketKey);
      pending.put(bucketKey, before == null ? change : before.plus(change));
    });
  }

  /** Sends every pending change and forgets it. */
  void flush(Sink sink) {
    List<KeyValue<String, BucketCounts>> due = new ArrayList<>();
    try (KeyValueIterator<String, BucketCounts> it = pending.all()) {
      it.forEachRemaining(due::add);
    }
    for (KeyValue<String, BucketCounts> kv : due) {
      pending.delete(kv.key);
      if (!kv.value.isZero()) {
        sink.send(kv.key, kv.value);
      }
    }
  }
}
