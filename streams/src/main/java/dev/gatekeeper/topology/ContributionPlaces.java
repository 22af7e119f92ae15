package dev.gatekeeper.topology;

import dev.gatekeeper.policy.Placement;
import dev.gatekeeper.policy.Placement.Place;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.state.IndexEntry;
import java.util.Optional;

/** Turns places ({@link Placement}) into the catalog's topics, and tells where an indexed contribution lives. */
final class ContributionPlaces {
  private final TopicCatalog catalog;
  private final Placement placement;

  ContributionPlaces(TopicCatalog catalog, Placement placement) {
    this.catalog = catalog;
    this.placement = placement;
  }

  /** The topic of a place. */
  Topic<String, Contribution> topicOf(Place place) {
    return place.isDefault() ? catalog.contributions() : catalog.contributionsOfRegion(place.region());
  }

  /** The topic an org with this region contributes to; empty when it has no place. */
  Optional<Topic<String, Contribution>> topicFor(String orgRegion) {
    return placement.placeOf(orgRegion).map(this::topicOf);
  }

  /** The topic an indexed contribution was written to. */
  Topic<String, Contribution> topicOf(IndexEntry entry) {
    return topicOf(entry.place());
  }

  boolean isDefault(Topic<String, Contribution> topic) {
    return topic.name().equals(catalog.contributions().name());
  }
}
