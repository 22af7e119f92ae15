package dev.gatekeeper.policy;

import dev.gatekeeper.schema.OrgSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An org's recent settings versions in arrival order (their times never go backwards), and
 * whether the org is currently deleted or undecidable. Immutable: every change returns a new
 * history.
 */
public final class OrgHistory {

  /** What rule 1 says when there is no version. */
  public enum State {
    /** Versions may exist; with none, the org was never seen. */
    ACTIVE,
    /** Cleared by an org tombstone. */
    DELETED,
    /** Cleared by an undecodable or incomplete settings record: fail closed. */
    INVALID
  }

  private static final OrgHistory EMPTY =
      new OrgHistory(State.ACTIVE, Long.MIN_VALUE, false, List.of());

  private final State state;
  private final long clearedAt;
  private final boolean truncated;
  private final List<OrgVersion> versions;

  /**
   * @param clearedAt time of the last tombstone or invalid record; {@link Long#MIN_VALUE} if none
   * @param truncated whether older versions were pruned away, so that the history cannot answer
   *     for times before its first version
   */
  public OrgHistory(State state, long clearedAt, boolean truncated, List<OrgVersion> versions) {
    this.state = state;
    this.clearedAt = clearedAt;
    this.truncated = truncated;
    this.versions = Collections.unmodifiableList(new ArrayList<>(versions));
  }

  /** The history of an org never seen. */
  public static OrgHistory empty() {
    return EMPTY;
  }

  public State state() {
    return state;
  }

  public long clearedAt() {
    return clearedAt;
  }

  public boolean truncated() {
    return truncated;
  }

  public List<OrgVersion> versions() {
    return versions;
  }

  public int size() {
    return versions.size();
  }

  public OrgVersion get(int i) {
    return versions.get(i);
  }

  /** The current version, or null when there is none. */
  public OrgVersion latest() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }

  /**
   * Index of {@code V_at(t)}: the newest version whose time is at or before t (of equal times,
   * the one that arrived last); -1 when there is none.
   */
  public int indexAt(long t) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (versions.get(i).time() <= t) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Index of the version that opened the window applying at version i; -1 when none applies or
   * when its opener was pruned.
   */
  public int windowOpenerAt(int i) {
    if (versions.get(i).windowOpenedAt() == OrgVersion.NO_WINDOW) {
      return -1;
    }
    for (int j = i; j >= 0; j--) {
      if (versions.get(j).opensWindow()) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Whether an event at time t can be decided from what is kept: the version in force at t, and
   * the "before" version of a review window open at t, must not have been pruned.
   */
  public boolean canAnswerFor(long t, long reviewWindowMillis) {
    int at = indexAt(t);
    if (at < 0) {
      return !truncated;
    }
    long opened = versions.get(at).windowOpenedAt();
    if (opened == OrgVersion.NO_WINDOW || t >= opened + reviewWindowMillis) {
      return true;
    }
    return windowOpenerAt(at) >= 1;
  }

  /**
   * A valid record is stale when it is older than the current version, or — with no version —
   * older than the deletion or invalid record that cleared the history.
   */
  public boolean isStale(long updatedAt) {
    OrgVersion latest = latest();
    return latest != null ? updatedAt < latest.time() : updatedAt < clearedAt;
  }

  /**
   * This history with a new version appended. A version opens a review window when it and the
   * version before it both have products and their highest active plans differ.
   *
   * @throws IllegalArgumentException if the record is stale (callers check first)
   */
  public OrgHistory append(OrgSettings settings) {
    long time = settings.getUpdatedAt().toEpochMilli();
    if (isStale(time)) {
      throw new IllegalArgumentException("stale settings version");
    }
    OrgVersion before = latest();
    long inherited = before == null ? OrgVersion.NO_WINDOW : before.windowOpenedAt();
    OrgVersion probe = new OrgVersion(settings, false, inherited);
    boolean opens =
        before != null
            && before.hasProducts()
            && probe.hasProducts()
            && before.highestPlan() != probe.highestPlan();
    List<OrgVersion> next = new ArrayList<>(versions.size() + 1);
    next.addAll(versions);
    next.add(opens ? new OrgVersion(settings, true, time) : probe);
    return new OrgHistory(State.ACTIVE, clearedAt, truncated, next);
  }

  /** The history after an org tombstone ({@link State#DELETED}) or an invalid record. */
  public OrgHistory cleared(State why, long at) {
    if (why == State.ACTIVE) {
      throw new IllegalArgumentException("a cleared history is DELETED or INVALID");
    }
    return new OrgHistory(why, Math.max(at, clearedAt), false, List.of());
  }

  /**
   * Drops versions no event at or after {@code cutoff} needs: those followed by a version at or
   * before the cutoff, except the "before" version of a review window still open then. Events
   * before the cutoff may then be unanswerable ({@link #canAnswerFor}).
   */
  public OrgHistory prunedBefore(long cutoff, long reviewWindowMillis) {
    int keepFrom = indexAt(cutoff);
    if (keepFrom <= 0) {
      return this;
    }
    int opener = windowOpenerAt(keepFrom);
    if (opener >= 1 && versions.get(opener).time() + reviewWindowMillis > cutoff) {
      keepFrom = Math.min(keepFrom, opener - 1);
    }
    if (keepFrom == 0) {
      return this;
    }
    return new OrgHistory(state, clearedAt, true, versions.subList(keepFrom, versions.size()));
  }
}
