package dev.gatekeeper.state;

import dev.gatekeeper.policy.EventFacts;

/**
 * One live contribution in the org's contribution index: what rules 1–7 need to re-decide it,
 * the event id its REVOKED decision names, and the region it was written to.
 */
public record IndexEntry(String eventId, EventFacts facts, String region) {}
