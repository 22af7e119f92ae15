package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.Actor;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeidentifierTest {
  @Test
  void replacesTheActorsOwnIdentifiersInAnyCase() {
    assertThat(Deidentifier.replaceLiteral("ask ACC-77x or acc-77x now", "acc-77X", Placeholder.MENTION))
        .isEqualTo("ask [MENTION] or [MENTION] now");
  }

  @Test
  void leavesTextWithoutTheIdentifierAsTheSameInstance() {
    String text = "nothing to see here";
    assertThat(Deidentifier.replaceLiteral(text, "acc-77x", Placeholder.MENTION)).isSameAs(text);
    assertThat(Deidentifier.replaceLiteral(text, "se", Placeholder.MENTION)).as("too short to replace").isSameAs(text);
  }

  @Test
  void countsEveryPlaceholderItWritesByTypeInTextAndAttributes() {
    Deidentifier deid = new Deidentifier(
        new DeidConfig("a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8), Set.of("status"), Duration.ofHours(1)),
        Scrubber.standard(), "p1");
    DataEvent e = DataEvent.newBuilder()
        .setEventId("e1").setOrgId("o1").setSiteId("s1").setApp("jira").setHosting(Hosting.CLOUD).setDataType(DataType.IN_APP)
        .setOccurredAt(Instant.parse("2026-09-01T10:00:00Z"))
        .setActor(Actor.newBuilder().setAccountId("acc-77x").setDisplayName("Ada Lovelace").setEmail("ada@corp.example").build())
        .setText("Ada Lovelace (acc-77x, ada@corp.example) called +44 20 7946 0958 from 192.168.0.1; cc bob@example.org")
        .setAttributes(Map.of("status", "waiting for Lovelace", "secret", "dropped, never scrubbed: Ada"))
        .build();
    PlaceholderCounts counts = new PlaceholderCounts();

    Contribution c = deid.deidentify(e, "c1", null, counts);

    Map<Placeholder, Integer> written = tokensIn(c.getText() + " " + String.join(" ", c.getAttributes().values()));
    Map<Placeholder, Integer> counted = new EnumMap<>(Placeholder.class);
    int total = counts.total();
    counts.drain(counted::put);
    assertThat(counted).isEqualTo(written).containsKeys(Placeholder.NAME, Placeholder.MENTION, Placeholder.EMAIL, Placeholder.PHONE, Placeholder.IP);
    assertThat(total).isEqualTo(written.values().stream().mapToInt(Integer::intValue).sum());
    assertThat(counts.total()).as("drained").isZero();
    assertThat(counts.get(Placeholder.NAME)).isZero();
  }

  @Test
  void givesEachOrgTheTokenOfItsPseudonymWhetherCachedOrEvictedSince() {
    byte[] secret = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    Deidentifier deid = new Deidentifier(new DeidConfig(secret, Set.of(), Duration.ofHours(1)), Scrubber.standard(), "p1");
    Pseudonyms expected = new Pseudonyms(secret);

    assertThat(deid.orgToken("o1")).isEqualTo(expected.org("o1"));
    assertThat(deid.orgToken("o1")).as("from the cache").isEqualTo(expected.org("o1"));
    for (int i = 0; i <= Deidentifier.ORG_TOKENS_CACHED; i++) {
      assertThat(deid.orgToken("org-" + i)).isEqualTo(expected.org("org-" + i));
    }
    assertThat(deid.orgToken("o1")).as("evicted, computed again").isEqualTo(expected.org("o1"));
    assertThat(deid.orgToken("o2")).isNotEqualTo(deid.orgToken("o1"));
  }

  private static Map<Placeholder, Integer> tokensIn(String text) {
    Map<Placeholder, Integer> found = new EnumMap<>(Placeholder.class);
    Matcher m = Pattern.compile("\\[([A-Z_]+)\\]").matcher(text);
    while (m.find()) {
      found.merge(Placeholder.valueOf(m.group(1)), 1, Integer::sum);
    }
    return found;
  }
}
