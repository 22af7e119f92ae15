package dev.gatekeeper.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the HMAC secret from a file or an environment variable. A single trailing line break is
 * dropped (files written with {@code echo} have one), so the same secret reads the same
 * everywhere. Never logs the secret; error messages name only where it was looked for.
 */
public final class Secrets {
  private Secrets() {}

  public static byte[] fromFile(Path file) {
    try {
      return trimNewline(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(java.util.List.of("the HMAC secret file " + file + " does not exist; create one with: head -c 32 /dev/urandom | base64 > FILE"));
    } catch (IOException e) {
      throw new ConfigException(java.util.List.of("the HMAC secret file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
  }

  public static byte[] fromEnvironmentValue(String value) {
    return trimNewline(value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] trimNewline(byte[] b) {
    int n = b.length;
    if (n > 0 && b[n - 1] == '\n') {
      n--;
      if (n > 0 && b[n - 1] == '\r') {
        n--;
      }
    }
    return n == b.length ? b : Arrays.copyOf(b, n);
  }
}
