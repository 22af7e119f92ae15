package dev.gatekeeper.topology;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where contributions and aggregates of an org go (data residency). With regional routing off,
 * everything goes to the default topics. With it on, an org with a {@code residencyRegion}
 * has its contributions written only to its region's topic, and only for regions configured (so
 * that their topics exist and were provisioned where they belong); an org with a region that is
 * not configured contributes nothing. Aggregates follow the same regions unless they are
 * configured to stay global. The topics themselves, and their names, are the {@link
 * TopicCatalog}'s.
 */
public record Routing(boolean regional, Set<String> regions, boolean aggregatesGlobal) {
  /** Region names become topic-name suffixes. */
  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public Routing {
    regions = Set.copyOf(regions);
    for (String r : regions) {
      if (!isValidRegion(r)) {
        throw new IllegalArgumentException("region '" + r + "' is not usable in a topic name (letters, digits, '_' and '-', up to 64)");
      }
    }
    if (regional && regions.isEmpty()) {
      throw new IllegalArgumentException("regional routing needs at least one region");
    }
  }

  public static Routing off() {
    return new Routing(false, Set.of(), true);
  }

  public static boolean isValidRegion(String region) {
    return region != null && REGION.matcher(region).matches();
  }

  /** Where contributions of an org go, as the pure residency step of the core. */
  public dev.gatekeeper.policy.Placement placement() {
    return new dev.gatekeeper.policy.Placement(regional, regions);
  }

  /** Whether an org of {@code region} (null: none) may contribute at all; false fails closed. */
  public boolean routable(String region) {
    return !regional || region == null || regions.contains(region);
  }

  /**
   * The region whose own topic an org of {@code region} contributes to; null for the default
   * topic. Only meaningful when {@link #routable} says so.
   */
  public String contributionRegion(String region) {
    return regional && region != null && regions.contains(region) ? region : null;
  }

  /** The region an org's aggregate shares count in: null for global. */
  public String aggregateRegion(String region) {
    if (!regional || aggregatesGlobal || region == null || !regions.contains(region)) {
      return null;
    }
    return region;
  }

  /** The configured regions in name order; none while routing is off. */
  public List<String> sortedRegions() {
    return regional ? List.copyOf(new TreeSet<>(regions)) : List.of();
  }

  /** The regions that have their own aggregates topic: none while aggregates stay global. */
  public List<String> aggregateRegions() {
    return aggregatesGlobal ? List.of() : sortedRegions();
  }
}
