package dev.gatekeeper.deid;

/**
 * A run of digit groups as phone, card and IPv4 numbers are written: an optional leading '+',
 * then groups of digits or parenthesised digits ({@code (020)}, {@code (0)}), each separated
 * by one space, '-' or '.', or by nothing next to a parenthesis. Parsing stops at the first
 * character that does not continue this shape, and after {@link #MAX_GROUPS} groups.
 */
final class NumberGroups {
  static final int MAX_GROUPS = 24;

  private static final int MAX_PAREN_DIGITS = 5;

  /** Index of the '+' or of the first group. */
  final int start;

  boolean plus;
  int count;
  /** Index just after the last group. */
  int end;
  /** Whether more groups follow the last one parsed. */
  boolean truncated;

  /** Per group: where it starts and ends including any parentheses, and how many digits. */
  final int[] outerStart = new int[MAX_GROUPS];

  final int[] outerEnd = new int[MAX_GROUPS];
  final int[] digits = new int[MAX_GROUPS];
  final boolean[] paren = new boolean[MAX_GROUPS];
  /** The separator before each group: ' ' (any group space), '-', '.', or 0 for none. */
  final char[] sepBefore = new char[MAX_GROUPS];

  private NumberGroups(int start) {
    this.start = start;
    this.end = start;
  }

  /** Parses the groups starting at {@code start} (a digit, or '+' or '(' before a digit). */
  static NumberGroups parse(String text, int start) {
    NumberGroups g = new NumberGroups(start);
    int n = text.length();
    int i = start;
    if (text.charAt(i) == '+') {
      g.plus = true;
      i++;
    }
    char sep = 0;
    while (i < n) {
      if (g.count == MAX_GROUPS) {
        g.truncated = true;
        break;
      }
      char c = text.charAt(i);
      if (c == '(') {
        int j = i + 1;
        while (j < n && j - i <= MAX_PAREN_DIGITS && Chars.isAsciiDigit(text.charAt(j))) {
          j++;
        }
        if (j == i + 1 || j - i > MAX_PAREN_DIGITS + 1 || j >= n || text.charAt(j) != ')') {
          break;
        }
        g.add(i, j + 1, j - i - 1, true, sep);
        i = j + 1;
      } else if (Chars.isAsciiDigit(c)) {
        int j = i + 1;
        while (j < n && Chars.isAsciiDigit(text.charAt(j))) {
          j++;
        }
        g.add(i, j, j - i, false, sep);
        i = j;
      } else {
        break;
      }
      if (i >= n) {
        break;
      }
      c = text.charAt(i);
      char after = i + 1 < n ? text.charAt(i + 1) : 0;
      boolean lastWasParen = g.paren[g.count - 1];
      if ((Chars.isGroupSpace(c) || c == '-' || c == '.') && Chars.isAsciiDigit(after)) {
        sep = Chars.isGroupSpace(c) ? ' ' : c;
        i++;
      } else if (Chars.isGroupSpace(c) && after == '(') {
        sep = ' ';
        i++;
      } else if (c == '(' || (lastWasParen && Chars.isAsciiDigit(c))) {
        sep = 0;
      } else {
        break;
      }
    }
    return g;
  }

  private void add(int from, int to, int digitCount, boolean parenthesised, char separator) {
    outerStart[count] = from;
    outerEnd[count] = to;
    digits[count] = digitCount;
    paren[count] = parenthesised;
    sepBefore[count] = count == 0 ? 0 : separator;
    count++;
    end = to;
  }
}
