package dev.gatekeeper.registry;

/** The schema breaks the subject's compatibility level (HTTP 409), e.g. a new field without a default under BACKWARD. */
public final class IncompatibleSchemaException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public IncompatibleSchemaException(String message, int status, int errorCode, Throwable cause) {
    super(message, status, errorCode, cause);
  }
}
