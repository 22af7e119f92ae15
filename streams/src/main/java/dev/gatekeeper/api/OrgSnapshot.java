package dev.gatekeeper.api;

import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.state.IndexEntry;
import java.util.function.Consumer;

/** What the gatekeeper holds for one org: its settings history and its live contributions. */
public interface OrgSnapshot {
  /** The org's history; {@link OrgHistory#empty()} for an org never seen. */
  OrgHistory history();

  /** Hands each live contribution of the org (its index entry) to {@code each}. */
  void forEachLive(Consumer<IndexEntry> each);
}
