package dev.gatekeeper.registry;

/** The registry could not parse the schema, or rejected the request as malformed (HTTP 422; 42201, 42202, 42203). */
public final class InvalidSchemaException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public InvalidSchemaException(String message, int status, int errorCode, Throwable cause) {
    super(message, status, errorCode, cause);
  }
}
