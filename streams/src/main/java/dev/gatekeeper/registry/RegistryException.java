package dev.gatekeeper.registry;

/**
 * The registry refused or could not answer a request. Subclasses name the cases a caller acts
 * on; the message names the request (method and path), the HTTP status, and the registry's
 * error code and text, never a credential.
 */
public class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int errorCode;

  /**
   * @param status the HTTP status, or -1 when no answer came
   * @param errorCode the Confluent error code (e.g. 40403), or -1 when the answer had none
   */
  public RegistryException(String message, int status, int errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }
}
