package dev.gatekeeper.registry;

/** No such subject, version or schema id (HTTP 404; Confluent codes 40401, 40402, 40403). */
public final class SchemaNotFoundException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public SchemaNotFoundException(String message, int status, int errorCode, Throwable cause) {
    super(message, status, errorCode, cause);
  }
}
