package dev.gatekeeper.topology;

import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;

/** What the decoders hand on: a decoded event, a settings change, or a dead letter. */
sealed interface Inbound permits Inbound.EventIn, Inbound.SettingsIn, Inbound.Misplaced, DeadLetter {

  /**
   * A settings record, as received, that is not in the partition its key belongs in: it goes
   * through a repartition topic to the task that owns the org before it is decoded.
   */
  record Misplaced(byte[] key, byte[] value) implements Inbound {}

  /**
   * A decoded, valid event; {@code keyedByOrg} when its record key already was its orgId and it
   * is in that key's partition (otherwise it is repartitioned by orgId first).
   */
  record EventIn(DataEvent event, boolean keyedByOrg) implements Inbound {}

  /**
   * A settings record for the org of its key: valid settings, a tombstone (settings null and no
   * problem), or an invalid record (problem set).
   */
  record SettingsIn(String orgId, OrgSettings settings, String problem) implements Inbound {
    static SettingsIn valid(String orgId, OrgSettings settings) {
      return new SettingsIn(orgId, settings, null);
    }

    static SettingsIn deleted(String orgId) {
      return new SettingsIn(orgId, null, null);
    }

    static SettingsIn invalid(String orgId, String problem) {
      return new SettingsIn(orgId, null, problem);
    }

    boolean isInvalid() {
      return problem != null;
    }

    boolean isTombstone() {
      return settings == null && problem == null;
    }
  }
}
