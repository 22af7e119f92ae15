package dev.gatekeeper.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.aggregate.BucketCounts;
import dev.gatekeeper.state.BucketCountsSerde;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The gate's pending bucket changes, alone, on a real in-memory store in a mock processor context. */
class PendingBucketChangesTest {
  private static KeyValueStore<String, BucketCounts> store() {
    KeyValueStore<String, BucketCounts> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StoreNames.PENDING_BUCKET_CHANGES), Serdes.String(), new BucketCountsSerde())
        .withLoggingDisabled()
        .build();
    MockProcessorContext<String, Outbound> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  @Test
  void coalescesChangesToOneBucketUntilTheFlushSendsThemOnce() {
    PendingBucketChanges pending = new PendingBucketChanges(store());
    pending.add(Map.of("jira|issueType|Bug", new BucketCounts(1, 1)));
    pending.add(Map.of("jira|issueType|Bug", new BucketCounts(0, 2), "jira|status|Done", new BucketCounts(1, 1)));

    Map<String, BucketCounts> sent = new LinkedHashMap<>();
    pending.flush(sent::put);
    assertThat(sent).containsOnly(
        Map.entry("jira|issueType|Bug", new BucketCounts(1, 3)),
        Map.entry("jira|status|Done", new BucketCounts(1, 1)));

    Map<String, BucketCounts> again = new LinkedHashMap<>();
    pending.flush(again::put);
    assertThat(again).isEmpty();
  }

  @Test
  void sendsNothingForChangesThatCancelOut() {
    PendingBucketChanges pending = new PendingBucketChanges(store());
    pending.add(Map.of("jira|issueType|Bug", new BucketCounts(1, 1)));
    pending.add(Map.of("jira|issueType|Bug", new BucketCounts(-1, -1)));

    Map<String, BucketCounts> sent = new LinkedHashMap<>();
    pending.flush(sent::put);
    assertThat(sent).isEmpty();
  }
}
