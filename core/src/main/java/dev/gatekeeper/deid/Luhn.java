package dev.gatekeeper.deid;

/** The Luhn (mod 10) checksum that every payment card number satisfies. */
final class Luhn {
  private Luhn() {}

  /**
   * Whether the ASCII digits in {@code text[start, end)} pass the Luhn check. Characters that
   * are not ASCII digits (card separators) are skipped; fewer than two digits never pass.
   */
  static boolean isValid(CharSequence text, int start, int end) {
    int sum = 0;
    int digits = 0;
    for (int i = end - 1; i >= start; i--) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if ((digits & 1) == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      digits++;
    }
    return digits >= 2 && sum % 10 == 0;
  }
}
