package dev.gatekeeper.api;

import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.state.IndexEntry;
import dev.gatekeeper.state.IndexKeys;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * An org read from the gate's stores ({@link dev.gatekeeper.topology.StoreNames#SETTINGS_HISTORY}
 * and {@link dev.gatekeeper.topology.StoreNames#CONTRIBUTION_INDEX}), as the gate itself reads
 * them. Each call reads the stores afresh.
 */
public final class StoreSnapshot implements OrgSnapshot {
  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

  private final ReadOnlyKeyValueStore<String, OrgHistory> histories;
  private final ReadOnlyKeyValueStore<String, IndexEntry> index;
  private final String orgId;

  public StoreSnapshot(
      ReadOnlyKeyValueStore<String, OrgHistory> histories, ReadOnlyKeyValueStore<String, IndexEntry> index, String orgId) {
    this.histories = histories;
    this.index = index;
    this.orgId = orgId;
  }

  @Override
  public OrgHistory history() {
    OrgHistory h = histories.get(orgId);
    return h == null ? OrgHistory.empty() : h;
  }

  @Override
  public void forEachLive(Consumer<IndexEntry> each) {
    try (KeyValueIterator<String, IndexEntry> it = index.prefixScan(IndexKeys.prefix(orgId), PREFIX_SERIALIZER)) {
      while (it.hasNext()) {
        KeyValue<String, IndexEntry> kv = it.next();
        each.accept(kv.value);
      }
    }
  }
}
