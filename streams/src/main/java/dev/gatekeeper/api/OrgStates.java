package dev.gatekeeper.api;

/** Finds where an org's state is: on this instance, on another one, or nowhere right now. */
public interface OrgStates {
  /** Where the org's state is now. */
  Located locate(String orgId);

  /** The answer of {@link #locate}. */
  sealed interface Located permits Here, Elsewhere, Unavailable {}

  /** This instance owns the org; its stores can be read. */
  record Here(OrgSnapshot snapshot) implements Located {}

  /** Another instance owns the org; {@code hostPort} is its admin API. */
  record Elsewhere(String hostPort) implements Located {}

  /** No instance can answer now (starting, rebalancing, restoring); ask again shortly. */
  record Unavailable(String why) implements Located {}
}
