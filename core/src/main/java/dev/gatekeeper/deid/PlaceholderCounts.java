package dev.gatekeeper.deid;

import java.util.function.ObjIntConsumer;

/**
 * How many placeholders of each type a de-identification wrote, counted while the text is
 * rendered (no second pass over it). Holds counts only, never text. Not thread-safe: one per
 * caller, reused across calls with {@link #drain}.
 */
public final class PlaceholderCounts {
  private static final Placeholder[] TYPES = Placeholder.values();

  private final int[] counts = new int[TYPES.length];
  private int total;

  void add(Placeholder type) {
    counts[type.ordinal()]++;
    total++;
  }

  /** The count of {@code type} since the last {@link #drain}. */
  public int get(Placeholder type) {
    return counts[type.ordinal()];
  }

  /** Every placeholder since the last {@link #drain}. */
  public int total() {
    return total;
  }

  /** Hands each non-zero count to {@code sink}, then starts again from zero. */
  public void drain(ObjIntConsumer<Placeholder> sink) {
    if (total == 0) {
      return;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        sink.accept(TYPES[i], counts[i]);
        counts[i] = 0;
      }
    }
    total = 0;
  }
}
