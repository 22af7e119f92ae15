package dev.gatekeeper.deid;

import static dev.gatekeeper.deid.Chars.charAt;

/**
 * Finds International Bank Account Numbers (ISO 13616): a two-letter country code, two check
 * digits and up to 30 letters or digits, written compact ({@code DE89370400440532013000}) or in
 * groups of four separated by single spaces ({@code DE89 3704 0044 0532 0130 00}), in either
 * case. A candidate counts only when its mod-97 remainder is 1 and, for a country in the
 * registry, when it has that country's length: this is what tells an account number from a
 * code-like word followed by digits.
 */
final class Iban {
  private static final int MIN_LENGTH = 15;
  private static final int MAX_LENGTH = 34;

  /**
   * IBAN lengths of the countries in the ISO 13616 registry, as country code followed by
   * length. A country missing here (a newer or partial member) is accepted at any length from
   * {@link #MIN_LENGTH} to {@link #MAX_LENGTH}; the check digits still have to hold.
   */
  private static final String REGISTRY =
      "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 "
          + "DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 "
          + "HN28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 "
          + "LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 "
          + "PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 "
          + "TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";

  /** Length by country code, indexed {@code (first - 'A') * 26 + (second - 'A')}; 0 unknown. */
  private static final byte[] LENGTHS = new byte[26 * 26];

  static {
    for (String entry : REGISTRY.split(" ")) {
      LENGTHS[(entry.charAt(0) - 'A') * 26 + entry.charAt(1) - 'A'] =
          Byte.parseByte(entry.substring(2));
    }
  }

  private Iban() {}

  /**
   * Records the IBAN whose check digits start at {@code firstDigit}, just after its two-letter
   * country code.
   *
   * @return the index just after the IBAN, or -1 when there is none
   */
  static int scan(String text, int firstDigit, Spans out) {
    int start = firstDigit - 2;
    if (start < 0 || Chars.wordCharBefore(text, start)
        || !Chars.isAsciiLetter(text.charAt(start))
        || !Chars.isAsciiLetter(text.charAt(start + 1))
        || !Chars.isAsciiDigit(charAt(text, firstDigit + 1))) {
      return -1;
    }
    int check = (text.charAt(firstDigit) - '0') * 10 + text.charAt(firstDigit + 1) - '0';
    if (check < 2 || check > 98) {
      return -1;
    }
    int country = (upper(text.charAt(start)) - 'A') * 26 + upper(text.charAt(start + 1)) - 'A';
    int expected = LENGTHS[country];
    // Characters read so far, and the index in the text just after the k-th of them for each k
    // at which the number may end: after a full group (before its space) or at the end of the run.
    int[] endAt = new int[MAX_LENGTH + 1];
    int n = text.length();
    int count = 0;
    int i = start;
    while (i < n && count < MAX_LENGTH) {
      char c = text.charAt(i);
      if (Chars.isAsciiAlnum(c)) {
        count++;
        i++;
        endAt[count] = i;
      } else if (Chars.isGroupSpace(c) && count % 4 == 0
          && Chars.isAsciiAlnum(charAt(text, i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (expected > 0) {
      return expected <= count && endsCleanly(text, endAt[expected])
          && isValid(text, start, endAt[expected])
          ? record(start, endAt[expected], out)
          : -1;
    }
    // Unknown length: the longest reading that ends at a boundary and whose check digits hold,
    // so that a word read as a last short group is given back.
    for (int k = count; k >= MIN_LENGTH; k--) {
      if ((k == count || k % 4 == 0) && endsCleanly(text, endAt[k])
          && isValid(text, start, endAt[k])) {
        return record(start, endAt[k], out);
      }
    }
    return -1;
  }

  private static int record(int start, int end, Spans out) {
    out.add(start, end, Placeholder.IBAN);
    return end;
  }

  private static boolean endsCleanly(String text, int end) {
    return !Chars.wordCharAt(text, end);
  }

  /**
   * ISO 7064 MOD 97-10 over {@code [start, end)} with its spaces skipped: the first four
   * characters moved to the end, letters read as 10 to 35, and the remainder must be 1.
   */
  static boolean isValid(String text, int start, int end) {
    int remainder = 0;
    int pivot = start;
    for (int seen = 0; seen < 4; pivot++) {
      if (!Chars.isGroupSpace(text.charAt(pivot))) {
        seen++;
      }
    }
    for (int i = pivot; i < end; i++) {
      remainder = step(remainder, text.charAt(i));
    }
    for (int i = start; i < pivot; i++) {
      remainder = step(remainder, text.charAt(i));
    }
    return remainder == 1;
  }

  private static int step(int remainder, char c) {
    if (Chars.isAsciiDigit(c)) {
      return (remainder * 10 + c - '0') % 97;
    }
    if (Chars.isAsciiLetter(c)) {
      return (remainder * 100 + upper(c) - 'A' + 10) % 97;
    }
    return remainder;
  }

  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

}
