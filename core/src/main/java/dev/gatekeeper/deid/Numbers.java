package dev.gatekeeper.deid;

/**
 * Finds payment cards, IPv4 addresses and phone numbers in runs of digit groups.
 *
 * <p>A run of groups may hold several numbers ("call 020 7946 0958 2 times"), so every stretch
 * of consecutive groups that starts and ends at a space is tried, longest first, by
 * {@link NumberKinds}. A number never starts or ends inside a group joined by '-' or '.', which
 * is what keeps dates, versions and issue keys whole.
 */
final class Numbers {
  /** Fewer digits than this can be neither a phone nor a card number. */
  private static final int MIN_DIGITS = NumberKinds.MIN_PHONE_DIGITS;

  /** Groups re-read after a truncated run, so that a number cut by the limit is seen whole. */
  private static final int OVERLAP = 8;

  private Numbers() {}

  /**
   * Records the numbers in the run starting at {@code start}: a digit, or '+' or '(' just before
   * a digit.
   *
   * @return the index where scanning resumes, always greater than {@code start}
   */
  static int scan(String text, int start, Spans out) {
    if (!startsCleanly(text, start)) {
      return skipFirstGroup(text, start);
    }
    int candidateEnd = quickReject(text, start);
    if (candidateEnd > start) {
      return candidateEnd;
    }
    NumberGroups g = NumberGroups.parse(text, start);
    if (g.count == 0) {
      return start + 1;
    }
    classify(text, g, out);
    if (g.truncated && g.count > OVERLAP) {
      return g.outerStart[g.count - OVERLAP];
    }
    return g.end;
  }

  /**
   * Cheap filter before parsing: returns the end of the loose run of digits and separators at
   * {@code start} when it has too few digits and dots to hold any number this class looks for,
   * else -1. Every number starting inside that run also ends inside it, so it is safe to skip.
   */
  private static int quickReject(String text, int start) {
    int n = text.length();
    int digitCount = 0;
    int dots = 0;
    int gap = 0;
    int lastDigitEnd = start;
    for (int i = start; i < n; i++) {
      char c = text.charAt(i);
      if (Chars.isAsciiDigit(c)) {
        if (++digitCount >= MIN_DIGITS) {
          return -1;
        }
        gap = 0;
        lastDigitEnd = i + 1;
      } else if (isRunPunctuation(c) && ++gap <= 3) {
        if (c == '.') {
          dots++;
        }
      } else {
        break;
      }
    }
    if (dots >= 3 && digitCount >= 4) {
      return -1;
    }
    return Math.max(lastDigitEnd, start + 1);
  }

  private static boolean isRunPunctuation(char c) {
    return c == '-' || c == '.' || c == '(' || c == ')' || c == '+' || Chars.isGroupSpace(c);
  }

  /**
   * Cards first, over all groups, since a Luhn-valid 13–19 digit number is the most specific
   * reading; then IPv4 addresses and phone numbers over the groups no card claimed.
   */
  private static void classify(String text, NumberGroups g, Spans out) {
    boolean[] claimed = new boolean[g.count];
    claim(text, g, claimed, true, out);
    claim(text, g, claimed, false, out);
  }

  private static void claim(
      String text, NumberGroups g, boolean[] claimed, boolean cards, Spans out) {
    int a = 0;
    while (a < g.count) {
      if (claimed[a] || (a > 0 && g.sepBefore[a] != ' ')) {
        a++;
        continue;
      }
      int last = a;
      int sum = g.digits[a];
      while (last + 1 < g.count && !claimed[last + 1]
          && sum + g.digits[last + 1] <= NumberKinds.MAX_CARD_DIGITS) {
        last++;
        sum += g.digits[last];
      }
      int found = -1;
      Placeholder type = null;
      int fewest = cards ? NumberKinds.MIN_CARD_DIGITS : NumberKinds.MIN_IPV4_DIGITS;
      for (int b = last; b >= a && type == null && sum >= fewest; b--) {
        if (endsCleanly(text, g, b)) {
          type = cards ? NumberKinds.card(text, g, a, b) : NumberKinds.ipOrPhone(text, g, a, b);
          found = b;
        }
        sum -= g.digits[b];
      }
      if (type != null) {
        int from = a == 0 ? g.start : g.outerStart[a];
        out.add(from, g.outerEnd[found], type);
        for (int k = a; k <= found; k++) {
          claimed[k] = true;
        }
        a = found + 1;
      } else {
        a++;
      }
    }
  }

  /**
   * A number may not continue a word, a decimal, a version, an amount or an issue key: the
   * character before it must not be a word character or one of {@code . , - + \ $ € £ ¥ %}.
   */
  private static boolean startsCleanly(String text, int start) {
    if (start == 0) {
      return true;
    }
    char c = text.charAt(start - 1);
    if (Chars.isWordChar(c)) {
      return false;
    }
    switch (c) {
      case '.':
      case ',':
      case '-':
      case '+':
      case '\\':
      case '$':
      case '€':
      case '£':
      case '¥':
      case '%':
        return false;
      default:
        return true;
    }
  }

  /**
   * Whether groups may end after group {@code b}: at a space, or where the run ends and no word,
   * percent sign, decimal part or version suffix follows.
   */
  private static boolean endsCleanly(String text, NumberGroups g, int b) {
    if (b + 1 < g.count) {
      return g.sepBefore[b + 1] == ' ';
    }
    if (g.truncated) {
      return false;
    }
    int n = text.length();
    if (g.end >= n) {
      return true;
    }
    char c = text.charAt(g.end);
    if (Chars.isWordChar(c) || c == '%') {
      return false;
    }
    // "1,250", "1.2.3.4-beta" and "2.4.0+build" continue a number or a version.
    char after = g.end + 1 < n ? text.charAt(g.end + 1) : ' ';
    boolean digitAfter = Chars.isAsciiDigit(after);
    boolean alnumAfter = Chars.isAsciiAlnum(after);
    return !((digitAfter && (c == ',' || c == '.')) || (alnumAfter && (c == '-' || c == '+')));
  }

  private static int skipFirstGroup(String text, int start) {
    int n = text.length();
    int i = start;
    while (i < n && (text.charAt(i) == '+' || text.charAt(i) == '(')) {
      i++;
    }
    while (i < n && Chars.isAsciiDigit(text.charAt(i))) {
      i++;
    }
    return Math.max(i, start + 1);
  }
}
