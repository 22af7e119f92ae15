package dev.gatekeeper.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.testing.GateHarness;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * POLICY.md's invariant over random interleavings of settings changes, tombstones and events
 * (on time and late, re-delivered, across plan changes and review windows): after every input,
 * the live contributions are exactly those the independent {@link PolicyModel} predicts, and every
 * event got exactly one decision.
 */
class InvariantProperties {
  private static final long HOUR = 3_600_000L;
  private static final long BASE = Instant.parse("2026-08-15T00:00:00Z").toEpochMilli();
  private static final List<String> ORGS = List.of("o1", "o2");

  sealed interface Step permits SettingsStep, TombstoneStep, EventStep {}

  record SettingsStep(String org, long hour, List<Plan> plans, List<String> apps, ContributionSetting inApp,
      ContributionSetting metadata, String excluded, String included, boolean hipaa) implements Step {}

  record TombstoneStep(String org, long hour) implements Step {}

  record EventStep(String eventId, String org, long hour, String site, String app, DataType type,
      String container, Hosting hosting, boolean connector) implements Step {}

  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void liveSetIsWhatThePolicyStillAllows(@ForAll("scenarios") List<Step> steps) {
    PolicyModel model = new PolicyModel();
    int deliveries = 0;
    boolean oldEventDecided = false;
    long newest = Long.MIN_VALUE;
    try (GateHarness gate = new GateHarness()) {
      for (Step step : steps) {
        if (step instanceof SettingsStep s) {
          newest = Math.max(newest, BASE + s.hour() * HOUR);
          OrgSettings settings = settings(s);
          gate.settings(settings);
          model.settings(s.org(), settings, settings.getUpdatedAt().toEpochMilli());
        } else if (step instanceof TombstoneStep t) {
          newest = Math.max(newest, BASE + t.hour() * HOUR);
          gate.tombstone(t.org(), Instant.ofEpochMilli(BASE + t.hour() * HOUR).toString());
          model.settings(t.org(), null, BASE + t.hour() * HOUR);
        } else if (step instanceof EventStep e) {
          DataEvent event = event(e);
          int before = perEventDecisions(gate);
          gate.event(event);
          deliveries++;
          assertThat(perEventDecisions(gate)).as("one decision per delivery").isEqualTo(before + 1);
          ContributionDecision d = gate.decisions().get(gate.decisions().size() - 1);
          long ts = event.getOccurredAt().toEpochMilli();
          newest = Math.max(newest, ts);
          oldEventDecided |= ts < newest - 35 * 24 * HOUR && !d.getReason().equals("TOO_LATE");
          model.event(
              event,
              event.getOccurredAt().toEpochMilli(),
              d.getOutcome() == Outcome.CONTRIBUTED,
              d.getReason().equals("TOO_LATE"));
        }
        assertThat(liveKeys(gate)).as("live set after %s", step).isEqualTo(new TreeSet<>(model.live()));
      }
      assertThat(perEventDecisions(gate)).isEqualTo(deliveries);
      Statistics.label("contributed").collect(outcomeSeen(gate, Outcome.CONTRIBUTED, null));
      Statistics.label("revoked").collect(outcomeSeen(gate, Outcome.REVOKED, null));
      Statistics.label("grace").collect(outcomeSeen(gate, Outcome.DROPPED, "PLAN_CHANGE_GRACE"));
      Statistics.label("too late").collect(outcomeSeen(gate, Outcome.DROPPED, "TOO_LATE"));
      Statistics.label("old event decided").collect(oldEventDecided);
    }
  }

  /**
   * Coverage: the generated interleavings must reach every path the invariant depends on. The
   * seed is fixed so that this check is deterministic; the property above explores new seeds.
   */
  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE, seed = "20260817")
  @StatisticsReport(onFailureOnly = true)
  void scenariosReachContributionsRevocationsWindowsAndLateDrops(@ForAll("scenarios") List<Step> steps) {
    liveSetIsWhatThePolicyStillAllows(steps);
    Statistics.label("contributed").coverage(c -> c.check(true).percentage(p -> p > 50));
    Statistics.label("revoked").coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("grace").coverage(c -> c.check(true).percentage(p -> p > 1));
    Statistics.label("too late").coverage(c -> c.check(true).percentage(p -> p > 1));
    Statistics.label("old event decided").coverage(c -> c.check(true).percentage(p -> p > 1));
  }

  private static boolean outcomeSeen(GateHarness gate, Outcome outcome, String reason) {
    return gate.decisions().stream()
        .anyMatch(d -> d.getOutcome() == outcome && (reason == null || d.getReason().equals(reason)));
  }

  private static int perEventDecisions(GateHarness gate) {
    return (int) gate.decisions().stream().filter(d -> d.getOutcome() != Outcome.REVOKED).count();
  }

  private static Set<String> liveKeys(GateHarness gate) {
    Map<String, String> eventOf = new HashMap<>();
    for (ContributionDecision d : gate.decisions()) {
      if (d.getContributionId() != null) {
        eventOf.put(d.getContributionId(), d.getOrgId() + "/" + d.getEventId());
      }
    }
    Set<String> live = new TreeSet<>();
    gate.live().keySet().forEach(k -> live.add(eventOf.get(k)));
    return live;
  }

  private static OrgSettings settings(SettingsStep s) {
    Fixtures.SettingsBuilder b =
        Fixtures.settings(s.org(), Instant.ofEpochMilli(BASE + s.hour() * HOUR).toString());
    for (int i = 0; i < s.plans().size(); i++) {
      b.product(i % 2 == 0 ? "s1" : "s2", s.apps().get(i), s.plans().get(i));
    }
    if (s.inApp() != null) {
      b.inApp(s.inApp());
    }
    if (s.metadata() != null) {
      b.metadata(s.metadata());
    }
    if (s.excluded() != null) {
      b.exclude(s.excluded());
    }
    if (s.included() != null) {
      b.include(s.included());
    }
    if (s.hipaa()) {
      b.hipaa();
    }
    return b.build();
  }

  private static DataEvent event(EventStep e) {
    Fixtures.EventBuilder b =
        Fixtures.event(e.eventId(), e.org(), Instant.ofEpochMilli(BASE + e.hour() * HOUR).toString())
            .site(e.site())
            .app(e.connector() ? "connector" : e.app())
            .hosting(e.hosting());
    if (e.type() == DataType.METADATA) {
      b.metadata();
    }
    if (e.container() != null) {
      b.container(e.container());
    }
    if (e.connector()) {
      b.connector("c1", ConnectorKind.SYNCED);
    }
    return b.build();
  }

  /** A step before it is placed on the timeline: how far the clock moves, and how late it is. */
  record Timed(Step step, long advanceHours, long lateHours) {}

  @Provide
  Arbitrary<List<Step>> scenarios() {
    Arbitrary<String> org = Arbitraries.of(ORGS);
    Arbitrary<String> scope =
        Arbitraries.of("app:jira", "app:confluence", "container:C1", "connector:c1").injectNull(0.6);
    Arbitrary<ContributionSetting> setting = Arbitraries.of(ContributionSetting.class).injectNull(0.5);
    Arbitrary<Step> settingsStep =
        Combinators.combine(
                org,
                Arbitraries.of(Plan.class).list().ofMinSize(1).ofMaxSize(3).injectNull(0.1),
                Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.just("jira")),
                        Tuple.of(2, Arbitraries.just("confluence")),
                        Tuple.of(1, Arbitraries.just("loom")))
                    .list()
                    .ofSize(3),
                setting,
                setting,
                scope,
                scope)
            .as((o, plans, apps, inApp, meta, ex, in) ->
                (Step) new SettingsStep(o, 0, plans == null ? List.of() : plans, apps, inApp, meta, ex, in, false));
    // Same products, only the switches change: the interleavings where late events matter most.
    Arbitrary<Step> toggle =
        Combinators.combine(org, setting, scope)
            .as((o, inApp, ex) ->
                (Step) new SettingsStep(o, 0, List.of(Plan.FREE, Plan.FREE), List.of("jira", "confluence", "jira"), inApp, null, ex, null, false));
    Arbitrary<Step> excludedOrg =
        org.map(o -> (Step) new SettingsStep(o, 0, List.of(Plan.FREE), List.of("jira", "jira", "jira"), null, null, null, null, true));
    Arbitrary<Step> tombstone = org.map(o -> (Step) new TombstoneStep(o, 0));
    Arbitrary<Step> eventStep =
        Combinators.combine(
                Arbitraries.integers().between(1, 12).map(i -> "e" + i),
                org,
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("s1")), Tuple.of(1, Arbitraries.just("s2"))),
                Arbitraries.frequencyOf(
                    Tuple.of(5, Arbitraries.just("jira")),
                    Tuple.of(2, Arbitraries.just("confluence")),
                    Tuple.of(2, Arbitraries.just("rovo")),
                    Tuple.of(1, Arbitraries.just("loom"))),
                Arbitraries.of(DataType.class),
                Arbitraries.of("C1").injectNull(0.5),
                Arbitraries.frequencyOf(
                    Tuple.of(19, Arbitraries.just(Hosting.CLOUD)), Tuple.of(1, Arbitraries.just(Hosting.DATA_CENTER))),
                Arbitraries.integers().between(0, 9).map(roll -> roll == 0))
            .as((id, o, site, app, type, container, hosting, connector) ->
                (Step) new EventStep(id, o, 0, site, app, type, container, hosting, connector));
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            Tuple.of(3, settingsStep), Tuple.of(3, toggle), Tuple.of(1, excludedOrg), Tuple.of(1, tombstone), Tuple.of(12, eventStep));
    // Mostly small steps forward; now and then a long jump (review windows close, history ages)
    // or a late arrival (up to 50 days late: some within the retention, some beyond it).
    Arbitrary<Long> advance =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.longs().between(0, 24)), Tuple.of(1, Arbitraries.longs().between(5 * 24, 30 * 24)));
    Arbitrary<Long> late =
        Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.just(0L)),
            Tuple.of(6, Arbitraries.longs().between(1, 4 * 24)),
            Tuple.of(2, Arbitraries.longs().between(4 * 24, 34 * 24)),
            Tuple.of(3, Arbitraries.longs().between(36 * 24, 80 * 24)));
    return Combinators.combine(step, advance, late)
        .as(Timed::new)
        .list()
        .ofMinSize(5)
        .ofMaxSize(60)
        .map(InvariantProperties::timeline);
  }

  /**
   * Places steps on a clock that starts two days before the effective date, after a permissive
   * first version for each org (so that there is something to revoke).
   */
  static List<Step> timeline(List<Timed> raw) {
    long clock = 48;
    List<Step> out = new java.util.ArrayList<>();
    for (String org : ORGS) {
      out.add(new SettingsStep(org, clock, List.of(Plan.FREE, Plan.FREE), List.of("jira", "confluence", "jira"), null, null, null, null, false));
    }
    for (Timed t : raw) {
      clock += t.advanceHours();
      long hour = Math.max(0, clock - t.lateHours());
      Step s = t.step();
      if (s instanceof SettingsStep x) {
        out.add(new SettingsStep(x.org(), hour, x.plans(), x.apps(), x.inApp(), x.metadata(), x.excluded(), x.included(), x.hipaa()));
      } else if (s instanceof TombstoneStep x) {
        out.add(new TombstoneStep(x.org(), hour));
      } else if (s instanceof EventStep x) {
        out.add(new EventStep(x.eventId(), x.org(), hour, x.site(), x.app(), x.type(), x.container(), x.hosting(), x.connector()));
      }
    }
    return out;
  }
}
