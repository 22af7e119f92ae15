package dev.gatekeeper.state;

import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Compact binary form of {@link IndexEntry}s in the contribution-index store and changelog. */
public final class IndexEntrySerde extends BinaryCodec<IndexEntry> implements Serde<IndexEntry> {
  private static final int FORMAT = 1;

  @Override
  int format() {
    return FORMAT;
  }

  @Override
  void write(IndexEntry e, DataOutputStream out) throws IOException {
    EventFacts f = e.facts();
    out.writeUTF(e.eventId());
    out.writeUTF(f.siteId());
    out.writeUTF(f.app());
    writeNullable(out, f.connectorId());
    out.writeByte(f.connectorKind() == null ? -1 : f.connectorKind().ordinal());
    out.writeByte(f.hosting().ordinal());
    out.writeByte(f.dataType().ordinal());
    writeNullable(out, f.containerId());
    out.writeLong(f.occurredAt());
    writeNullable(out, e.region());
  }

  @Override
  IndexEntry read(int format, DataInputStream in) throws IOException {
    if (format != FORMAT) {
      throw unknownFormat("index entry", format);
    }
    String eventId = in.readUTF();
    String siteId = in.readUTF();
    String app = in.readUTF();
    String connectorId = readNullable(in);
    int kind = in.readByte();
    Hosting hosting = Hosting.values()[in.readByte()];
    DataType dataType = DataType.values()[in.readByte()];
    String containerId = readNullable(in);
    long occurredAt = in.readLong();
    String region = readNullable(in);
    EventFacts facts =
        new EventFacts(
            siteId,
            app,
            connectorId,
            kind < 0 ? null : ConnectorKind.values()[kind],
            hosting,
            dataType,
            containerId,
            occurredAt);
    return new IndexEntry(eventId, facts, region);
  }

  @Override
  public Serializer<IndexEntry> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public Deserializer<IndexEntry> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
