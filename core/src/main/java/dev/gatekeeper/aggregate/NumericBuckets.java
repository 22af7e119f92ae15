package dev.gatekeeper.aggregate;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a numeric attribute value into the half-open interval of configured edges it falls in,
 * so that counts and durations group into buckets many orgs share instead of one bucket per
 * exact value. Edges are strictly increasing; a value below the first edge falls in
 * {@code (-inf,e0)}, one at or above the last in {@code [eN,+inf)}.
 */
public final class NumericBuckets {
  /**
   * A 1-2-5 series from 0 to ten million: counts (comments, watchers, words) and durations in
   * milliseconds are heavy-tailed, so log-spaced edges keep each bucket populated by many orgs
   * while still telling 3 from 300.
   */
  public static final String DEFAULT_EDGES =
      "0,1,2,5,10,20,50,100,200,500,1000,2000,5000,10000,20000,50000,100000,200000,500000,"
          + "1000000,2000000,5000000,10000000";

  /** Plain decimal numbers only: "1e3", "0x10", "NaN" and padded text are categorical values. */
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,9})?");

  private final BigDecimal[] edges;
  private final String[] labels;

  private NumericBuckets(BigDecimal[] edges) {
    if (edges.length == 0) {
      throw new IllegalArgumentException("give at least one edge");
    }
    for (int i = 1; i < edges.length; i++) {
      if (edges[i].compareTo(edges[i - 1]) <= 0) {
        throw new IllegalArgumentException("edges must be strictly increasing, but " + edges[i].toPlainString()
            + " follows " + edges[i - 1].toPlainString());
      }
    }
    this.edges = edges;
    this.labels = new String[edges.length + 1];
    labels[0] = "(-inf," + edges[0].toPlainString() + ")";
    for (int i = 0; i < edges.length; i++) {
      String upper = i + 1 < edges.length ? edges[i + 1].toPlainString() + ")" : "+inf)";
      labels[i + 1] = "[" + edges[i].toPlainString() + "," + upper;
    }
  }

  /** @param text comma-separated numbers, e.g. {@code 0,10,100} */
  public static NumericBuckets parse(String text) {
    String[] parts = text.strip().split("\\s*,\\s*");
    BigDecimal[] edges = new BigDecimal[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        edges[i] = new BigDecimal(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + parts[i] + "' is not a number");
      }
    }
    return new NumericBuckets(edges);
  }

  public static NumericBuckets defaults() {
    return parse(DEFAULT_EDGES);
  }

  /** The interval label of a plain decimal number; empty for any other value. */
  public Optional<String> label(String value) {
    if (value.length() > 28 || !NUMBER.matcher(value).matches()) {
      return Optional.empty();
    }
    BigDecimal v = new BigDecimal(value);
    int lo = 0;
    int hi = edges.length;
    // Index of the first edge greater than v: the label just below it.
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid].compareTo(v) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return Optional.of(labels[lo]);
  }

  @Override
  public String toString() {
    return Arrays.stream(edges).map(BigDecimal::toPlainString).collect(Collectors.joining(","));
  }
}
