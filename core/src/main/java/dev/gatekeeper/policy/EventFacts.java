package dev.gatekeeper.policy;

import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;

/**
 * What rules 1–7 need to know about an event: the same facts decide the event on arrival and
 * re-decide its contribution when settings change, so the contribution index stores exactly this.
 *
 * @param occurredAt epoch milliseconds
 */
public record EventFacts(
    String siteId,
    String app,
    String connectorId,
    ConnectorKind connectorKind,
    Hosting hosting,
    DataType dataType,
    String containerId,
    long occurredAt) {

  /** The facts of a decoded event. */
  public static EventFacts of(DataEvent e) {
    return new EventFacts(
        e.getSiteId(),
        e.getApp(),
        e.getConnectorId(),
        e.getConnectorKind(),
        e.getHosting(),
        e.getDataType(),
        e.getContainerId(),
        e.getOccurredAt().toEpochMilli());
  }
}
