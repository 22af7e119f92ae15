package dev.gatekeeper.policy;

import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.Plan;

/**
 * POLICY.md as a pure, total function: a decision for an event from (settings history, event,
 * time), and the re-check that decides whether a contribution is revoked. No Kafka types, no I/O,
 * no clock: the caller passes the newest record time it has seen. Thread-safe.
 */
public final class Policy {
  private final PolicyConfig config;
  private final long effectiveDate;
  private final long reviewWindow;

  public Policy(PolicyConfig config) {
    this.config = config;
    this.effectiveDate = config.effectiveDate().toEpochMilli();
    this.reviewWindow = config.reviewWindow().toMillis();
  }

  public PolicyConfig config() {
    return config;
  }

  /**
   * Decides an event as if it had arrived on time and lived through every settings change
   * since: rules 1–8 under {@code V_at(E.ts)} at E.ts, and rules 1–7 under every later version.
   * The reason for a drop is the first failure in this order: the latest version (rules 1–7),
   * {@code V_at(E.ts)} (rules 1–8), the versions in between, newest first. An event whose
   * history was pruned away is {@link Reason#TOO_LATE}, checked before anything else.
   */
  public Decision decide(OrgHistory history, EventFacts event) {
    long ts = event.occurredAt();
    if (!history.canAnswerFor(ts, reviewWindow)) {
      return new Decision(Reason.TOO_LATE, null);
    }
    OrgVersion latest = history.latest();
    if (latest == null) {
      return new Decision(noVersionReasonForEvents(history), null);
    }
    Reason now7 = rules1to7(latest, event);
    if (now7 != null) {
      return new Decision(now7, latest.time());
    }
    int at = history.indexAt(ts);
    if (at < 0) {
      return new Decision(Reason.NO_SETTINGS, null);
    }
    OrgVersion then = history.get(at);
    Reason then7 = rules1to7(then, event);
    if (then7 != null) {
      return new Decision(then7, then.time());
    }
    if (!reviewWindowAllows(history, at, event, ts)) {
      return new Decision(Reason.PLAN_CHANGE_GRACE, then.time());
    }
    for (int j = history.size() - 2; j > at; j--) {
      OrgVersion between = history.get(j);
      Reason r = rules1to7(between, event);
      if (r != null) {
        return new Decision(r, between.time());
      }
    }
    return new Decision(Reason.CONTRIBUTED, latest.time());
  }

  /**
   * Re-checks a live contribution against the org's current state (rules 1–7 of the latest
   * version). Returns the revocation reason, or null when the contribution stays.
   */
  public Reason revocationReason(OrgHistory history, EventFacts contributed) {
    OrgVersion latest = history.latest();
    if (latest == null) {
      return switch (history.state()) {
        case DELETED -> Reason.ORG_DELETED;
        case INVALID -> Reason.SETTINGS_INVALID;
        case ACTIVE -> Reason.NO_SETTINGS;
      };
    }
    return rules1to7(latest, contributed);
  }

  private static Reason noVersionReasonForEvents(OrgHistory history) {
    return history.state() == OrgHistory.State.INVALID
        ? Reason.SETTINGS_INVALID
        : Reason.NO_SETTINGS;
  }

  /** Rules 2–7 under one version (rule 1 is the version's existence); null when all pass. */
  Reason rules1to7(OrgVersion v, EventFacts e) {
    if (e.hosting() != Hosting.CLOUD || !v.commercialCloud()) {
      return Reason.HOSTING_EXCLUDED;
    }
    if (v.excluded()) {
      return Reason.ORG_EXCLUDED;
    }
    if (e.occurredAt() < effectiveDate) {
      return Reason.BEFORE_EFFECTIVE_DATE;
    }
    if (!Apps.inScope(e.app(), e.connectorKind())) {
      return Reason.APP_NOT_IN_SCOPE;
    }
    if (!productActive(v, e)) {
      return Reason.PRODUCT_NOT_ACTIVE;
    }
    return rule7(v, e);
  }

  private static boolean productActive(OrgVersion v, EventFacts e) {
    return Apps.isCore(e.app()) ? v.hasProduct(e.siteId(), e.app()) : v.hasAnyProductOn(e.siteId());
  }

  /** Rule 7: the org's setting for the event's data type and scopes; null when it is on. */
  static Reason rule7(OrgVersion v, EventFacts e) {
    Plan h = v.highestPlan();
    if (h == null) {
      // No products: no plan to take defaults from. Unreachable after rule 6; fail closed.
      return e.dataType() == DataType.METADATA ? Reason.METADATA_OFF : Reason.IN_APP_OFF;
    }
    if (e.dataType() == DataType.METADATA) {
      boolean on = h != Plan.ENTERPRISE || v.metadataSetting() != ContributionSetting.OFF;
      return on ? null : Reason.METADATA_OFF;
    }
    ContributionSetting level = v.inAppSetting();
    boolean orgOn =
        level != null ? level == ContributionSetting.ON : h.compareTo(Plan.STANDARD) <= 0;
    boolean on = orgOn ? !v.excludedScopes().matches(e) : v.included().matches(e);
    return on ? null : Reason.IN_APP_OFF;
  }

  /**
   * Rule 8: inside the review window that applies at version {@code at}, the event must also
   * pass rule 7 under the window's "before" version.
   */
  private boolean reviewWindowAllows(OrgHistory history, int at, EventFacts e, long t) {
    long opened = history.get(at).windowOpenedAt();
    if (opened == OrgVersion.NO_WINDOW || t >= opened + reviewWindow) {
      return true;
    }
    int opener = history.windowOpenerAt(at);
    if (opener < 1) {
      return false; // the "before" version is gone: unreachable after canAnswerFor, fail closed
    }
    return rule7(history.get(opener - 1), e) == null;
  }
}
