package dev.gatekeeper.api;

import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.OrgVersion;
import dev.gatekeeper.schema.Plan;
import java.util.Optional;

/**
 * A review window (POLICY.md rule 8) open at some time: opened by a change of the highest plan
 * from {@code fromPlan} to {@code toPlan}; until it ends, what the plan before forbade stays held
 * back.
 *
 * @param fromPlan null when the version before the opener was pruned from the history
 */
record ReviewWindow(long openedAt, long until, Plan fromPlan, Plan toPlan) {

  /** The window that applies at the history's latest version at {@code time}, if one is open then. */
  static Optional<ReviewWindow> openAt(OrgHistory history, long reviewWindowMillis, long time) {
    OrgVersion latest = history.latest();
    if (latest == null || latest.windowOpenedAt() == OrgVersion.NO_WINDOW) {
      return Optional.empty();
    }
    long until = latest.windowOpenedAt() + reviewWindowMillis;
    if (time >= until) {
      return Optional.empty();
    }
    int opener = history.windowOpenerAt(history.size() - 1);
    Plan from = opener >= 1 ? history.get(opener - 1).highestPlan() : null;
    Plan to = opener >= 0 ? history.get(opener).highestPlan() : null;
    return Optional.of(new ReviewWindow(latest.windowOpenedAt(), until, from, to));
  }
}
