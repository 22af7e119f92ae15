package dev.gatekeeper.policy;

/**
 * The reason codes of POLICY.md. {@link #CONTRIBUTED} is the code of a contribution; every other
 * code names why an event was dropped or a contribution revoked.
 */
public enum Reason {
  CONTRIBUTED,
  /** The event is older than the settings history the gatekeeper keeps; checked before anything. */
  TOO_LATE,
  /** Rule 1: no settings version (org never seen, or deleted). */
  NO_SETTINGS,
  /** Rule 1 after an undecodable or incomplete settings record: fail closed. */
  SETTINGS_INVALID,
  /** Revocation code of an org tombstone. */
  ORG_DELETED,
  HOSTING_EXCLUDED,
  ORG_EXCLUDED,
  BEFORE_EFFECTIVE_DATE,
  APP_NOT_IN_SCOPE,
  PRODUCT_NOT_ACTIVE,
  METADATA_OFF,
  IN_APP_OFF,
  PLAN_CHANGE_GRACE,
  /**
   * Routing, not the policy: with regional routing on, the org's residency region has no
   * configured topic, so its data may go nowhere (fail closed).
   */
  REGION_NOT_ROUTED,
  /**
   * Routing, not the policy: the org's residency region changed (or its region's topic is no
   * longer configured), so a contribution in the old region's topic is revoked.
   */
  REGION_CHANGED
}
