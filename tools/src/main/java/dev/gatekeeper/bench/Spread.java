package dev.gatekeeper.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The median and the range (min–max) of repeated measurements: with a handful of passes on shared
 * cores, the median resists one disturbed pass and the range shows how far the passes agree.
 *
 * @param values the measurements in the order they were taken
 */
record Spread(double median, double min, double max, List<Double> values) {
  Spread {
    values = List.copyOf(values);
  }

  /** @throws IllegalArgumentException when there is no value, or one is not a finite number */
  static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (Arrays.stream(sorted).anyMatch(v -> !Double.isFinite(v))) {
      throw new IllegalArgumentException("not a finite number among " + values);
    }
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Spread(median, sorted[0], sorted[n - 1], values);
  }

  /** For the JSON line: median, min, max and every value, rounded to {@code digits} (whole numbers at 0). */
  Map<String, Object> toMap(int digits) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median", rounded(median, digits));
    m.put("min", rounded(min, digits));
    m.put("max", rounded(max, digits));
    m.put("passes", values.stream().map(v -> rounded(v, digits)).toList());
    return m;
  }

  /** A whole number when {@code digits} is 0, so that rates read as 52000 rather than 52000.0. */
  private static Object rounded(double v, int digits) {
    return digits == 0 ? (Object) Math.round(v) : (Object) BenchRun.round(v, digits);
  }
}
