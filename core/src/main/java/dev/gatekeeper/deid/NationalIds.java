package dev.gatekeeper.deid;

import static dev.gatekeeper.deid.Chars.charAt;
import static dev.gatekeeper.deid.Chars.isWordIgnoreCase;

/**
 * Finds national identification numbers: US Social Security numbers and UK National Insurance
 * numbers, each by its issuing rules rather than by its digit count alone.
 */
final class NationalIds {
  /** NINO prefixes that are never issued, besides those ruled out letter by letter. */
  private static final String[] UNISSUED_NINO_PREFIXES = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};

  /** How many words back a label may stand before an unseparated SSN ("SSN on file: ..."). */
  private static final int MAX_LABEL_WORDS = 3;

  private static final int MAX_LABEL_WORD = 12;

  private NationalIds() {}

  /**
   * Records the US Social Security number starting at the digit {@code start}: {@code AAA-GG-SSSS}
   * with dashes or single spaces, or nine digits in a row when "SSN" or "social security" stands
   * at most {@link #MAX_LABEL_WORDS} words before them (a bare nine-digit number is far more often
   * an id). Area 000, 666 and 900–999, group 00 and serial 0000 are never issued, which keeps
   * most other 3-2-4 numbers out; a number inside a longer run of groups, a version or an issue
   * key is not one.
   *
   * @return the index just after the number, or -1 when there is none
   */
  static int ssn(String text, int start, Spans out) {
    if (!startsCleanly(text, start) || !digits(text, start, 3)) {
      return -1;
    }
    char sep = charAt(text, start + 3);
    int end;
    if (sep == '-' || Chars.isGroupSpace(sep)) {
      boolean sameSep = Chars.isGroupSpace(sep)
          ? Chars.isGroupSpace(charAt(text, start + 6))
          : charAt(text, start + 6) == '-';
      if (!sameSep || !digits(text, start + 4, 2) || !digits(text, start + 7, 4)) {
        return -1;
      }
      end = start + 11;
    } else if (digits(text, start, 9) && labelled(text, start)) {
      end = start + 9;
    } else {
      return -1;
    }
    if (!endsCleanly(text, end) || !issuable(text, start, end)) {
      return -1;
    }
    out.add(start, end, Placeholder.NATIONAL_ID);
    return end;
  }

  /**
   * Records the UK National Insurance number whose digits start at {@code firstDigit}: a
   * two-letter prefix glued to the digits or one space before them, six digits (or
   * {@code 12 34 56}), and a suffix A–D, e.g. {@code AB123456C} or {@code QQ 12 34 56 C}. The
   * prefix follows HMRC's rules (first letter not D, F, I, Q, U or V; second not D, F, I, O, Q,
   * U or V; not BG, GB, KN, NK, NT, TN or ZZ), except that QQ, the prefix of HMRC's own example,
   * is taken too. Lower case is accepted in the compact form, where "ab123456c" cannot be prose.
   *
   * @return the index just after the number, or -1 when there is none
   */
  static int nino(String text, int firstDigit, Spans out) {
    boolean spaced = firstDigit > 0 && Chars.isGroupSpace(text.charAt(firstDigit - 1));
    int p = firstDigit - (spaced ? 3 : 2);
    if (p < 0 || Chars.wordCharBefore(text, p)
        || !Chars.isAsciiLetter(text.charAt(p)) || !Chars.isAsciiLetter(text.charAt(p + 1))) {
      return -1;
    }
    char first = text.charAt(p);
    char second = text.charAt(p + 1);
    boolean upper = isUpper(first) && isUpper(second);
    boolean lower = !isUpper(first) && !isUpper(second);
    if (!(upper || lower) || !isIssuedPrefix(toUpper(first), toUpper(second))) {
      return -1;
    }
    int i = firstDigit;
    if (digits(text, i, 6)) {
      i += 6;
    } else if (digits(text, i, 2) && Chars.isGroupSpace(charAt(text, i + 2))
        && digits(text, i + 3, 2) && Chars.isGroupSpace(charAt(text, i + 5))
        && digits(text, i + 6, 2)) {
      spaced = true;
      i += 8;
    } else {
      return -1;
    }
    if (Chars.isGroupSpace(charAt(text, i))) {
      spaced = true;
      i++;
    }
    char suffix = charAt(text, i);
    boolean suffixUpper = suffix >= 'A' && suffix <= 'D';
    boolean suffixLower = suffix >= 'a' && suffix <= 'd';
    if (!(upper ? suffixUpper : suffixLower && !spaced) || Chars.wordCharAt(text, i + 1)) {
      return -1;
    }
    out.add(p, i + 1, Placeholder.NATIONAL_ID);
    return i + 1;
  }

  private static boolean isIssuedPrefix(char first, char second) {
    if (first == 'Q' && second == 'Q') {
      return true;
    }
    if ("DFIQUV".indexOf(first) >= 0 || "DFIOQUV".indexOf(second) >= 0) {
      return false;
    }
    for (String prefix : UNISSUED_NINO_PREFIXES) {
      if (prefix.charAt(0) == first && prefix.charAt(1) == second) {
        return false;
      }
    }
    return true;
  }

  /** Area 001–899 but not 666, group 01–99, serial 0001–9999; separators are skipped. */
  private static boolean issuable(String text, int start, int end) {
    int[] parts = new int[3];
    int part = 0;
    int digitsInPart = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Chars.isAsciiDigit(c)) {
        parts[part] = parts[part] * 10 + c - '0';
        digitsInPart++;
        if ((part == 0 && digitsInPart == 3) || (part == 1 && digitsInPart == 2)) {
          part++;
          digitsInPart = 0;
        }
      }
    }
    int area = parts[0];
    return area != 0 && area != 666 && area < 900 && parts[1] != 0 && parts[2] != 0;
  }

  /**
   * Whether "SSN" (or "SSNs") or "social security" is among the few words before {@code start},
   * with only label punctuation ({@code : # = - (}) between them; "no." may end the label.
   */
  private static boolean labelled(String text, int start) {
    int i = start;
    for (int words = 0; words < MAX_LABEL_WORDS; words++) {
      while (i > 0 && start - i < 48 && isLabelGap(text.charAt(i - 1))) {
        i--;
      }
      boolean abbreviated = i > 0 && text.charAt(i - 1) == '.';
      int wordEnd = abbreviated ? i - 1 : i;
      int wordStart = wordEnd;
      while (wordStart > 0 && wordEnd - wordStart < MAX_LABEL_WORD
          && Chars.isAsciiLetter(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      if (wordStart == wordEnd || Chars.wordCharBefore(text, wordStart)) {
        return false;
      }
      if (abbreviated && !isWordIgnoreCase(text, wordStart, wordEnd, "no")) {
        return false;
      }
      if (isWordIgnoreCase(text, wordStart, wordEnd, "ssn") || isWordIgnoreCase(text, wordStart, wordEnd, "ssns")) {
        return true;
      }
      if (isWordIgnoreCase(text, wordStart, wordEnd, "security") && wordStart >= 7
          && text.regionMatches(true, wordStart - 7, "social", 0, 6)
          && Chars.isGroupSpace(text.charAt(wordStart - 1))
          && !Chars.wordCharBefore(text, wordStart - 7)) {
        return true;
      }
      i = wordStart;
    }
    return false;
  }

  private static boolean isLabelGap(char c) {
    return Chars.isGroupSpace(c) || c == '\t' || c == ':' || c == '#' || c == '=' || c == '-'
        || c == '(';
  }

  /**
   * Not inside a word, a decimal, an amount, a version or an issue key, nor the second group of
   * a longer run such as a phone number.
   */
  private static boolean startsCleanly(String text, int start) {
    if (start == 0) {
      return true;
    }
    char c = text.charAt(start - 1);
    if (Chars.isWordChar(c) || ".,-+/\\$€£¥%".indexOf(c) >= 0) {
      return false;
    }
    return !(Chars.isGroupSpace(c) && start >= 2 && Chars.isAsciiDigit(text.charAt(start - 2)));
  }

  /** Not followed by a word, a decimal or version part, or another group of digits. */
  private static boolean endsCleanly(String text, int end) {
    char c = charAt(text, end);
    if (Chars.isWordChar(c)) {
      return false;
    }
    char after = charAt(text, end + 1);
    if ((c == '-' || c == '+') && Chars.isAsciiAlnum(after)) {
      return false;
    }
    return !((c == '.' || c == ',' || c == '/' || Chars.isGroupSpace(c))
        && Chars.isAsciiDigit(after));
  }

  private static boolean digits(String text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!Chars.isAsciiDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static char toUpper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

}
