package dev.gatekeeper.state;

import dev.gatekeeper.aggregate.AggregateShare;
import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.Placement.Place;

/**
 * One live contribution in the org's contribution index: what rules 1–7 need to re-decide it,
 * the event id its REVOKED decision names, where it was written, and what it counted toward.
 *
 * @param region the org's residency region when it was contributed (null: none)
 * @param regionalTopic whether it was written to the region's topic rather than the default one
 * @param share the aggregate buckets it counted toward; null for none
 */
public record IndexEntry(String eventId, EventFacts facts, String region, boolean regionalTopic, AggregateShare share) {

  /** An entry in the default contributions topic that counted toward no aggregate. */
  public IndexEntry(String eventId, EventFacts facts, String region) {
    this(eventId, facts, region, false, null);
  }

  /** Where it was written: its region's place, or the default one. */
  public Place place() {
    return regionalTopic ? new Place(region) : Place.DEFAULT;
  }
}
