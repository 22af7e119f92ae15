package dev.gatekeeper.deid;

import static dev.gatekeeper.deid.Chars.charAt;

/**
 * Finds postcodes, each only where its shape or its place says it is one: a full UK postcode or
 * an Irish Eircode anywhere, a Canadian postal code after its province or label, a US ZIP code or
 * an Australian postcode after a state code that follows a city or street, a Japanese one after
 * its 〒 mark, and the other national forms after a street address in the same sentence
 * ({@link #afterAddress}).
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

  /** Australian state and territory codes, space-separated, each padded to three letters. */
  private static final String AU_STATES = "NSW VIC QLD WA  SA  TAS ACT NT ";

  /** Canadian province and territory codes, each two letters, space-separated. */
  private static final String CA_PROVINCES = "AB BC MB NB NL NS NT NU ON PE QC SK YT";

  /** Letters that may open a Canadian postal code. */
  private static final String CA_FIRST_LETTERS = "ABCEGHJKLMNPRSTVXY";

  /** Letters that may stand elsewhere in a Canadian postal code. */
  private static final String CA_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";

  /**
   * The 139 Eircode routing keys, space-separated: the fixed list is what tells "D02 X285" from
   * a model number followed by a code, so an Eircode is taken anywhere.
   */
  private static final String EIRCODE_KEYS =
      "A41 A42 A45 A63 A67 A75 A81 A82 A83 A84 A85 A86 A91 A92 A94 A96 A98 C15 D01 D02 D03 D04 "
          + "D05 D06 D6W D07 D08 D09 D10 D11 D12 D13 D14 D15 D16 D17 D18 D20 D22 D24 E21 E25 E32 "
          + "E34 E41 E45 E53 E91 F12 F23 F26 F28 F31 F35 F42 F45 F52 F56 F91 F92 F93 F94 H12 H14 "
          + "H16 H18 H23 H53 H54 H62 H65 H71 H91 K32 K34 K36 K45 K56 K67 K78 N37 N39 N41 N91 P12 "
          + "P14 P17 P24 P25 P31 P32 P36 P43 P47 P51 P56 P61 P67 P72 P75 P81 P85 R14 R21 R32 R35 "
          + "R42 R45 R51 R56 R93 R95 T12 T23 T34 T45 T56 V14 V15 V23 V31 V35 V42 V92 V93 V94 V95 "
          + "W12 W23 W34 W91 X35 X42 X91 Y14 Y21 Y25 Y34 Y35";

  /** Characters of an Eircode's unique identifier. */
  private static final String EIRCODE_CHARS = "ACDEFHKNPRTVWXY0123456789";

  /** How far past a street address a postcode may still belong to it. */
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
    int end = eircode(text, firstDigit, out);
    if (end < 0) {
      end = canadian(text, firstDigit - 1, false, out);
    }
    return end >= 0 ? end : uk(text, firstDigit, false, out);
  }

  /**
   * As {@link #uk(String, int, Spans)}; {@code placed} when the code follows a street address,
   * where an inward code that reads as a size ("SE1 7PB") and a compact code with a one-letter
   * area ({@code M11AE}) count too. Elsewhere a compact code counts only with a two-letter area
   * ({@code NW16XE}, {@code SW1A1AA}), a shape few other tokens have.
   */
  private static int uk(String text, int firstDigit, boolean placed, Spans out) {
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
    if (!Chars.isGroupSpace(charAt(text, i))) {
      return compactUk(text, start, letters, firstDigit, placed, out);
    }
    if (!Chars.isAsciiDigit(charAt(text, i + 1))
        || INWARD_LETTERS.indexOf(charAt(text, i + 2)) < 0
        || INWARD_LETTERS.indexOf(charAt(text, i + 3)) < 0
        || Chars.wordCharAt(text, i + 4)
        || (!placed && readsAsWord(text, i + 1))) {
      return -1;
    }
    out.add(start, i + 4, Placeholder.ADDRESS);
    return i + 4;
  }

  /** A UK postcode written without its space, whose inward code is then its last three. */
  private static int compactUk(
      String text, int start, int letters, int firstDigit, boolean placed, Spans out) {
    if (letters < 2 && !placed) {
      return -1;
    }
    int end = firstDigit;
    while (end < text.length() && end - start <= 7 && Chars.isAsciiAlnum(text.charAt(end))) {
      end++;
    }
    int inward = end - 3;
    int outwardDigits = inward - firstDigit;
    if (Chars.wordCharAt(text, end) || outwardDigits < 1 || outwardDigits > 2) {
      return -1;
    }
    if (outwardDigits == 2) {
      char c = text.charAt(firstDigit + 1);
      String allowed = letters == 1 ? A9A_LETTERS : AA9A_LETTERS;
      if (!Chars.isAsciiDigit(c) && allowed.indexOf(c) < 0) {
        return -1;
      }
    }
    if (!Chars.isAsciiDigit(text.charAt(inward))
        || INWARD_LETTERS.indexOf(text.charAt(inward + 1)) < 0
        || INWARD_LETTERS.indexOf(text.charAt(inward + 2)) < 0
        || (!placed && readsAsWord(text, inward))) {
      return -1;
    }
    out.add(start, end, Placeholder.ADDRESS);
    return end;
  }

  /**
   * Records the Irish Eircode whose routing key's digits start at {@code firstDigit}: a key from
   * {@link #EIRCODE_KEYS}, one space and four characters with at least one letter and one digit
   * ({@code D02 X285}, {@code T12 RW26}).
   *
   * @return the index just after the Eircode, or -1 when there is none
   */
  static int eircode(String text, int firstDigit, Spans out) {
    int start = firstDigit - 1;
    if (start < 0 || Chars.wordCharBefore(text, start) || !isUpper(text.charAt(start))
        || !Chars.isGroupSpace(charAt(text, start + 3)) || !isEircodeKey(text, start)) {
      return -1;
    }
    int id = start + 4;
    boolean letter = false;
    boolean digit = false;
    for (int k = id; k < id + 4; k++) {
      char c = charAt(text, k);
      if (c == '\0' || EIRCODE_CHARS.indexOf(c) < 0) {
        return -1;
      }
      letter |= isUpper(c);
      digit |= Chars.isAsciiDigit(c);
    }
    if (!letter || !digit || Chars.wordCharAt(text, id + 4)) {
      return -1;
    }
    out.add(start, id + 4, Placeholder.ADDRESS);
    return id + 4;
  }

  private static boolean isEircodeKey(String text, int at) {
    for (int k = 0; k < EIRCODE_KEYS.length(); k += 4) {
      if (text.regionMatches(at, EIRCODE_KEYS, k, 3)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records the Canadian postal code whose first letter is at {@code start}: {@code A1A 1A1},
   * with the letters Canada Post uses in each place. The shape alone is shared by build and
   * model codes ("K8S 1A2"), so it counts only after a province code ({@code ON M5V 2T6}) or the
   * word "code", or when {@code placed} after a street address.
   *
   * @return the index just after the code, or -1 when there is none
   */
  private static int canadian(String text, int start, boolean placed, Spans out) {
    if (start < 0 || Chars.wordCharBefore(text, start)
        || CA_FIRST_LETTERS.indexOf(text.charAt(start)) < 0
        || !Chars.isAsciiDigit(charAt(text, start + 1))
        || CA_LETTERS.indexOf(charAt(text, start + 2)) < 0
        || !Chars.isGroupSpace(charAt(text, start + 3))
        || !Chars.isAsciiDigit(charAt(text, start + 4))
        || CA_LETTERS.indexOf(charAt(text, start + 5)) < 0
        || !Chars.isAsciiDigit(charAt(text, start + 6))
        || Chars.wordCharAt(text, start + 7)) {
      return -1;
    }
    if (!placed && !afterProvinceOrLabel(text, start)) {
      return -1;
    }
    out.add(start, start + 7, Placeholder.ADDRESS);
    return start + 7;
  }

  /** Whether a province code ("ON", "QC"), "code" or "postcode" stands one space before. */
  private static boolean afterProvinceOrLabel(String text, int start) {
    int end = start - 1;
    if (end < 2 || !Chars.isGroupSpace(text.charAt(end))) {
      return false;
    }
    if (text.charAt(end - 1) == ':') {
      end--;
    }
    int wordStart = end;
    while (wordStart > 0 && end - wordStart < 8
        && Chars.isAsciiLetter(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (wordStart == end || Chars.wordCharBefore(text, wordStart)) {
      return false;
    }
    if (end - wordStart == 2 && isUpper(text.charAt(wordStart))
        && isUpper(text.charAt(wordStart + 1))) {
      return isCode(CA_PROVINCES, 3, text, wordStart, 2);
    }
    return (end - wordStart == 4 && text.regionMatches(true, wordStart, "code", 0, 4))
        || (end - wordStart == 8 && text.regionMatches(true, wordStart, "postcode", 0, 8));
  }

  /** Whether {@code text} holds at {@code at} one of the codes in {@code list}. */
  private static boolean isCode(String list, int stride, String text, int at, int length) {
    for (int k = 0; k < list.length(); k += stride) {
      if (text.regionMatches(at, list, k, length)
          && (length == stride - 1 || list.charAt(k + length) == ' ')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records the Australian postcode ({@code 2000}) at {@code firstDigit} when a state code
   * ({@code NSW}, {@code VIC}...) stands one space before it and a capitalised town word before
   * that: "Sydney NSW 2000", "Fitzroy VIC 3065". The town is what keeps "in NSW 2024" a year.
   *
   * @return the index just after the postcode, or -1 when there is none
   */
  static int australian(String text, int firstDigit, Spans out) {
    int stateEnd = firstDigit - 1;
    int state = stateEnd;
    while (state > 0 && stateEnd - state < 3 && isUpper(text.charAt(state - 1))) {
      state--;
    }
    int length = stateEnd - state;
    if (length < 2 || !isCode(AU_STATES, 4, text, state, length)
        || !digits(text, firstDigit, 4) || !endsCleanly(text, firstDigit + 4)
        || !townBefore(text, state, true)) {
      return -1;
    }
    out.add(firstDigit, firstDigit + 4, Placeholder.ADDRESS);
    return firstDigit + 4;
  }

  /**
   * Records the Japanese postcode after its mark: {@code 〒150-0002}. The mark makes it one.
   *
   * @return the index just after the postcode, or -1 when there is none
   */
  static int japanese(String text, int firstDigit, Spans out) {
    if (!digits(text, firstDigit, 3) || charAt(text, firstDigit + 3) != '-'
        || !digits(text, firstDigit + 4, 4) || !endsCleanly(text, firstDigit + 8)) {
      return -1;
    }
    out.add(firstDigit, firstDigit + 8, Placeholder.ADDRESS);
    return firstDigit + 8;
  }

  /**
   * Whether a capitalised town word (not all capitals) stands before the code or state at
   * {@code at}: one space before it, or ", " when {@code commaMayJoin}.
   */
  private static boolean townBefore(String text, int at, boolean commaMayJoin) {
    int wordEnd = at - 1;
    if (wordEnd < 2 || !Chars.isGroupSpace(text.charAt(wordEnd))) {
      return false;
    }
    char c = text.charAt(wordEnd - 1);
    if (commaMayJoin && c == ',') {
      wordEnd--;
    } else if (commaMayJoin && c == '-' && Chars.isGroupSpace(charAt(text, wordEnd - 2))) {
      wordEnd -= 2;
    }
    int wordStart = wordEnd;
    while (wordStart > 0 && wordEnd - wordStart < 32
        && Character.isLetter(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    return wordEnd - wordStart >= 2 && !Chars.wordCharBefore(text, wordStart)
        && Character.isUpperCase(text.charAt(wordStart))
        && Character.isLowerCase(text.charAt(wordStart + 1));
  }

  /** Not followed by a word, nor by a separator and more digits. */
  private static boolean endsCleanly(String text, int end) {
    char after = charAt(text, end);
    return !Chars.isWordChar(after)
        && !("-.,/:".indexOf(after) >= 0 && Chars.isAsciiDigit(charAt(text, end + 1)));
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
   * Records the first postcode in the rest of the sentence after a street address that ends at
   * {@code from}. Numbers alone are counts and years far more often than postcodes, hence the
   * address; only the code is replaced, and the town stays. Taken there:
   *
   * <ul>
   *   <li>five or six digits, or four not read as a year, before a capitalised town
   *       ({@code 10115 Berlin}, {@code 0155 Oslo}) or after one ({@code Seoul 06236},
   *       {@code Bengaluru 560001}, {@code Auckland 1010});
   *   <li>a Dutch {@code 1012 AB}, a Swedish or Czech {@code 111 51} before a town, and the dashed
   *       forms {@code 00-590}, {@code 1100-053}, {@code 150-0002} and {@code 01310-200};
   *   <li>a Canadian {@code M5V 2T6}, and a UK postcode that alone would read as a size or lacks
   *       its space ({@code SE1 7PB}, {@code M11AE}).
   * </ul>
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
      if (Chars.wordCharBefore(text, i)) {
        continue;
      }
      if (Chars.isAsciiDigit(c)) {
        int end = placedNumber(text, i);
        if (end > 0) {
          out.add(i, end, Placeholder.ADDRESS);
          return;
        }
        while (i + 1 < limit && Chars.isAsciiDigit(text.charAt(i + 1))) {
          i++;
        }
      } else if (isUpper(c) && placedLetters(text, i, out) > 0) {
        return;
      }
    }
  }

  /** A Canadian or UK postcode starting with the capital at {@code i}, after an address. */
  private static int placedLetters(String text, int i, Spans out) {
    int end = canadian(text, i, true, out);
    if (end > 0) {
      return end;
    }
    int firstDigit = Chars.isAsciiDigit(charAt(text, i + 1)) ? i + 1
        : isUpper(charAt(text, i + 1)) && Chars.isAsciiDigit(charAt(text, i + 2)) ? i + 2 : -1;
    return firstDigit < 0 ? -1 : uk(text, firstDigit, true, out);
  }

  /** The end of a postcode of digits at {@code i} that follows an address, or -1. */
  private static int placedNumber(String text, int i) {
    int run = i;
    while (run < text.length() && run - i <= 6 && Chars.isAsciiDigit(text.charAt(run))) {
      run++;
    }
    int digitCount = run - i;
    char after = charAt(text, run);
    if (after == '-' && !Chars.wordCharBefore(text, i)) {
      int tail = run + 1;
      while (tail < text.length() && tail - run <= 5 && Chars.isAsciiDigit(text.charAt(tail))) {
        tail++;
      }
      int tailCount = tail - run - 1;
      boolean dashed = (digitCount == 2 && tailCount == 3) || (digitCount == 4 && tailCount == 3)
          || (digitCount == 3 && tailCount == 4) || (digitCount == 5 && tailCount == 3);
      return dashed && endsCleanly(text, tail) ? tail : -1;
    }
    if (digitCount == 3 && Chars.isGroupSpace(after) && digits(text, run + 1, 2)
        && Chars.isGroupSpace(charAt(text, run + 3)) && capitalisedWordAt(text, run + 4)) {
      return run + 3;
    }
    if (digitCount < 4 || digitCount > 6 || !endsCleanly(text, run)) {
      return -1;
    }
    if (digitCount == 4) {
      int letters = Chars.isGroupSpace(after) ? run + 1 : run;
      if (text.charAt(i) != '0' && isUpper(charAt(text, letters))
          && isUpper(charAt(text, letters + 1)) && !Chars.wordCharAt(text, letters + 2)) {
        return letters + 2;
      }
    }
    boolean townAfter = Chars.isGroupSpace(after) && capitalisedWordAt(text, run + 1);
    boolean year = digitCount == 4 && (text.startsWith("19", i) || text.startsWith("20", i));
    // "Groenplaats 21, 2000 Antwerpen": a year-shaped code right after the comma of the address.
    boolean joined = i >= 2 && text.charAt(i - 2) == ',' && Chars.isGroupSpace(text.charAt(i - 1));
    if (townAfter && (!year || joined)) {
      return run;
    }
    return !year && townBefore(text, i, true) && !Chars.isWordChar(after) ? run : -1;
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

}
