package dev.gatekeeper.deid;

/** Finds an email address around an '@'. */
final class Emails {
  /** Longer than RFC 5321 allows, so that an over-long local part is still removed whole. */
  private static final int MAX_LOCAL = 256;

  private static final int MAX_DOMAIN = 255;

  private Emails() {}

  /**
   * Records the email address whose '@' is at {@code at}, if there is one: a non-empty local part
   * of letters, digits and {@code ._%+-'} and a dotted domain whose last label has two or more
   * letters. Letters of any script and any case are accepted.
   *
   * @return the index just after the address, or -1 when there is none
   */
  static int scan(String text, int at, Spans out) {
    int start = at;
    int floor = Math.max(0, at - MAX_LOCAL);
    while (start > floor && isLocalChar(text.charAt(start - 1))) {
      start--;
    }
    // Quotes and dots around an address belong to the prose, not to the local part.
    while (start < at && !Character.isLetterOrDigit(text.charAt(start))) {
      start++;
    }
    if (start == at) {
      return -1;
    }
    int end = domainEnd(text, at + 1);
    if (end < 0) {
      return -1;
    }
    out.add(start, end, Placeholder.EMAIL);
    return end;
  }

  /** The end of a valid domain starting at {@code from}, or -1. */
  static int domainEnd(String text, int from) {
    int n = text.length();
    int ceiling = Math.min(n, from + MAX_DOMAIN);
    int end = from;
    while (end < ceiling && isDomainChar(text.charAt(end))) {
      end++;
    }
    while (end > from && !Character.isLetterOrDigit(text.charAt(end - 1))) {
      end--;
    }
    int lastDot = end - 1;
    while (lastDot > from && text.charAt(lastDot) != '.') {
      lastDot--;
    }
    if (lastDot <= from || end - lastDot - 1 < 2) {
      return -1;
    }
    for (int i = lastDot + 1; i < end; i++) {
      if (!Character.isLetter(text.charAt(i))) {
        return -1;
      }
    }
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      boolean labelEdge = i == from || text.charAt(i - 1) == '.';
      if (c == '.' && labelEdge) {
        return -1;
      }
    }
    return end;
  }

  private static boolean isLocalChar(char c) {
    return Character.isLetterOrDigit(c)
        || c == '.'
        || c == '_'
        || c == '%'
        || c == '+'
        || c == '-'
        || c == '\'';
  }

  private static boolean isDomainChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '.';
  }
}
