package dev.gatekeeper.topology;

import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.state.IndexKeys;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decodes data events from raw bytes and checks the fields the gate cannot do without. A record
 * that fails becomes a dead letter: it gets no decision and is never contributed. A good event
 * is keyed by its orgId, flagged when its record key was something else.
 */
final class EventDecoder implements Processor<byte[], byte[], String, Inbound> {
  /** Identifiers longer than this are not identifiers; the state codecs also rely on a bound. */
  static final int MAX_ID_LENGTH = 1024;

  private final WireSerde<DataEvent> serde;
  private final DeadLetters deadLetters;
  private ProcessorContext<String, Inbound> context;

  EventDecoder(WireSerde<DataEvent> serde, DeadLetters deadLetters) {
    this.serde = serde;
    this.deadLetters = deadLetters;
  }

  @Override
  public void init(ProcessorContext<String, Inbound> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    DataEvent event;
    try {
      event = serde.decode(record.value());
    } catch (SerializationException e) {
      deadLetters.send(context, GatekeeperMetrics.DATA_EVENTS, record, e.getClass().getName(), e.getMessage());
      return;
    }
    String problem = problem(event);
    if (problem != null) {
      deadLetters.send(context, GatekeeperMetrics.DATA_EVENTS, record, "InvalidDataEvent", problem);
      return;
    }
    String orgId = event.getOrgId();
    boolean keyed =
        record.key() != null && orgId.equals(new String(record.key(), StandardCharsets.UTF_8));
    context.forward(record.withKey(orgId).withValue(new Inbound.EventIn(event, keyed)));
  }

  /** What makes a decoded event undecidable, or null. */
  static String problem(DataEvent e) {
    if (e == null) {
      return "null value: data events have no tombstones";
    }
    if (e.getEventId() == null || e.getEventId().isEmpty()) {
      return "eventId is missing";
    }
    if (!IndexKeys.isUsableOrgId(e.getOrgId())) {
      return "orgId is missing or malformed";
    }
    if (tooLong(e.getEventId(), e.getOrgId(), e.getSiteId(), e.getApp(), e.getContainerId(), e.getConnectorId())
        || (e.getActor() != null && tooLong(e.getActor().getAccountId()))) {
      return "an identifier is longer than " + MAX_ID_LENGTH + " characters";
    }
    return null;
  }

  private static boolean tooLong(String... ids) {
    for (String id : ids) {
      if (id != null && id.length() > MAX_ID_LENGTH) {
        return true;
      }
    }
    return false;
  }
}
