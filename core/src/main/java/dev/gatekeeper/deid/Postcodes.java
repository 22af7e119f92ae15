package dev.gatekeeper.deid;

/**
 * Finds postcodes, each only where its shape or its place says it is one: a full UK postcode
 * anywhere, a US ZIP code after a state code that follows a city or street, and a continental
 * postcode after a street address in the same sentence ({@link #afterAddress}).
 */
final class Postcodes {
  /** Letters allowed in the third place of an A9A outward code. */
  private static final String A9A_LETTERS = "ABCDEFGHJKPSTUW";

  /** Letters allowed in the fourth place of an AA9A outward code. */
  private static final String AA9A_LETTERS = "ABEHMNPRVWXY";

  /** Letters allowed in the inward code, which leaves out C, I, K, M, O and V. */
  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  /** US state, district and territory codes, each two letters, space-separated. */
  private static final String US_STATES =
      "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
          + "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP";

  /** State codes that need the comma before them ("Portland, OR 97201"), as they are words too. */
  private static final String WORD_LIKE_STATES = "AS HI ID IN ME OH OK OR";

  /** How far past a street address a continental postcode may still belong to it. */
  private static final int AFTER_ADDRESS_WINDOW = 64;

  private Postcodes() {}

  /**
   * Records the UK postcode whose outward code's first digit is {@code firstDigit}: one or two
   * capital letters glued before it, then {@code A9}, {@code A99}, {@code AA9}, {@code AA99},
   * {@code A9A} or {@code AA9A}, one space and the inward code {@code 9AA}, each letter from the
   * set Royal Mail uses in that place. A full postcode is distinctive enough to take anywhere;
   * an inward code that reads as an ordinal, a size or a common acronym ({@code 1ST},
   * {@code 8GB}, {@code 2FA}) is left, so "M2 8GB" and "P1 2FA" stay.
   *
   * @return the index just after the postcode, or -1 when there is none
   */
  static int uk(String text, int firstDigit, Spans out) {
    int letters = isUpper(charAt(text, firstDigit - 2)) ? 2 : 1;
    int start = firstDigit - letters;
    if (start < 0 || !isUpper(text.charAt(start)) || Chars.wordCharBefore(text, start)) {
      return -1;
    }
    if ("QVX".indexOf(text.charAt(start)) >= 0
        || (letters == 2 && "IJZ".indexOf(text.charAt(start + 1)) >= 0)) {
      return -1;
    }
    int i = firstDigit + 1;
    if (Chars.isAsciiDigit(charAt(text, i))) {
      i++;
    } else if (isUpper(charAt(text, i))) {
      String allowed = letters == 1 ? A9A_LETTERS : AA9A_LETTERS;
      if (allowed.indexOf(text.charAt(i)) < 0) {
        return -1;
      }
      i++;
    }
    if (!Chars.isGroupSpace(charAt(text, i)) || !Chars.isAsciiDigit(charAt(text, i + 1))
        || INWARD_LETTERS.indexOf(charAt(text, i + 2)) < 0
        || INWARD_LETTERS.indexOf(charAt(text, i + 3)) < 0
        || Chars.wordCharAt(text, i + 4)
        || readsAsWord(text, i + 1)) {
      return -1;
    }
    out.add(start, i + 4, Placeholder.ADDRESS);
    return i + 4;
  }

  /** Whether the inward code at {@code i} is an ordinal, a data size or "2FA", "3DS", "4WD". */
  private static boolean readsAsWord(String text, int i) {
    char digit = text.charAt(i);
    char a = text.charAt(i + 1);
    char b = text.charAt(i + 2);
    if (b == 'B' && (a == 'G' || a == 'T' || a == 'P')) {
      return true;
    }
    boolean ordinal = (digit == '1' && a == 'S' && b == 'T')
        || (digit == '2' && a == 'N' && b == 'D')
        || (digit == '3' && a == 'R' && b == 'D')
        || ((digit == '0' || digit >= '4') && a == 'T' && b == 'H');
    boolean acronym = (digit == '2' && a == 'F' && b == 'A')
        || (digit == '3' && a == 'D' && b == 'S')
        || ((digit == '2' || digit == '4') && a == 'W' && b == 'D');
    return ordinal || acronym;
  }

  /**
   * Records the US ZIP code ({@code 94107} or {@code 94107-1234}) at {@code firstDigit} when a
   * state code stands one space before it and a city or street word before that, as in
   * "San Francisco, CA 94107" or "Springfield IL 62701". Only the ZIP is replaced: the state on
   * its own identifies no one. Without a comma the word must be capitalised and not all capitals,
   * and the state not a word ("IN", "OR"), so that "LOG IN 12345" and "Version IN 12345" stay.
   *
   * @return the index just after the ZIP code, or -1 when there is none
   */
  static int zip(String text, int firstDigit, Spans out) {
    int state = firstDigit - 3;
    if (state < 2 || !isUpper(text.charAt(state)) || !isUpper(text.charAt(state + 1))
        || !Chars.isGroupSpace(text.charAt(state - 1)) || !isState(text, state)) {
      return -1;
    }
    int wordEnd = state - 1;
    boolean comma = text.charAt(wordEnd - 1) == ',';
    if (comma) {
      wordEnd--;
    }
    int wordStart = wordEnd;
    while (wordStart > 0 && wordEnd - wordStart < 32
        && Character.isLetter(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (wordStart == wordEnd || Chars.wordCharBefore(text, wordStart)
        || !Character.isUpperCase(text.charAt(wordStart))) {
      return -1;
    }
    if (!comma && (wordEnd - wordStart < 2 || allUpper(text, wordStart, wordEnd)
        || isWordLikeState(text, state))) {
      return -1;
    }
    int end = firstDigit + 5;
    if (!digits(text, firstDigit, 5)) {
      return -1;
    }
    if (charAt(text, end) == '-' && digits(text, end + 1, 4)) {
      end += 5;
    }
    char after = charAt(text, end);
    if (Chars.isWordChar(after)
        || ("-.,/".indexOf(after) >= 0 && Chars.isAsciiDigit(charAt(text, end + 1)))) {
      return -1;
    }
    out.add(firstDigit, end, Placeholder.ADDRESS);
    return end;
  }

  /**
   * Records the first continental postcode in the rest of the sentence after a street address
   * that ends at {@code from}: five digits before a capitalised town ({@code 10115 Berlin},
   * {@code 75001 Paris}), a Dutch {@code 1012 AB}, or four digits before a capitalised town
   * ({@code 1010 Wien}) unless they read as a year. Only the code is replaced; the town stays.
   * Such numbers alone are counts and years far more often than postcodes, hence the address.
   */
  static void afterAddress(String text, int from, Spans out) {
    int n = text.length();
    int limit = Math.min(n, from + AFTER_ADDRESS_WINDOW);
    // The dot of an abbreviated street type ("St.") does not end the sentence; after a house
    // number it does.
    boolean abbreviation = from < n && text.charAt(from) == '.' && from > 0
        && Character.isLetter(text.charAt(from - 1));
    int i = abbreviation ? from + 1 : from;
    for (; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '!' || c == '?' || c == ';'
          || (c == '.' && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1))))) {
        return;
      }
      if (Chars.isAsciiDigit(c) && !Chars.wordCharBefore(text, i)) {
        int end = continental(text, i);
        if (end > 0) {
          out.add(i, end, Placeholder.ADDRESS);
          return;
        }
        while (i + 1 < limit && Chars.isAsciiDigit(text.charAt(i + 1))) {
          i++;
        }
      }
    }
  }

  /** The end of a continental postcode at {@code i}, or -1. */
  private static int continental(String text, int i) {
    int run = i;
    while (run < text.length() && run - i <= 5 && Chars.isAsciiDigit(text.charAt(run))) {
      run++;
    }
    int digitCount = run - i;
    if (digitCount == 5) {
      return Chars.isGroupSpace(charAt(text, run)) && capitalisedWordAt(text, run + 1) ? run : -1;
    }
    if (digitCount != 4 || text.charAt(i) == '0') {
      return -1;
    }
    int letters = Chars.isGroupSpace(charAt(text, run)) ? run + 1 : run;
    if (isUpper(charAt(text, letters)) && isUpper(charAt(text, letters + 1))
        && !Chars.wordCharAt(text, letters + 2)) {
      return letters + 2;
    }
    boolean year = text.startsWith("19", i) || text.startsWith("20", i);
    return !year && Chars.isGroupSpace(charAt(text, run)) && capitalisedWordAt(text, run + 1)
        ? run
        : -1;
  }

  /** A capital followed by a lower-case letter: a town's name, not an acronym. */
  private static boolean capitalisedWordAt(String text, int i) {
    return i + 1 < text.length() && Character.isUpperCase(text.charAt(i))
        && Character.isLowerCase(text.charAt(i + 1));
  }

  /** State codes that are also English words in capitals ("LOG IN", "Version OR"). */
  private static boolean isWordLikeState(String text, int at) {
    for (int k = 0; k < WORD_LIKE_STATES.length(); k += 3) {
      if (WORD_LIKE_STATES.charAt(k) == text.charAt(at)
          && WORD_LIKE_STATES.charAt(k + 1) == text.charAt(at + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isState(String text, int at) {
    for (int k = 0; k < US_STATES.length(); k += 3) {
      if (US_STATES.charAt(k) == text.charAt(at)
          && US_STATES.charAt(k + 1) == text.charAt(at + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allUpper(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isUpperCase(text.charAt(i))) {
        return false;
      }
    }
    return true;
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

  private static char charAt(String text, int i) {
    return i >= 0 && i < text.length() ? text.charAt(i) : '\0';
  }
}
