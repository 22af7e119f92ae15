package dev.gatekeeper.json;

/**
 * A plain-JSON value that does not fit its Avro schema.
 *
 * <p>The message is {@code "<path>: <problem>"}, for example {@code "actor.accountId: required
 * field missing"} or {@code "products[0].plan: unknown symbol for enum Plan"}. The path uses
 * {@code .} between field names, {@code [i]} for array elements and {@code {i}} for the i-th
 * (zero-based) entry of a map; {@value #ROOT} stands for the value as a whole.
 *
 * <p>Neither the message nor the path ever contains the offending value, nor a map key, because
 * both may be personal data and these messages end up in logs. For the same reason the exception
 * never carries a cause: parser exceptions echo their input.
 */
public final class PlainJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The path that names the value as a whole. */
  public static final String ROOT = "(root)";

  /** Where the problem is. */
  private final String path;
  /** What is wrong, without the offending value. */
  private final String problem;

  /**
   * @param path where the problem is, in the notation above; empty means {@link #ROOT}
   * @param problem what is wrong, without the offending value
   */
  public PlainJsonException(String path, String problem) {
    super((path.isEmpty() ? ROOT : path) + ": " + problem, null, false, true);
    this.path = path.isEmpty() ? ROOT : path;
    this.problem = problem;
  }

  /** @return where the problem is, e.g. {@code products[0].plan} */
  public String path() {
    return path;
  }

  /** @return what is wrong, e.g. {@code unknown symbol for enum Plan} */
  public String problem() {
    return problem;
  }
}
