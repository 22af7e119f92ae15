package dev.gatekeeper.deid;

import java.util.Arrays;

/**
 * The findings of one {@link Scrubber#scrub} call and the rendering of the scrubbed text.
 *
 * <p>Findings may be added in any order and may overlap. Overlapping findings are merged into
 * one placeholder that covers their union (so that nothing either rule matched survives) and
 * takes the type that ranks first in the order the {@link Scrubber} Javadoc gives. Findings
 * that merely touch stay separate placeholders. Not thread-safe: one instance per call.
 */
final class Spans {
  /** Which placeholder wins when findings overlap; see the {@link Scrubber} class Javadoc. */
  private static final Placeholder[] RANK_ORDER = {
    Placeholder.URL,
    Placeholder.SECRET,
    Placeholder.EMAIL,
    Placeholder.MENTION,
    Placeholder.IBAN,
    Placeholder.CARD,
    Placeholder.NATIONAL_ID,
    Placeholder.IP,
    Placeholder.PHONE,
    Placeholder.ADDRESS,
    Placeholder.NAME,
  };

  private static final int[] RANK = new int[Placeholder.values().length];

  static {
    for (int r = 0; r < RANK_ORDER.length; r++) {
      RANK[RANK_ORDER[r].ordinal()] = r;
    }
  }

  private int[] starts;
  private int[] ends;
  private Placeholder[] types;
  private int size;

  /** How many findings have been added so far. */
  int size() {
    return size;
  }

  /** Records that {@code [start, end)} is to become {@code type}; empty ranges are ignored. */
  void add(int start, int end, Placeholder type) {
    if (end <= start) {
      return;
    }
    if (starts == null) {
      starts = new int[8];
      ends = new int[8];
      types = new Placeholder[8];
    } else if (size == starts.length) {
      int grown = size * 2;
      starts = Arrays.copyOf(starts, grown);
      ends = Arrays.copyOf(ends, grown);
      types = Arrays.copyOf(types, grown);
    }
    starts[size] = start;
    ends[size] = end;
    types[size] = type;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * The text with every recorded range replaced; {@code text} itself when nothing was recorded.
   *
   * @param counts counts each placeholder written; may be null
   */
  String render(String text, PlaceholderCounts counts) {
    if (size == 0) {
      return text;
    }
    Placeholder[] all = Placeholder.values();
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int[] f : merged()) {
      Placeholder type = all[f[2]];
      out.append(text, copied, f[0]).append(type.token());
      if (counts != null) {
        counts.add(type);
      }
      copied = f[1];
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * The merged findings in text order, as {@link Scrubber#render} would write them: each entry
   * is {start, end, placeholder ordinal}.
   */
  int[][] merged() {
    long[] order = new long[size];
    for (int k = 0; k < size; k++) {
      order[k] = ((long) starts[k] << 32) | k;
    }
    Arrays.sort(order);
    int[][] out = new int[size][];
    int found = 0;
    int k = 0;
    while (k < size) {
      int first = (int) order[k];
      int start = starts[first];
      int end = ends[first];
      Placeholder type = types[first];
      k++;
      while (k < size && starts[(int) order[k]] < end) {
        int next = (int) order[k];
        end = Math.max(end, ends[next]);
        if (RANK[types[next].ordinal()] < RANK[type.ordinal()]) {
          type = types[next];
        }
        k++;
      }
      out[found++] = new int[] {start, end, type.ordinal()};
    }
    return Arrays.copyOf(out, found);
  }
}
