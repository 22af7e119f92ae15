package dev.gatekeeper.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.aggregate.AggregateConfig;
import dev.gatekeeper.aggregate.BucketKey;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.testing.TestConfigs;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The k-threshold over random interleavings of contributions, re-deliveries, metadata opt-outs
 * and opt-ins, and org deletions, with the flush interval passing after some inputs only: after
 * every flush the published buckets are exactly those an independent count says have at least k
 * distinct orgs (with their org and record counts), and no record below k was ever written.
 */
class AggregateProperties {
  private static final int K = 3;
  private static final long HOUR = 3_600_000L;
  private static final long BASE = Instant.parse("2026-09-01T20:00:00Z").toEpochMilli();
  private static final String TOPIC = "contribution-aggregates";
  private static final int ORGS = 5;

  /**
   * kind: 0 = event, 1 = metadata ON, 2 = metadata OFF, 3 = org tombstone; {@code flush}: the
   * flush interval passes after the step (otherwise new contributions' changes stay pending).
   */
  record Step(int kind, int org, int event, boolean flush) {}

  /** One contribution as the model counts it: the bucket value and day of its first delivery. */
  record Counted(String value, long day) {}

  @Property(tries = 120, edgeCases = EdgeCasesMode.NONE, seed = "20261129")
  void publishedBucketsAreExactlyThoseWithAtLeastKOrgs(@ForAll("steps") List<Step> steps) {
    Map<Integer, Boolean> metadataOn = new HashMap<>();
    Map<Integer, Map<Integer, Counted>> live = new HashMap<>();
    var config = TestConfigs.gatekeeper().withAggregates(AggregateConfig.defaults().withK(K));
    int published = 0;
    try (GateHarness gate = new GateHarness(config).holdAggregates()) {
      long clock = BASE;
      for (int o = 0; o < ORGS; o++) {
        gate.settings(Fixtures.settings("o" + o, Instant.ofEpochMilli(clock).toString()).product("s1", "jira", Plan.ENTERPRISE).build());
        metadataOn.put(o, true);
      }
      gate.advance(AggregateConfig.DEFAULT_FLUSH);
      for (Step s : steps) {
        clock += HOUR;
        String org = "o" + s.org();
        String at = Instant.ofEpochMilli(clock).toString();
        switch (s.kind()) {
          case 0 -> {
            String value = (s.event() % 4 == 3) ? "Task" : "Bug";
            gate.event(Fixtures.event(org + "-e" + s.event(), org, at).metadata().attribute("issueType", value).build());
            if (Boolean.TRUE.equals(metadataOn.get(s.org()))) {
              long day = Math.floorDiv(clock, 24 * HOUR) * 24 * HOUR;
              live.computeIfAbsent(s.org(), o -> new HashMap<>()).putIfAbsent(s.event(), new Counted(value, day));
            }
          }
          case 1, 2 -> {
            boolean on = s.kind() == 1;
            gate.settings(Fixtures.settings(org, at).product("s1", "jira", Plan.ENTERPRISE)
                .metadata(on ? ContributionSetting.ON : ContributionSetting.OFF).build());
            metadataOn.put(s.org(), on);
            if (!on) {
              live.remove(s.org());
            }
          }
          default -> {
            gate.tombstone(org, at);
            metadataOn.remove(s.org());
            live.remove(s.org());
          }
        }
        if (s.flush()) {
          gate.advance(AggregateConfig.DEFAULT_FLUSH);
          Map<String, ContributionAggregate> expected = expected(live);
          assertThat(gate.published(TOPIC)).as("published buckets after %s", s).isEqualTo(expected);
          published = Math.max(published, expected.size());
        }
      }
      gate.advance(AggregateConfig.DEFAULT_FLUSH);
      assertThat(gate.published(TOPIC)).as("published buckets at the end").isEqualTo(expected(live));
      assertThat(gate.aggregateRecords())
          .as("no bucket below k is ever written")
          .allSatisfy(w -> assertThat(w.value() == null || w.value().getDistinctOrgs() >= K).isTrue());
      boolean tombstoned = gate.aggregateRecords().stream().anyMatch(w -> w.value() == null);
      Statistics.label("some bucket published").collect(published > 0);
      Statistics.label("some bucket tombstoned").collect(tombstoned);
    }
    // Guards the generator: a property that never reaches k would prove nothing.
    Statistics.label("some bucket published").coverage(c -> c.check(true).percentage(p -> p > 50));
    Statistics.label("some bucket tombstoned").coverage(c -> c.check(true).percentage(p -> p > 20));
  }

  private static Map<String, ContributionAggregate> expected(Map<Integer, Map<Integer, Counted>> live) {
    Map<Counted, Set<Integer>> orgs = new HashMap<>();
    Map<Counted, Integer> records = new HashMap<>();
    live.forEach((org, contributions) -> contributions.values().forEach(c -> {
      orgs.computeIfAbsent(c, x -> new HashSet<>()).add(org);
      records.merge(c, 1, Integer::sum);
    }));
    Map<String, ContributionAggregate> out = new HashMap<>();
    orgs.forEach((bucket, members) -> {
      if (members.size() >= K) {
        out.put(new BucketKey("jira", "issueType", bucket.value(), bucket.day(), null).encode(),
            ContributionAggregate.newBuilder()
                .setApp("jira").setAttribute("issueType").setValue(bucket.value())
                .setWindowStart(Instant.ofEpochMilli(bucket.day()))
                .setWindowEnd(Instant.ofEpochMilli(bucket.day() + 24 * HOUR))
                .setDistinctOrgs(members.size())
                .setRecords(records.get(bucket))
                .setPolicyVersion(TestConfigs.gatekeeper().policy().policyVersion())
                .build());
      }
    });
    return out;
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> event = Arbitraries.integers().between(0, ORGS - 1).flatMap(org ->
        Arbitraries.integers().between(0, 7).map(e -> new Step(0, org, e, false)));
    Arbitrary<Step> settings = Arbitraries.integers().between(0, ORGS - 1).flatMap(org ->
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.just(new Step(1, org, 0, false))),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step(2, org, 0, false))),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step(3, org, 0, false)))));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, event),
            net.jqwik.api.Tuple.of(1, settings))
        .flatMap(st -> Arbitraries.integers().between(0, 2).map(f -> new Step(st.kind(), st.org(), st.event(), f != 0)))
        .list().ofMinSize(10).ofMaxSize(60);
  }
}
