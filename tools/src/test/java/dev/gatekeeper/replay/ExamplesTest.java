package dev.gatekeeper.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import dev.gatekeeper.testing.TestConfigs;
import dev.gatekeeper.topology.Routing;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's example scenarios replay and tell the story the README says they tell. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("../examples");

  private static List<JsonNode> on(List<JsonNode> out, String topic) {
    return out.stream().filter(r -> r.get("topic").asText().equals(topic)).toList();
  }

  @Test
  void aggregatesAppearAtKOrgsAndAreTombstonedWhenOptOutsDropThemBelowK() throws Exception {
    List<JsonNode> out = ConformanceTest.replay(EXAMPLES.resolve("aggregates-with-k-threshold.jsonl"));

    List<JsonNode> aggregates = on(out, "contribution-aggregates");
    assertThat(aggregates).isNotEmpty();
    assertThat(aggregates.get(0).get("value").get("distinctOrgs").asLong()).isEqualTo(10);
    assertThat(aggregates)
        .allSatisfy(a -> assertThat(a.get("value").isNull() || a.get("value").get("distinctOrgs").asLong() >= 10).isTrue());
    assertThat(aggregates.subList(aggregates.size() - 2, aggregates.size()))
        .allSatisfy(a -> assertThat(a.get("value").isNull()).isTrue());
    assertThat(aggregates).extracting(a -> a.get("key").asText())
        .containsOnly("jira|issueType|Bug|2026-09-02T00:00:00Z", "jira|priority|High|2026-09-02T00:00:00Z");

    List<JsonNode> receipts = on(out, "revocation-receipts");
    assertThat(receipts).extracting(r -> r.get("key").asText()).containsExactly("initech", "hooli");
    assertThat(receipts).allSatisfy(r -> {
      assertThat(r.get("value").get("contributionsRevoked").asLong()).isEqualTo(1);
      assertThat(r.get("value").get("bucketsRevoked").asLong()).isEqualTo(3);
    });
  }

  @Test
  void aRegionChangeMovesWhatIsContributedAndTheOldRegionsRecordsAreRevoked() throws Exception {
    var routed = TestConfigs.gatekeeper().withRouting(new Routing(true, Set.of("eu", "us"), false));
    List<JsonNode> out = ConformanceTest.replay(EXAMPLES.resolve("org-changes-residency-region.jsonl"), routed);

    assertThat(on(out, "contributions")).isEmpty();
    assertThat(on(out, "contributions.eu")).extracting(r -> r.get("value").isNull()).containsExactly(false, false, true, true);
    assertThat(on(out, "contributions.us")).extracting(r -> r.get("value").isNull()).containsExactly(false, true);
    assertThat(on(out, "contribution-decisions")).extracting(r -> r.get("value").get("reason").asText())
        .containsExactly("CONTRIBUTED", "CONTRIBUTED", "REGION_CHANGED", "REGION_CHANGED", "CONTRIBUTED", "REGION_CHANGED",
            "REGION_NOT_ROUTED");
    assertThat(on(out, "revocation-receipts")).hasSize(2);
  }

  @Test
  void contributedTextCarriesPlaceholdersInsteadOfAnyonesNameOrIdentifiers() throws Exception {
    List<JsonNode> out = ConformanceTest.replay(EXAMPLES.resolve("standard-org-opts-out-of-in-app.jsonl"));
    List<String> texts = on(out, "contributions").stream()
        .filter(r -> !r.get("value").isNull() && !r.get("value").get("text").isNull())
        .map(r -> r.get("value").get("text").asText())
        .toList();
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("[NAME]", "[IBAN]"));
    assertThat(String.join("\n", texts))
        .doesNotContain("Ada", "Lovelace", "Wilhelmina", "Strand", "Kofi", "Asante", "DE89", "0130 00",
            "ada.lovelace", "7946");
  }

  @Test
  void everyExampleReplaysWithADecisionPerEvent() throws Exception {
    for (String name : List.of("standard-org-opts-out-of-in-app.jsonl", "enterprise-trial-ends.jsonl",
        "excluded-hipaa-org.jsonl", "aggregates-with-k-threshold.jsonl", "org-changes-residency-region.jsonl")) {
      List<JsonNode> out = ConformanceTest.replay(EXAMPLES.resolve(name));
      assertThat(on(out, "contribution-decisions")).as(name).isNotEmpty();
    }
  }
}
