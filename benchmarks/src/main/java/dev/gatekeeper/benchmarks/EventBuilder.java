package dev.gatekeeper.benchmarks;

import dev.gatekeeper.schema.Actor;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-app event from Jira on site s1, hosted in the commercial cloud, no container, in the
 * style of the tests' fixtures.
 */
final class EventBuilder {
  private final DataEvent.Builder b;
  private final Map<String, String> attributes = new HashMap<>();

  private EventBuilder(String eventId, String orgId, Instant occurredAt) {
    b =
        DataEvent.newBuilder()
            .setEventId(eventId)
            .setOrgId(orgId)
            .setSiteId("s1")
            .setApp("jira")
            .setHosting(Hosting.CLOUD)
            .setDataType(DataType.IN_APP)
            .setOccurredAt(occurredAt);
  }

  static EventBuilder event(String eventId, String orgId, Instant occurredAt) {
    return new EventBuilder(eventId, orgId, occurredAt);
  }

  EventBuilder app(String app) {
    b.setApp(app);
    return this;
  }

  EventBuilder metadata() {
    b.setDataType(DataType.METADATA);
    return this;
  }

  EventBuilder container(String containerId) {
    b.setContainerId(containerId);
    return this;
  }

  EventBuilder actor(String accountId, String displayName, String email) {
    b.setActor(new Actor(accountId, displayName, email));
    return this;
  }

  EventBuilder attribute(String name, String value) {
    attributes.put(name, value);
    return this;
  }

  EventBuilder text(String text) {
    b.setText(text);
    return this;
  }

  DataEvent build() {
    return b.setAttributes(new HashMap<>(attributes)).build();
  }
}
