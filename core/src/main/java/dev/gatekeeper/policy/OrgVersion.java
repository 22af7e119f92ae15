package dev.gatekeeper.policy;

import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.Compliance;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.Product;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One accepted settings version of an org, with what the rules ask of it computed once.
 * Immutable. Its time is the record's {@code updatedAt}.
 */
public final class OrgVersion {
  private final OrgSettings settings;
  private final long time;
  private final boolean opensWindow;
  private final long windowOpenedAt;
  private final List<Exclusion> exclusions;
  private final Plan highestPlan;
  private final Map<String, Set<String>> appsBySite = new HashMap<>();
  private final Scopes included;
  private final Scopes excludedScopes;

  /** Value of {@link #windowOpenedAt()} when no review window applies. */
  public static final long NO_WINDOW = Long.MIN_VALUE;

  /**
   * @param opensWindow whether this version opens a review window (rule 8); the history decides
   *     it from the version before, which may later be pruned away
   * @param windowOpenedAt time of the version that opened the window applying at this one (its
   *     own time when it opens one), or {@link #NO_WINDOW}; kept because the opener may be pruned
   */
  public OrgVersion(OrgSettings settings, boolean opensWindow, long windowOpenedAt) {
    this.settings = settings;
    this.time = settings.getUpdatedAt().toEpochMilli();
    this.opensWindow = opensWindow;
    this.windowOpenedAt = opensWindow ? time : windowOpenedAt;
    this.exclusions = exclusions(settings.getCompliance());
    Plan highest = null;
    for (Product p : settings.getProducts()) {
      appsBySite.computeIfAbsent(p.getSiteId(), site -> new HashSet<>()).add(p.getApp());
      if (highest == null || p.getPlan().compareTo(highest) > 0) {
        highest = p.getPlan();
      }
    }
    this.highestPlan = highest;
    this.included = new Scopes(settings.getInAppIncluded());
    this.excludedScopes = new Scopes(settings.getInAppExcluded());
  }

  /** The compliance facts that exclude an org (rule 3), in POLICY.md's order. */
  public enum Exclusion {
    HIPAA,
    REGULATED_FINANCIAL_SERVICES,
    EXCLUDED_OFFERINGS,
    /** A government entity that is not an educational institution. */
    GOVERNMENT_ENTITY
  }

  private static List<Exclusion> exclusions(Compliance c) {
    List<Exclusion> why = new ArrayList<>();
    if (c.getHipaa()) {
      why.add(Exclusion.HIPAA);
    }
    if (c.getRegulatedFinancialServices()) {
      why.add(Exclusion.REGULATED_FINANCIAL_SERVICES);
    }
    if (!c.getExcludedOfferings().isEmpty()) {
      why.add(Exclusion.EXCLUDED_OFFERINGS);
    }
    if (c.getGovernmentEntity() && !c.getEducationalInstitution()) {
      why.add(Exclusion.GOVERNMENT_ENTITY);
    }
    return List.copyOf(why);
  }

  public OrgSettings settings() {
    return settings;
  }

  public long time() {
    return time;
  }

  public boolean opensWindow() {
    return opensWindow;
  }

  public long windowOpenedAt() {
    return windowOpenedAt;
  }

  /** Highest active plan over all products, trials included; null when there are none. */
  public Plan highestPlan() {
    return highestPlan;
  }

  public boolean hasProducts() {
    return highestPlan != null;
  }

  public String residencyRegion() {
    return settings.getResidencyRegion();
  }

  /** Rule 2's org half: whether the org is in the commercial cloud. */
  public boolean commercialCloud() {
    return settings.getCloudEnvironment() == CloudEnvironment.COMMERCIAL;
  }

  /** Why rule 3 excludes the org; empty when it does not. */
  public List<Exclusion> exclusions() {
    return exclusions;
  }

  boolean excluded() {
    return !exclusions.isEmpty();
  }

  boolean hasProduct(String siteId, String app) {
    Set<String> apps = appsBySite.get(siteId);
    return apps != null && apps.contains(app);
  }

  boolean hasAnyProductOn(String siteId) {
    return appsBySite.containsKey(siteId);
  }

  ContributionSetting metadataSetting() {
    return settings.getMetadataContribution();
  }

  ContributionSetting inAppSetting() {
    return settings.getInAppContribution();
  }

  Scopes included() {
    return included;
  }

  Scopes excludedScopes() {
    return excludedScopes;
  }
}
