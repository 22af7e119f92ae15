package dev.gatekeeper.bench;

import java.util.Arrays;

/** Percentiles of recorded latencies in milliseconds. */
final class Percentiles {
  private long[] values = new long[1024];
  private int size;

  void add(long millis) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = millis;
  }

  int count() {
    return size;
  }

  long at(double p) {
    if (size == 0) {
      return -1;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return sorted[Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1)];
  }
}
