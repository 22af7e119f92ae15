package dev.gatekeeper.benchmarks;

import dev.gatekeeper.deid.DeidConfig;
import dev.gatekeeper.deid.Deidentifier;
import dev.gatekeeper.deid.Scrubber;
import dev.gatekeeper.policy.PolicyConfig;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.DataEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * De-identified records per second on one thread, with the default allow-list and a 1 h time
 * granularity. The events (1,000, taken in turn) come from 50 orgs; three in four are in-app
 * events whose text is a {@link Corpus} text, one in four metadata events without text; each
 * has an actor, a container on most, five allowed attributes (scrubbed) and two that are
 * dropped. Two scores, both in records/s:
 *
 * <ul>
 *   <li>{@code deidentify}: {@link Deidentifier#deidentify} alone (contribution id precomputed):
 *       pseudonyms of org, actor and container, attributes, scrubbed text, coarsened time;
 *   <li>{@code contribute}: the contribution id's HMAC and then {@code deidentify}, which is
 *       what the gate does for each contributed event.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DeidentifyBenchmark {
  static final int EVENTS = 1_000;
  private static final String REGION = "eu";
  private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
  /** A fixed key for the benchmark only: pseudonyms cost the same with any 32-byte key. */
  private static final byte[] SECRET =
      "benchmark-only-key-not-a-secret!".getBytes(StandardCharsets.US_ASCII);

  private Deidentifier deidentifier;
  private DataEvent[] events;
  private String[] contributionIds;
  private int next;

  /** Builds the events and one de-identifier, as a stream task holds one. */
  @Setup
  public void setUp() {
    DeidConfig config =
        new DeidConfig(SECRET, DeidConfig.DEFAULT_ALLOWED_ATTRIBUTES, Duration.ofHours(1));
    deidentifier =
        new Deidentifier(config, Scrubber.standard(), PolicyConfig.DEFAULT_POLICY_VERSION);
    Corpus.Text[] texts = Corpus.generate(ScrubberBenchmark.SEED + 1, EVENTS).texts();
    events = new DataEvent[EVENTS];
    contributionIds = new String[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      DataEvent e = event(i, texts[i]);
      events[i] = e;
      contributionIds[i] = deidentifier.contributionId(e.getOrgId(), e.getEventId());
    }
  }

  /** De-identifies the next event with its precomputed contribution id. */
  @Benchmark
  public Contribution deidentify() {
    int i = advance();
    return deidentifier.deidentify(events[i], contributionIds[i], REGION);
  }

  /** Derives the next event's contribution id, then de-identifies the event. */
  @Benchmark
  public Contribution contribute() {
    DataEvent e = events[advance()];
    String id = deidentifier.contributionId(e.getOrgId(), e.getEventId());
    return deidentifier.deidentify(e, id, REGION);
  }

  private int advance() {
    int i = next;
    next = i + 1 == EVENTS ? 0 : i + 1;
    return i;
  }

  /** The benchmark's i-th event: shared with {@link WireFormatBenchmark} so both measure the same records. */
  static DataEvent event(int i, Corpus.Text text) {
    Corpus.Actor a = text.actor();
    EventBuilder b =
        EventBuilder.event("evt-" + i, "org-" + (i % 50), START.plusSeconds(37L * i))
            .app(i % 3 == 0 ? "confluence" : "jira")
            .actor(a.accountId(), a.displayName(), a.email())
            .attribute("action", i % 2 == 0 ? "comment_created" : "issue_updated")
            .attribute("status", "In Progress")
            .attribute("priority", "High")
            .attribute("issueType", "Bug")
            .attribute("wordCount", Integer.toString(text.text().length() / 6))
            .attribute("summary", "Follow up with " + a.displayName()) // not allowed: dropped
            .attribute("assignee", a.email()); // not allowed: dropped
    if (i % 5 != 0) {
      b.container(i % 2 == 0 ? "ENG" : "OPS");
    }
    return i % 4 == 3 ? b.metadata().build() : b.text(text.text()).build();
  }
}
