package dev.gatekeeper.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The broker log file, which collects the output of every start in a data directory: a marker
 * line before each child process, and the last error since the latest marker, quoted in
 * start-failure messages so that the user sees the cause without opening the file.
 */
final class BrokerLog {
  static final String MARKER = "---- ";
  private static final int MAX_BYTES = 64 * 1024;
  private static final int MAX_QUOTE = 300;

  private BrokerLog() {}

  /** Appends {@code ---- TIMESTAMP gatekeeper: MESSAGE}, creating the file if needed. */
  static void mark(Path file, String message) throws IOException {
    Files.writeString(
        file,
        MARKER + Instant.now() + " gatekeeper: " + message + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /**
   * The last line mentioning ERROR or an exception after the latest marker, looking only at the
   * file's final 64 KiB: what an earlier start logged is not this start's cause.
   */
  static Optional<String> lastError(Path file) {
    List<String> lines = tail(file);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.startsWith(MARKER)) {
        break;
      }
      if (line.contains("ERROR") || line.contains("Exception") || line.contains("Error:")) {
        return Optional.of(line.strip());
      }
    }
    return Optional.empty();
  }

  /** {@code "; last error: LINE"} or an empty string, for appending to a message. */
  static String describeLastError(Path file) {
    return lastError(file).map(line -> "; last error: " + abbreviate(line)).orElse("");
  }

  private static List<String> tail(Path file) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String abbreviate(String line) {
    return line.length() <= MAX_QUOTE ? line : line.substring(0, MAX_QUOTE) + "...";
  }
}
