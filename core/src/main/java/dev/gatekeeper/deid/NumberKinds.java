package dev.gatekeeper.deid;

/** Decides what a stretch of {@link NumberGroups} is: a payment card, an IPv4 address, a phone. */
final class NumberKinds {
  static final int MIN_PHONE_DIGITS = 8;
  static final int MIN_IPV4_DIGITS = 4;
  static final int MIN_CARD_DIGITS = 13;
  static final int MAX_CARD_DIGITS = 19;

  private static final int MAX_INTERNATIONAL_DIGITS = 15;
  private static final int MIN_NATIONAL_DIGITS = 9;
  private static final int MAX_NATIONAL_DIGITS = 12;
  private static final int MIN_UNSEPARATED_DIGITS = 10;
  private static final int MAX_UNSEPARATED_DIGITS = 11;

  private NumberKinds() {}

  /**
   * {@link Placeholder#CARD} when groups {@code a..b} are a Luhn-valid 13–19 digit number with
   * one kind of separator (space or '-') or none, else null. No issuer number starts with 0,
   * which keeps zero-prefixed phones and ids from being cards.
   */
  static Placeholder card(String text, NumberGroups g, int a, int b) {
    if ((a == 0 && g.plus) || text.charAt(g.outerStart[a]) == '0') {
      return null;
    }
    int digitCount = 0;
    for (int k = a; k <= b; k++) {
      if (g.paren[k]) {
        return null;
      }
      digitCount += g.digits[k];
    }
    char sep = 0;
    for (int k = a + 1; k <= b; k++) {
      char s = g.sepBefore[k];
      if (s == '.' || (sep != 0 && s != sep)) {
        return null;
      }
      sep = s;
    }
    boolean card = digitCount >= MIN_CARD_DIGITS && digitCount <= MAX_CARD_DIGITS
        && Luhn.isValid(text, g.outerStart[a], g.outerEnd[b]);
    return card ? Placeholder.CARD : null;
  }

  /**
   * {@link Placeholder#IP} for four dot-separated groups with valid octets, {@link
   * Placeholder#PHONE} for an international or national phone number, else null.
   */
  static Placeholder ipOrPhone(String text, NumberGroups g, int a, int b) {
    boolean plus = a == 0 && g.plus;
    int digitCount = 0;
    boolean anyParen = false;
    for (int k = a; k <= b; k++) {
      digitCount += g.digits[k];
      anyParen |= g.paren[k];
    }
    boolean space = false;
    boolean dash = false;
    boolean dot = false;
    for (int k = a + 1; k <= b; k++) {
      char s = g.sepBefore[k];
      space |= s == ' ';
      dash |= s == '-';
      dot |= s == '.';
    }
    if (!plus && !anyParen && b - a == 3 && dot && !space && !dash && isIpv4(text, g, a)) {
      return Placeholder.IP;
    }
    if (dot && (space || dash || anyParen)) {
      return null;
    }
    if (plus) {
      // E.164 allows 15 digits; a parenthesised trunk "(0)" is written but not dialled.
      int limit = MAX_INTERNATIONAL_DIGITS + (anyParen ? 1 : 0);
      return digitCount >= MIN_PHONE_DIGITS && digitCount <= limit ? Placeholder.PHONE : null;
    }
    return isNationalPhone(text, g, a, b, digitCount) ? Placeholder.PHONE : null;
  }

  /**
   * A national-format phone number: North American 3-3-4 (optionally after a 1, the area code
   * optionally in parentheses); a trunk-prefixed number such as {@code 020 7946 0958},
   * {@code 07700 900123}, {@code 01 23 45 67 89} or unseparated {@code 07700900123}; or one
   * dialled with the 00 international prefix. Requiring one of these shapes is what keeps lists
   * of counts, zero-padded ids and plain long numbers out.
   */
  private static boolean isNationalPhone(
      String text, NumberGroups g, int a, int b, int digitCount) {
    int groups = b - a + 1;
    int first = g.outerStart[a] + (g.paren[a] ? 1 : 0);
    boolean trunk = g.digits[a] >= 2 && text.charAt(first) == '0'
        && text.charAt(first + 1) != '0';
    boolean international = g.digits[a] >= 3 && text.charAt(first) == '0'
        && text.charAt(first + 1) == '0' && text.charAt(first + 2) != '0';
    if (international) {
      return digitCount - 2 >= MIN_PHONE_DIGITS && digitCount - 2 <= MAX_INTERNATIONAL_DIGITS;
    }
    if (groups == 1) {
      return trunk && digitCount >= MIN_UNSEPARATED_DIGITS && digitCount <= MAX_UNSEPARATED_DIGITS;
    }
    if (digitCount < MIN_NATIONAL_DIGITS || digitCount > MAX_NATIONAL_DIGITS) {
      return false;
    }
    int area = a;
    if (groups == 4 && g.digits[a] == 1 && text.charAt(first) == '1') {
      area = a + 1;
    }
    if (b - area == 2 && g.digits[area] == 3 && g.digits[area + 1] == 3
        && g.digits[area + 2] == 4) {
      return true;
    }
    if (!trunk || g.digits[a] > 5) {
      return false;
    }
    for (int k = a + 1; k <= b; k++) {
      if (g.digits[k] < 2) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv4(String text, NumberGroups g, int a) {
    for (int k = a; k < a + 4; k++) {
      if (g.digits[k] > 3) {
        return false;
      }
      int value = Integer.parseInt(text, g.outerStart[k], g.outerEnd[k], 10);
      if (value > 255) {
        return false;
      }
    }
    return true;
  }
}
