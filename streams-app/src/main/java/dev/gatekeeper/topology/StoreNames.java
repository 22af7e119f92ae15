package dev.gatekeeper.topology;

/** Names of the state stores and internal topics; changing one loses state on redeploy. */
public final class StoreNames {
  /** Settings versions per org (key orgId). */
  public static final String SETTINGS_HISTORY = "org-settings-history";

  /** Live contributions per org (key orgId NUL contributionId). */
  public static final String CONTRIBUTION_INDEX = "contribution-index";

  /** Repartition of events whose key is not their orgId. */
  public static final String EVENTS_BY_ORG = "data-events-by-org";

  private StoreNames() {}
}
