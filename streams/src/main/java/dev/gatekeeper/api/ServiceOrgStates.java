package dev.gatekeeper.api;

import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.state.IndexEntry;
import dev.gatekeeper.topology.StoreNames;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Orgs located by Kafka Streams' interactive queries: the owner of an org is the instance whose
 * active task holds the org's partition of {@link StoreNames#SETTINGS_HISTORY} (the contribution
 * index is in the same task); each instance names itself by its {@code application.server}.
 */
public final class ServiceOrgStates implements OrgStates {
  private final GatekeeperService service;
  private final String self;

  /** @param self this instance's {@code application.server}, {@code host:port} */
  public ServiceOrgStates(GatekeeperService service, String self) {
    this.service = service;
    this.self = self;
  }

  @Override
  public Located locate(String orgId) {
    KafkaStreams.State state = service.state();
    if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
      return new Unavailable("the gatekeeper is " + state + ", not running");
    }
    KeyQueryMetadata owner;
    try {
      owner = service.ownerOf(StoreNames.SETTINGS_HISTORY, orgId);
    } catch (InvalidStateStoreException | IllegalStateException e) {
      return new Unavailable("the gatekeeper is not running");
    }
    HostInfo host = owner == null ? null : owner.activeHost();
    if (host == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || host.port() <= 0) {
      return new Unavailable("the gatekeeper is rebalancing: which instance owns the org is not known yet");
    }
    String hostPort = host.host() + ":" + host.port();
    if (!hostPort.equals(self)) {
      return new Elsewhere(hostPort);
    }
    try {
      ReadOnlyKeyValueStore<String, OrgHistory> histories = service.localStore(StoreNames.SETTINGS_HISTORY, owner.partition());
      ReadOnlyKeyValueStore<String, IndexEntry> index = service.localStore(StoreNames.CONTRIBUTION_INDEX, owner.partition());
      return new Here(new Guarded(new StoreSnapshot(histories, index, orgId)));
    } catch (InvalidStateStoreException e) {
      return new Unavailable("the org's state is being restored or moved to this instance");
    }
  }

  /** Reads that fail because a rebalance began become {@link StateUnavailable}. */
  private record Guarded(OrgSnapshot inner) implements OrgSnapshot {
    @Override
    public OrgHistory history() {
      try {
        return inner.history();
      } catch (InvalidStateStoreException e) {
        throw new StateUnavailable("the org's state moved while it was read", e);
      }
    }

    @Override
    public void forEachLive(Consumer<IndexEntry> each) {
      try {
        inner.forEachLive(each);
      } catch (InvalidStateStoreException e) {
        throw new StateUnavailable("the org's state moved while it was read", e);
      }
    }
  }
}
