package dev.gatekeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.aggregate.BucketKey;
import dev.gatekeeper.model.PolicyModel;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * POLICY.md's invariant over committed outputs, for scenarios whose settings changes only
 * restrict: exactly one decision per event, and the live contributions are exactly those
 * contributed and still allowed (rules 1–7, as the independent model reads them) by each org's
 * latest settings — nothing leaked, nothing missing.
 */
final class Invariant {
  private Invariant() {}

  /**
   * The published aggregates are exactly the buckets (app, attribute, value, day) of the live
   * metadata contributions that at least k distinct orgs reach, with their counts; and no record
   * below k was ever committed. For scenarios whose grace covers every event.
   */
  static void assertAggregatesHold(CommittedOutputs out, Map<String, DataEvent> sent, int k) {
    Map<String, String> eventOf = new HashMap<>();
    out.decisions.stream().filter(d -> d.getOutcome() == Outcome.CONTRIBUTED).forEach(d -> eventOf.put(d.getContributionId(), d.getEventId()));
    Map<String, Set<String>> orgs = new HashMap<>();
    Map<String, Long> records = new HashMap<>();
    for (String cid : out.liveContributionIds()) {
      DataEvent e = sent.get(eventOf.get(cid));
      if (e.getDataType() != DataType.METADATA) {
        continue;
      }
      long day = Math.floorDiv(e.getOccurredAt().toEpochMilli(), DAY) * DAY;
      e.getAttributes().forEach((name, value) -> {
        String bucket = new BucketKey(e.getApp(), name, value, day, null).encode();
        orgs.computeIfAbsent(bucket, b -> new TreeSet<>()).add(e.getOrgId());
        records.merge(bucket, 1L, Long::sum);
      });
    }
    Map<String, String> expected = new HashMap<>();
    orgs.forEach((bucket, members) -> {
      if (members.size() >= k) {
        expected.put(bucket, members.size() + " orgs, " + records.get(bucket) + " records");
      }
    });
    Map<String, String> published = new HashMap<>();
    out.aggregates.forEach((bucket, a) -> published.put(bucket, a.getDistinctOrgs() + " orgs, " + a.getRecords() + " records"));
    assertThat(published).as("published aggregates").isEqualTo(expected);
    assertThat(out.aggregateRecords).as("no committed aggregate below k")
        .allSatisfy(a -> assertThat(a == null || a.getDistinctOrgs() >= k).isTrue());
  }

  private static final long DAY = 86_400_000L;

  static void assertHolds(CommittedOutputs out, Map<String, DataEvent> sent, Map<String, OrgSettings> latest) {
    List<ContributionDecision> perEvent = out.decisions.stream().filter(d -> d.getOutcome() != Outcome.REVOKED).toList();
    Map<String, Long> perId = perEvent.stream().collect(Collectors.groupingBy(ContributionDecision::getEventId, Collectors.counting()));
    assertThat(perId.values()).as("exactly one committed decision per event").allMatch(n -> n == 1);
    assertThat(perId.keySet()).as("a decision for every event").isEqualTo(sent.keySet());
    Map<String, String> eventOf = new HashMap<>();
    perEvent.stream().filter(d -> d.getOutcome() == Outcome.CONTRIBUTED).forEach(d -> eventOf.put(d.getContributionId(), d.getEventId()));
    Set<String> live = new TreeSet<>();
    out.liveContributionIds().forEach(cid -> live.add(eventOf.getOrDefault(cid, "unknown:" + cid)));
    Set<String> expected = new TreeSet<>();
    eventOf.values().forEach(id -> {
      DataEvent e = sent.get(id);
      if (PolicyModel.passes1to7(latest.get(e.getOrgId()), e)) {
        expected.add(id);
      }
    });
    Set<String> leaked = new TreeSet<>(live);
    leaked.removeAll(expected);
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(live);
    assertThat(leaked).as("leaked").isEmpty();
    assertThat(missing).as("missing").isEmpty();
    assertThat(live).as("the scenario contributes something").isNotEmpty();
  }
}
