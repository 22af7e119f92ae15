package dev.gatekeeper.topology;

/** Names of the state stores and internal topics; changing one loses state on redeploy. */
public final class StoreNames {
  /** Settings versions per org (key orgId). */
  public static final String SETTINGS_HISTORY = "org-settings-history";

  /** Live contributions per org (key orgId NUL contributionId). */
  public static final String CONTRIBUTION_INDEX = "contribution-index";

  /** The aggregate buckets each org has a live contribution in (key orgId NUL bucketKey). */
  public static final String ORG_SHARES = "org-bucket-membership";

  /** Bucket changes of new contributions not yet sent to the buckets' owners (key bucketKey). */
  public static final String PENDING_BUCKET_CHANGES = "pending-bucket-changes";

  /** Distinct orgs and records per aggregate bucket (key bucketKey). */
  public static final String AGGREGATE_BUCKETS = "aggregate-buckets";

  /** Repartition of bucket changes from the orgs' tasks to the buckets' tasks. */
  public static final String BUCKET_CHANGES = "aggregate-bucket-changes";

  /** Repartition of settings records a producer put outside their key's partition. */
  public static final String SETTINGS_BY_ORG = "org-settings-by-org";

  /** Repartition of events whose key is not their orgId, or that are outside their key's partition. */
  public static final String EVENTS_BY_ORG = "data-events-by-org";

  private StoreNames() {}
}
