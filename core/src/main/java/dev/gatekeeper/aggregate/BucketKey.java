package dev.gatekeeper.aggregate;

import java.time.Instant;
import java.util.Objects;

/**
 * One aggregate bucket: {@code (app, attribute, value)} in the window starting at {@code
 * windowStart}, within a residency region or global ({@code region} null). Its string form is
 * the key on the aggregates topic: {@code app|attribute|value|windowStart[|region]} with '%'
 * and '|' percent-encoded inside components, so that it parses back unambiguously.
 */
public record BucketKey(String app, String attribute, String value, long windowStart, String region) {

  public BucketKey {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
  }

  public String encode() {
    StringBuilder b = new StringBuilder(app.length() + attribute.length() + value.length() + 32);
    escape(b, app).append('|');
    escape(b, attribute).append('|');
    escape(b, value).append('|').append(WindowText.format(windowStart));
    if (region != null) {
      escape(b.append('|'), region);
    }
    return b.toString();
  }

  /** @throws IllegalArgumentException if {@code key} is not the form {@link #encode()} writes */
  public static BucketKey parse(String key) {
    String[] parts = key.split("\\|", -1);
    if (parts.length != 4 && parts.length != 5) {
      throw new IllegalArgumentException("not a bucket key: expected 4 or 5 '|'-separated parts");
    }
    long start;
    try {
      start = WindowText.parse(parts[3]);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a bucket key: bad window start");
    }
    return new BucketKey(
        unescape(parts[0]), unescape(parts[1]), unescape(parts[2]), start, parts.length == 5 ? unescape(parts[4]) : null);
  }

  private static StringBuilder escape(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        b.append("%25");
      } else if (c == '|') {
        b.append("%7C");
      } else {
        b.append(c);
      }
    }
    return b;
  }

  private static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    return s.replace("%7C", "|").replace("%25", "%");
  }

  /**
   * ISO-8601 text of window starts, remembering the last one per thread: nearly every bucket of a
   * moment shares its window, and formatting and parsing instants dominate a key's cost.
   */
  private static final class WindowText {
    private static final ThreadLocal<WindowText> LAST = ThreadLocal.withInitial(() -> new WindowText(Long.MIN_VALUE, ""));
    private final long millis;
    private final String text;

    private WindowText(long millis, String text) {
      this.millis = millis;
      this.text = text;
    }

    static String format(long millis) {
      WindowText last = LAST.get();
      if (last.millis != millis) {
        last = new WindowText(millis, Instant.ofEpochMilli(millis).toString());
        LAST.set(last);
      }
      return last.text;
    }

    static long parse(String text) {
      WindowText last = LAST.get();
      if (!last.text.equals(text)) {
        last = new WindowText(Instant.parse(text).toEpochMilli(), text);
        LAST.set(last);
      }
      return last.millis;
    }
  }
}
