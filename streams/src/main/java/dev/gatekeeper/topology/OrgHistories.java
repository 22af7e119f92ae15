package dev.gatekeeper.topology;

import dev.gatekeeper.policy.OrgHistory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The settings-history store with a bounded cache of decoded histories in front of it, so an
 * event does not re-decode its org's settings. The cache is owned by one processor instance and
 * is write-through; it must be {@link #clear() cleared} whenever the processor is (re)initialised,
 * because a store restored from its changelog may differ from what was cached.
 */
final class OrgHistories {
  private final KeyValueStore<String, OrgHistory> store;
  private final Map<String, OrgHistory> cache;

  OrgHistories(KeyValueStore<String, OrgHistory> store, int maxCached) {
    this.store = store;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, OrgHistory> eldest) {
            return size() > maxCached;
          }
        };
  }

  /** The org's history; {@link OrgHistory#empty()} for an org never seen. */
  OrgHistory get(String orgId) {
    OrgHistory h = cache.get(orgId);
    if (h == null) {
      h = store.get(orgId);
      if (h == null) {
        h = OrgHistory.empty();
      }
      cache.put(orgId, h);
    }
    return h;
  }

  void put(String orgId, OrgHistory history) {
    store.put(orgId, history);
    cache.put(orgId, history);
  }

  void clear() {
    cache.clear();
  }
}
