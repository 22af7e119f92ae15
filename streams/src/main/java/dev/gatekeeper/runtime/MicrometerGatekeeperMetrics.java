package dev.gatekeeper.runtime;

import dev.gatekeeper.deid.Placeholder;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.topology.GatekeeperMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The gatekeeper's counters in a Micrometer registry. Every label value comes from a closed set
 * ({@link Outcome}, {@link Reason}, {@link Placeholder}, the input roles, error class names):
 * never an org id or payload text. In Prometheus:
 *
 * <ul>
 *   <li>{@code gatekeeper_decisions_total{outcome,reason}}: decisions written (REVOKED ones are
 *       the revocations)
 *   <li>{@code gatekeeper_revocation_receipts_total}: revocation receipts written
 *   <li>{@code gatekeeper_dead_letters_total{input,cause}}: dead letters written
 *   <li>{@code gatekeeper_placeholders_total{type}}: placeholders in the contributions written
 *   <li>{@code gatekeeper_aggregate_buckets_published_total} and
 *       {@code gatekeeper_aggregate_buckets_withdrawn_total}: aggregate records and tombstones
 * </ul>
 *
 * Counters that can be made up front (receipts, placeholders, buckets) exist from the start at
 * zero; a decision or dead-letter series appears with its first record. Thread-safe.
 */
public final class MicrometerGatekeeperMetrics implements GatekeeperMetrics {
  public static final String DECISIONS = "gatekeeper.decisions";
  public static final String RECEIPTS = "gatekeeper.revocation.receipts";
  public static final String DEAD_LETTERS = "gatekeeper.dead.letters";
  public static final String PLACEHOLDERS = "gatekeeper.placeholders";
  public static final String BUCKETS_PUBLISHED = "gatekeeper.aggregate.buckets.published";
  public static final String BUCKETS_WITHDRAWN = "gatekeeper.aggregate.buckets.withdrawn";

  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final Reason[] REASONS = Reason.values();

  private final MeterRegistry registry;
  /** By outcome ordinal * reasons + reason ordinal, registered on first use. */
  private final AtomicReferenceArray<Counter> decisions = new AtomicReferenceArray<>(OUTCOMES.length * REASONS.length);
  private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
  private final Counter[] placeholders = new Counter[Placeholder.values().length];
  private final Counter receipts;
  private final Counter bucketsPublished;
  private final Counter bucketsWithdrawn;

  public MicrometerGatekeeperMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Placeholder type : Placeholder.values()) {
      placeholders[type.ordinal()] = Counter.builder(PLACEHOLDERS)
          .description("Placeholders written into contributions in place of personal or secret data, by type")
          .tag("type", type.name())
          .register(registry);
    }
    this.receipts = Counter.builder(RECEIPTS)
        .description("Revocation receipts written: settings records that revoked at least one contribution")
        .register(registry);
    this.bucketsPublished = Counter.builder(BUCKETS_PUBLISHED)
        .description("Aggregate bucket records published (a bucket of at least k orgs, new or with new counts)")
        .register(registry);
    this.bucketsWithdrawn = Counter.builder(BUCKETS_WITHDRAWN)
        .description("Aggregate buckets withdrawn (tombstoned) after falling below k orgs")
        .register(registry);
  }

  @Override
  public void decided(Outcome outcome, Reason reason) {
    int i = outcome.ordinal() * REASONS.length + reason.ordinal();
    Counter c = decisions.get(i);
    if (c == null) {
      // Registering is idempotent: two threads racing here get the same counter.
      c = Counter.builder(DECISIONS)
          .description("Decisions written to the decisions topic, by outcome and reason code")
          .tag("outcome", outcome.name())
          .tag("reason", reason.name())
          .register(registry);
      decisions.set(i, c);
    }
    c.increment();
  }

  @Override
  public void receipt() {
    receipts.increment();
  }

  @Override
  public void deadLetter(String input, String cause) {
    deadLetters
        .computeIfAbsent(input + '\n' + cause, k -> Counter.builder(DEAD_LETTERS)
            .description("Input records written to the dead-letter topic, by input and cause (error class)")
            .tag("input", input)
            .tag("cause", cause)
            .register(registry))
        .increment();
  }

  @Override
  public void placeholders(Placeholder type, int count) {
    placeholders[type.ordinal()].increment(count);
  }

  @Override
  public void bucketPublished() {
    bucketsPublished.increment();
  }

  @Override
  public void bucketWithdrawn() {
    bucketsWithdrawn.increment();
  }
}
