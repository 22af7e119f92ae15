package dev.gatekeeper.state;

import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.OrgVersion;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.serde.AvroSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of an {@link OrgHistory} in the settings-history store: state, clear time,
 * truncation, then each version's window facts and its settings in Avro single-object encoding.
 * Each settings record carries its writer schema's fingerprint, so a history written by an earlier
 * build still reads as long as that build wrote a released OrgSettings schema: give this codec
 * {@link AvroSerde#of}, which reads every released version, and the schemas module's build check
 * keeps each of them readable by the current schema.
 */
public final class OrgHistorySerde extends BinaryCodec<OrgHistory> {
  private static final int FORMAT = 1;
  private final AvroSerde<OrgSettings> settings;

  public OrgHistorySerde(AvroSerde<OrgSettings> settings) {
    this.settings = settings;
  }

  @Override
  int format() {
    return FORMAT;
  }

  @Override
  void write(OrgHistory h, DataOutputStream out) throws IOException {
    out.writeByte(h.state().ordinal());
    out.writeLong(h.clearedAt());
    out.writeBoolean(h.truncated());
    out.writeInt(h.size());
    for (OrgVersion v : h.versions()) {
      out.writeBoolean(v.opensWindow());
      out.writeLong(v.windowOpenedAt());
      byte[] bytes = settings.encode(v.settings());
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  @Override
  OrgHistory read(int format, DataInputStream in) throws IOException {
    if (format != FORMAT) {
      throw unknownFormat("settings history", format);
    }
    OrgHistory.State state = OrgHistory.State.values()[in.readByte()];
    long clearedAt = in.readLong();
    boolean truncated = in.readBoolean();
    int n = in.readInt();
    List<OrgVersion> versions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean opens = in.readBoolean();
      long windowOpenedAt = in.readLong();
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      versions.add(new OrgVersion(settings.decode(bytes), opens, windowOpenedAt));
    }
    return new OrgHistory(state, clearedAt, truncated, versions);
  }
}
