package dev.gatekeeper.benchmarks;

import dev.gatekeeper.policy.EventFacts;
import java.time.Instant;

/**
 * The events every policy case decides: in-app and metadata events from core apps, platform
 * apps and an app out of scope, with and without a container, all on site s1 of org o1.
 */
final class EventMix {
  /** How many events {@link #at} returns; a constant for {@code @OperationsPerInvocation}. */
  static final int SIZE = 8;

  private EventMix() {}

  /** The mix, every event occurring at {@code occurredAt}, in the order commented below. */
  static EventFacts[] at(Instant occurredAt) {
    EventFacts[] events = {
      // in-app, core app, with a container; then without one
      facts(EventBuilder.event("e0", "o1", occurredAt).container("ENG")),
      facts(EventBuilder.event("e1", "o1", occurredAt).app("confluence")),
      // metadata, core app, with a container; then without one
      facts(EventBuilder.event("e2", "o1", occurredAt).metadata().container("ENG")),
      facts(EventBuilder.event("e3", "o1", occurredAt).app("confluence").metadata()),
      // in-app, platform app; then metadata, platform app, with a container
      facts(EventBuilder.event("e4", "o1", occurredAt).app("rovo")),
      facts(EventBuilder.event("e5", "o1", occurredAt).app("home").metadata().container("TEAM")),
      // in-app, an app out of scope
      facts(EventBuilder.event("e6", "o1", occurredAt).app("bitbucket")),
      // in-app, core app, in a container that some versions exclude
      facts(EventBuilder.event("e7", "o1", occurredAt).container("HR")),
    };
    if (events.length != SIZE) {
      throw new IllegalStateException("SIZE is " + SIZE + ", the mix has " + events.length);
    }
    return events;
  }

  private static EventFacts facts(EventBuilder event) {
    return EventFacts.of(event.build());
  }
}
