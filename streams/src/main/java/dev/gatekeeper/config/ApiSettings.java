package dev.gatekeeper.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin API's settings: where it listens, the host other instances reach it by (Kafka
 * Streams' {@code application.server}, so that each instance can tell which one owns an org),
 * and the bearer token every request must carry. Without a token the API listens only on a
 * loopback address. {@link #toString()} never shows the token.
 *
 * @param port 0 when the API is off
 * @param token empty when requests need none (a loopback bind without api.token-file)
 */
public record ApiSettings(int port, String bind, String advertisedHost, Optional<String> token) {
  /** At least this many characters: a token is a shared secret, not a password to remember. */
  public static final int MIN_TOKEN_LENGTH = 16;

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]+");

  /** No admin API. */
  public static ApiSettings off() {
    return new ApiSettings(0, "127.0.0.1", "127.0.0.1", Optional.empty());
  }

  public boolean enabled() {
    return port != 0;
  }

  /** {@code host:port} the other instances reach this one by. */
  public String advertised() {
    return advertisedHost + ":" + port;
  }

  @Override
  public String toString() {
    return "ApiSettings[port=" + port + ", bind=" + bind + ", advertisedHost=" + advertisedHost + ", token="
        + (token.isPresent() ? "<redacted>" : "none") + "]";
  }

  /**
   * Reads a token file: one line of token characters (a trailing line break is dropped).
   *
   * @throws ConfigException saying what is wrong with the file, never quoting it
   */
  public static String readToken(Path file) {
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of("the token file " + file + " does not exist; create one with: head -c 32 /dev/urandom | base64 > FILE"));
    } catch (IOException e) {
      throw new ConfigException(List.of("the token file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    if (text.length() < MIN_TOKEN_LENGTH || !TOKEN.matcher(text).matches()) {
      throw new ConfigException(List.of("the token file " + file + " must hold one token of at least " + MIN_TOKEN_LENGTH
          + " letters, digits or ._~+/=- characters; create one with: head -c 32 /dev/urandom | base64 > FILE"));
    }
    return text;
  }
}
