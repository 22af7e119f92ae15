package dev.gatekeeper.state;

import dev.gatekeeper.aggregate.AggregateShare;
import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Compact binary form of {@link IndexEntry}s in the contribution-index store and changelog. */
public final class IndexEntrySerde extends BinaryCodec<IndexEntry> {
  /** Format 1 (before regional routing and aggregates) is still read: changelogs outlive releases. */
  private static final int FORMAT = 2;

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
    out.writeBoolean(e.regionalTopic());
    AggregateShare share = e.share();
    out.writeBoolean(share != null);
    if (share != null) {
      writeNullable(out, share.region());
      out.writeLong(share.windowStart());
      out.writeShort(share.values().size());
      for (AggregateShare.AttributeValue v : share.values()) {
        out.writeUTF(v.name());
        out.writeUTF(v.value());
      }
    }
  }

  @Override
  IndexEntry read(int format, DataInputStream in) throws IOException {
    if (format != 1 && format != FORMAT) {
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
    boolean regionalTopic = false;
    AggregateShare share = null;
    if (format >= 2) {
      regionalTopic = in.readBoolean();
      if (in.readBoolean()) {
        String shareRegion = readNullable(in);
        long windowStart = in.readLong();
        int n = in.readUnsignedShort();
        List<AggregateShare.AttributeValue> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          values.add(new AggregateShare.AttributeValue(in.readUTF(), in.readUTF()));
        }
        share = new AggregateShare(shareRegion, windowStart, values);
      }
    }
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
    return new IndexEntry(eventId, facts, region, regionalTopic, share);
  }
}
