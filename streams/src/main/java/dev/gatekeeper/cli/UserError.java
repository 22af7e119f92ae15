package dev.gatekeeper.cli;

/** A failure the user can fix (a bad file, option or configuration); the message says how. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
