package dev.gatekeeper.policy;

import java.util.Optional;
import java.util.Set;

/**
 * Where an org's contributions may live (data residency), beside {@link Policy}: a pure, total
 * step with no Kafka types, applied after the policy allowed an event and whenever an org's
 * settings change.
 *
 * <p>With regional placement off, every contribution goes to the default place. With it on, an
 * org with a residency region contributes only to that region, and only when the region is one
 * of the configured ones (their topics exist and were provisioned where they belong); an org whose
 * region is not configured contributes nowhere (fail closed), and an org with no region goes to
 * the default place.
 *
 * @param regional whether contributions are placed by region
 * @param regions the configured regions
 */
public record Placement(boolean regional, Set<String> regions) {
  /**
   * A place a contribution lives in: the default one, or a region's.
   *
   * @param region the region; null for the default place
   */
  public record Place(String region) {
    /** The default place (the topic without a region). */
    public static final Place DEFAULT = new Place(null);

    public boolean isDefault() {
      return region == null;
    }
  }

  public Placement {
    regions = Set.copyOf(regions);
  }

  /** Everything in the default place. */
  public static Placement off() {
    return new Placement(false, Set.of());
  }

  /** Where an org with this residency region (may be null) contributes; empty for nowhere. */
  public Optional<Place> placeOf(String orgRegion) {
    if (!regional || orgRegion == null) {
      return Optional.of(Place.DEFAULT);
    }
    return regions.contains(orgRegion) ? Optional.of(new Place(orgRegion)) : Optional.empty();
  }

  /**
   * Why an event the policy allowed is not contributed after all: {@link Reason#REGION_NOT_ROUTED}
   * when its org's region has no place; null when it has one.
   */
  public Reason contributionReason(String orgRegion) {
    return placeOf(orgRegion).isPresent() ? null : Reason.REGION_NOT_ROUTED;
  }

  /**
   * Why a live contribution in {@code current} must be revoked now that the org's region is
   * {@code orgRegionNow} (null when the org has no settings): {@link Reason#REGION_CHANGED} when
   * the org's place is no longer {@code current}, including when it has none; null when it stays.
   * The policy's own revocation reason, when it has one, comes first: this is asked only of
   * contributions the policy still allows.
   */
  public Reason revocationReason(Place current, String orgRegionNow) {
    return placeOf(orgRegionNow).map(current::equals).orElse(false) ? null : Reason.REGION_CHANGED;
  }
}
