package dev.gatekeeper.bench;

import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.PolicyConfig;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.testing.Fixtures;

/**
 * A rough, single-threaded figure of pure policy decisions per second (not a test; the JMH
 * benchmarks are the reference). Run: java -cp test-classes:classes:deps dev.gatekeeper.bench.PolicyThroughput
 */
public final class PolicyThroughput {
  private PolicyThroughput() {}

  public static void main(String[] args) {
    Policy policy = new Policy(PolicyConfig.defaults());
    OrgHistory h = OrgHistory.empty()
        .append(Fixtures.settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", Plan.PREMIUM).product("s1", "confluence", Plan.STANDARD).build())
        .append(Fixtures.settings("o1", "2026-09-05T00:00:00Z").product("s1", "jira", Plan.STANDARD).product("s1", "confluence", Plan.STANDARD).exclude("container:HR").build())
        .append(Fixtures.settings("o1", "2026-09-07T00:00:00Z").product("s1", "jira", Plan.STANDARD).inApp(ContributionSetting.ON).exclude("container:HR").build());
    EventFacts[] events = {
      EventFacts.of(Fixtures.event("a", "o1", "2026-09-08T00:00:00Z").container("ENG").build()),
      EventFacts.of(Fixtures.event("b", "o1", "2026-10-08T00:00:00Z").container("HR").build()),
      EventFacts.of(Fixtures.event("c", "o1", "2026-09-06T00:00:00Z").metadata().build()),
      EventFacts.of(Fixtures.event("d", "o1", "2026-10-08T00:00:00Z").app("rovo").build()),
    };
    long sink = 0;
    for (int round = 0; round < 5; round++) {
      long n = 20_000_000;
      long start = System.nanoTime();
      for (long i = 0; i < n; i++) {
        sink += policy.decide(h, events[(int) (i & 3)]).reason().ordinal();
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("round %d: %.2f M decisions/s%n", round, n / secs / 1e6);
    }
    System.out.println("(checksum " + sink + ")");
  }
}
