package dev.gatekeeper.topology;

import dev.gatekeeper.deid.Placeholder;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.Outcome;

/**
 * What the topology counts for operators. Every argument comes from a closed set the code
 * defines (an outcome, a reason code, a placeholder type, an input role, an error class name),
 * never an org id, an event id or payload text, so an implementation may turn each into a metric
 * label.
 *
 * <p>Each record is counted where its processor hands it on toward its sink, after that call
 * returned, so in a run without failures the counts equal what a {@code read_committed} consumer
 * of the outputs sees. Counts last as long as the process and are not transactional: when a
 * task's transaction aborts (a crash, a fenced producer, a failed commit), its records are
 * processed and counted again, so the counts may then exceed the committed outputs; they never
 * fall short of them.
 *
 * <p>Called from every stream thread at once: implementations must be thread-safe and cheap.
 * {@link #NONE} counts nothing (the test harness, replay).
 */
public interface GatekeeperMetrics {
  /** Counts nothing. */
  GatekeeperMetrics NONE = new GatekeeperMetrics() {};

  /** The input role of records read from the data-events topics. */
  String DATA_EVENTS = "data-events";

  /** The input role of records read from the org-settings topic. */
  String ORG_SETTINGS = "org-settings";

  /**
   * A decision was written to the decisions topic: an event's CONTRIBUTED or DROPPED, or a
   * contribution's REVOKED.
   */
  default void decided(Outcome outcome, Reason reason) {}

  /** A revocation receipt was written (one per settings record that revoked anything). */
  default void receipt() {}

  /**
   * An input record was written to the dead-letter topic.
   *
   * @param input {@link #DATA_EVENTS} or {@link #ORG_SETTINGS}
   * @param cause the simple name of the error class, or a code such as {@code InvalidDataEvent}
   */
  default void deadLetter(String input, String cause) {}

  /** A contribution was written with {@code count} placeholders of {@code type}. */
  default void placeholders(Placeholder type, int count) {}

  /** An aggregate bucket (of at least k orgs) was published or re-published with new counts. */
  default void bucketPublished() {}

  /** A published aggregate bucket fell below k orgs and its tombstone was written. */
  default void bucketWithdrawn() {}
}
