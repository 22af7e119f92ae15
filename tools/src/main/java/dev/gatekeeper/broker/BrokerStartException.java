package dev.gatekeeper.broker;

/**
 * The broker did not become ready. The message says why in one sentence and, when the child
 * ran, names its log file and quotes its last error line (broker log lines carry no record data).
 */
public final class BrokerStartException extends RuntimeException {
  /** Why the start failed; the first three are for the user to fix. */
  public enum Reason {
    PORT_IN_USE,
    DATA_DIR_IN_USE,
    DATA_DIR_UNUSABLE,
    FORMAT_FAILED,
    EXITED,
    TIMED_OUT
  }

  private final Reason reason;

  public BrokerStartException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public BrokerStartException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
