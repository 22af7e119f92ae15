package dev.gatekeeper.benchmarks;

import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.PolicyConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pure policy decisions per second on one thread: {@link Policy#decide} with the default
 * {@link PolicyConfig}, for each {@link PolicyCase} history, over the eight events of
 * {@link EventMix}. One invocation decides all eight and counts as eight operations, so the score
 * (ops/s) is decisions per second, averaged over the mix. Histories and event facts are built
 * once, outside the measurement, as the gate has them in its cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyBenchmark {

  /** Which settings history the events are decided against: a {@link PolicyCase} name. */
  @Param({"ONE_VERSION", "REVIEW_WINDOW", "LATE_EVENT"})
  public String history;

  private Policy policy;
  private OrgHistory orgHistory;
  private EventFacts[] events;

  /** Builds the case's inputs and checks that they give the case's expected reasons. */
  @Setup
  public void setUp() {
    PolicyCase c = PolicyCase.valueOf(history);
    policy = new Policy(PolicyConfig.defaults());
    orgHistory = c.history();
    events = c.events();
    c.check(policy, orgHistory, events);
  }

  /** Decides every event of the mix; the decisions go to the black hole. */
  @Benchmark
  @OperationsPerInvocation(EventMix.SIZE)
  public void decide(Blackhole bh) {
    for (EventFacts e : events) {
      bh.consume(policy.decide(orgHistory, e));
    }
  }
}
