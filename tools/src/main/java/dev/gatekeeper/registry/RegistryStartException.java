package dev.gatekeeper.registry;

/** Why a schema registry child process could not be started; the message says what to fix. */
public final class RegistryStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The broad cause, which the command maps to an exit status. */
  public enum Reason {
    /** The Apicurio distribution is not where {@link RegistryHome} looks. */
    DISTRIBUTION_MISSING,
    /** The requested port is already bound on 127.0.0.1. */
    PORT_IN_USE,
    /** The data directory cannot be created or holds unrelated files. */
    DATA_DIR_UNUSABLE,
    /** The child exited before it was ready. */
    EXITED,
    /** The child did not become ready in time. */
    TIMED_OUT,
    /** Ready, but the start-up configuration (global compatibility) was refused. */
    NOT_CONFIGURED
  }

  private final Reason reason;

  public RegistryStartException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RegistryStartException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
