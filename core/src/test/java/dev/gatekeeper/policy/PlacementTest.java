package dev.gatekeeper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.policy.Placement.Place;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Data residency as a pure step: where a contribution goes, and when a region change revokes it. */
class PlacementTest {
  private static final Placement REGIONAL = new Placement(true, Set.of("eu", "us"));

  @Test
  void placesEverythingInTheDefaultPlaceWhenRegionalPlacementIsOff() {
    assertThat(Placement.off().placeOf("eu")).contains(Place.DEFAULT);
    assertThat(Placement.off().placeOf(null)).contains(Place.DEFAULT);
    assertThat(Placement.off().contributionReason("mars")).isNull();
  }

  @Test
  void placesAnOrgInItsConfiguredRegionAndNowhereElse() {
    assertThat(REGIONAL.placeOf("eu")).contains(new Place("eu"));
    assertThat(REGIONAL.placeOf(null)).contains(Place.DEFAULT);
    assertThat(REGIONAL.placeOf("apac")).isEmpty();
  }

  @Test
  void refusesToContributeForARegionWithoutAPlace() {
    assertThat(REGIONAL.contributionReason("apac")).isEqualTo(Reason.REGION_NOT_ROUTED);
    assertThat(REGIONAL.contributionReason("eu")).isNull();
  }

  @Test
  void revokesWhenTheOrgMovesToAnotherRegionOrToOneWithoutAPlace() {
    assertThat(REGIONAL.revocationReason(new Place("eu"), "us")).isEqualTo(Reason.REGION_CHANGED);
    assertThat(REGIONAL.revocationReason(new Place("eu"), "apac")).isEqualTo(Reason.REGION_CHANGED);
    assertThat(REGIONAL.revocationReason(new Place("eu"), null)).isEqualTo(Reason.REGION_CHANGED);
    assertThat(REGIONAL.revocationReason(new Place("eu"), "eu")).isNull();
    assertThat(REGIONAL.revocationReason(Place.DEFAULT, null)).isNull();
  }

  @Test
  void aContributionSurvivesARegionChangeExactlyWhenItIsInTheOrgsNewPlace() {
    java.util.List<String> regions = java.util.Arrays.asList("eu", "us", "apac", null);
    for (String from : regions) {
      for (String to : regions) {
        Optional<Place> before = REGIONAL.placeOf(from);
        Optional<Place> after = REGIONAL.placeOf(to);
        before.ifPresent(place -> assertThat(REGIONAL.revocationReason(place, to) == null)
            .as("%s -> %s", from, to)
            .isEqualTo(after.isPresent() && after.get().equals(place)));
      }
    }
  }
}
