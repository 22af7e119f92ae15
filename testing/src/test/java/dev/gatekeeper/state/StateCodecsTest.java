package dev.gatekeeper.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.aggregate.AggregateShare;
import dev.gatekeeper.aggregate.BucketCounts;
import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.history.SchemaHistory;
import dev.gatekeeper.serde.AvroSerde;
import dev.gatekeeper.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class StateCodecsTest {
  private final IndexEntrySerde entries = new IndexEntrySerde();
  private final OrgHistorySerde histories = new OrgHistorySerde(AvroSerde.of(OrgSettings.class));

  @Test
  void roundTripsIndexEntriesWithAndWithoutOptionalFacts() {
    IndexEntry full = new IndexEntry("e1",
        new EventFacts("s1", "connector", "c1", ConnectorKind.SYNCED_LITE, Hosting.CLOUD, DataType.METADATA, "ENG", 42L), "eu");
    IndexEntry bare = new IndexEntry("e2",
        new EventFacts("s1", "jira", null, null, Hosting.CLOUD, DataType.IN_APP, null, 7L), null);
    assertThat(entries.decode(entries.encode(full))).isEqualTo(full);
    assertThat(entries.decode(entries.encode(bare))).isEqualTo(bare);
  }

  @Test
  void roundTripsWhereAnEntryWasWrittenAndWhatItCountedToward() {
    IndexEntry regional = new IndexEntry("e3",
        new EventFacts("s1", "jira", null, null, Hosting.CLOUD, DataType.METADATA, null, 7L), "eu", true,
        new AggregateShare("eu", 86_400_000L, List.of(
            new AggregateShare.AttributeValue("issueType", "Bug"), new AggregateShare.AttributeValue("wordCount", "[100,200)"))));
    assertThat(entries.decode(entries.encode(regional))).isEqualTo(regional);
  }

  @Test
  void readsIndexEntriesWrittenBeforeRoutingAndAggregatesExisted() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF("e1");
      out.writeUTF("s1");
      out.writeUTF("jira");
      out.writeBoolean(false);
      out.writeByte(-1);
      out.writeByte(Hosting.CLOUD.ordinal());
      out.writeByte(DataType.IN_APP.ordinal());
      out.writeBoolean(false);
      out.writeLong(42L);
      out.writeBoolean(true);
      out.writeUTF("eu");
    }
    assertThat(entries.decode(bytes.toByteArray())).isEqualTo(new IndexEntry("e1",
        new EventFacts("s1", "jira", null, null, Hosting.CLOUD, DataType.IN_APP, null, 42L), "eu", false, null));
  }

  @Test
  void roundTripsBucketCounts() {
    BucketCountsSerde counts = new BucketCountsSerde();
    BucketCounts c = new BucketCounts(-1, -12);
    assertThat(counts.decode(counts.encode(c))).isEqualTo(c);
  }

  @Test
  void roundTripsHistoriesKeepingWindowFlagsAndClearState() {
    OrgHistory h = OrgHistory.empty()
        .append(Fixtures.settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", Plan.PREMIUM).build())
        .append(Fixtures.settings("o1", "2026-09-02T00:00:00Z").product("s1", "jira", Plan.FREE).build());
    OrgHistory back = histories.decode(histories.encode(h));
    assertThat(back.size()).isEqualTo(2);
    assertThat(back.get(0).opensWindow()).isFalse();
    assertThat(back.get(1).opensWindow()).isTrue();
    assertThat(back.get(1).settings()).isEqualTo(h.get(1).settings());

    OrgHistory deleted = histories.decode(histories.encode(h.cleared(OrgHistory.State.DELETED, 99L)));
    assertThat(deleted.state()).isEqualTo(OrgHistory.State.DELETED);
    assertThat(deleted.clearedAt()).isEqualTo(99L);
    assertThat(deleted.latest()).isNull();
  }

  @Test
  void readsHistoriesWhoseSettingsWereWrittenWithAnOlderReleasedSchema() {
    OrgHistory h = OrgHistory.empty()
        .append(Fixtures.settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", Plan.PREMIUM).region("eu").build())
        .append(Fixtures.settings("o1", "2026-09-02T00:00:00Z").product("s1", "jira", Plan.FREE)
            .changeReason("downgrade").build());
    Schema v1 = SchemaHistory.released(OrgSettings.class).get(0);
    byte[] writtenByAV1Build = new OrgHistorySerde(AvroSerde.writingWith(OrgSettings.class, v1)).encode(h);

    OrgHistory back = histories.decode(writtenByAV1Build);

    assertThat(back.size()).isEqualTo(2);
    assertThat(back.get(0).settings()).isEqualTo(h.get(0).settings());
    assertThat(back.get(1).settings().getChangeReason()).isNull();
    assertThat(back.get(1).settings())
        .isEqualTo(OrgSettings.newBuilder(h.get(1).settings()).setChangeReason(null).build());
    assertThat(back.get(1).opensWindow()).isEqualTo(h.get(1).opensWindow());
  }

  @Test
  void indexKeysOfOneOrgShareAPrefixNoOtherOrgHas() {
    String k = IndexKeys.key("org-1", "abc");
    assertThat(k).startsWith(IndexKeys.prefix("org-1"));
    assertThat(k).doesNotStartWith(IndexKeys.prefix("org-"));
    assertThat(IndexKeys.contributionId(k)).isEqualTo("abc");
    assertThat(IndexKeys.isUsableOrgId("a\u0000b")).isFalse();
  }
}
