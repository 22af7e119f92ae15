package dev.gatekeeper.topology;

import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.PolicyConfig;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.state.BucketCountsSerde;
import dev.gatekeeper.state.IndexEntry;
import dev.gatekeeper.state.IndexEntrySerde;
import dev.gatekeeper.state.IndexKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * {@link Revocation} alone, on in-memory stores in a {@link MockProcessorContext}: what it writes
 * and what it leaves in the index, without the rest of the topology.
 */
class RevocationPieceTest {
  private final MockProcessorContext<String, Outbound> context = new MockProcessorContext<>();
  private final KeyValueStore<String, IndexEntry> index = store(StoreNames.CONTRIBUTION_INDEX, new IndexEntrySerde());
  private final KeyValueStore<String, byte[]> shareStore = store(StoreNames.ORG_SHARES, Serdes.ByteArray());
  private final PendingBucketChanges pending =
      new PendingBucketChanges(store(StoreNames.PENDING_BUCKET_CHANGES, new BucketCountsSerde()));
  private final Routing routing = new Routing(true, Set.of("eu", "us"), true);
  private final TopicCatalog catalog = TopicCatalog.of(TopicNames.defaults(), routing);
  private final Revocation revocation = new Revocation(
      new RevocationRules(new Policy(PolicyConfig.defaults()), routing.placement()), new ContributionPlaces(catalog, routing.placement()),
      index, new OrgShares(shareStore), pending);
  private final Recorded out = new Recorded();

  private <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> serde) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
        .withLoggingDisabled()
        .build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  /** What a revocation wrote, in order. */
  private static final class Recorded implements Revocation.Outputs {
    final List<String> tombstones = new ArrayList<>();
    final List<String> decisions = new ArrayList<>();
    final List<Long> receipts = new ArrayList<>();

    @Override
    public void tombstone(String contributionId, Topic<String, Contribution> topic) {
      tombstones.add(contributionId + "@" + topic.name());
    }

    @Override
    public void revoked(String eventId, String orgId, Reason reason, String contributionId, Long settingsVersion) {
      decisions.add(eventId + ":" + reason);
    }

    @Override
    public void receipt(String orgId, long settingsVersion, SortedSet<String> reasons, long contributions, long buckets) {
      receipts.add(contributions);
    }
  }

  private void live(String eventId, boolean inApp, String region, boolean regionalTopic) {
    var e = event(eventId, "o1", "2026-09-02T10:00:00Z");
    EventFacts facts = EventFacts.of((inApp ? e : e.metadata()).build());
    index.put(IndexKeys.key("o1", "c-" + eventId), new IndexEntry(eventId, facts, region, regionalTopic, null));
  }

  private static OrgHistory history(dev.gatekeeper.schema.OrgSettings... versions) {
    OrgHistory h = OrgHistory.empty();
    for (var v : versions) {
      h = h.append(v);
    }
    return h;
  }

  @Test
  void revokesInAppContributionsWhenAdminOptsOutAndKeepsMetadata() {
    live("e1", true, null, false);
    live("e2", false, null, false);
    OrgHistory after = history(settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", Plan.STANDARD)
        .inApp(ContributionSetting.OFF).build());

    revocation.revokeDisallowed("o1", after, 1L, out, () -> { });

    assertThat(out.tombstones).containsExactly("c-e1@contributions");
    assertThat(out.decisions).containsExactly("e1:" + Reason.IN_APP_OFF);
    assertThat(out.receipts).containsExactly(1L);
    assertThat(index.get(IndexKeys.key("o1", "c-e1"))).isNull();
    assertThat(index.get(IndexKeys.key("o1", "c-e2"))).isNotNull();
  }

  @Test
  void revokesFromTheOldRegionsTopicWhenTheOrgMovesRegion() {
    live("e1", false, "eu", true);
    OrgHistory after = history(settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", Plan.STANDARD)
        .region("us").build());

    revocation.revokeDisallowed("o1", after, 1L, out, () -> { });

    assertThat(out.tombstones).containsExactly("c-e1@contributions.eu");
    assertThat(out.decisions).containsExactly("e1:" + Reason.REGION_CHANGED);
  }

  @Test
  void writesNothingAndNoReceiptWhenEverythingIsStillAllowed() {
    live("e1", false, "eu", true);
    OrgHistory after = history(settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", Plan.STANDARD)
        .region("eu").build());

    revocation.revokeDisallowed("o1", after, 1L, out, () -> { });

    assertThat(out.tombstones).isEmpty();
    assertThat(out.decisions).isEmpty();
    assertThat(out.receipts).isEmpty();
  }
}
