package dev.gatekeeper.topology;

import dev.gatekeeper.policy.Placement;
import dev.gatekeeper.policy.Placement.Place;
import dev.gatekeeper.state.IndexEntry;
import java.util.Optional;

/** Turns places ({@link Placement}) into topics, and tells where an indexed contribution lives. */
final class ContributionPlaces {
  private final TopicNames topics;
  private final Placement placement;

  ContributionPlaces(TopicNames topics, Placement placement) {
    this.topics = topics;
    this.placement = placement;
  }

  /** The topic of a place. */
  String topicOf(Place place) {
    return place.isDefault() ? topics.contributions() : Routing.regionalContributionsTopic(topics, place.region());
  }

  /** The topic an org with this region contributes to; empty when it has no place. */
  Optional<String> topicFor(String orgRegion) {
    return placement.placeOf(orgRegion).map(this::topicOf);
  }

  /** Where an indexed contribution was written. */
  Place placeOf(IndexEntry entry) {
    return entry.regionalTopic() ? new Place(entry.region()) : Place.DEFAULT;
  }

  /** The topic an indexed contribution was written to. */
  String topicOf(IndexEntry entry) {
    return topicOf(placeOf(entry));
  }

  boolean isDefault(String topic) {
    return topic.equals(topics.contributions());
  }
}
