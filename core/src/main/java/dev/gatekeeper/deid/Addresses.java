package dev.gatekeeper.deid;

import static dev.gatekeeper.deid.Chars.charAt;
import static dev.gatekeeper.deid.Chars.isWordIgnoreCase;

/**
 * Finds street addresses by their shape around a house number, in the forms that put the number
 * first ({@code 221B Baker Street}, {@code 10 rue de Rivoli}, {@code 1-2-3 Shibuya}) and those
 * that put it last ({@code Hauptstraße 5}, {@code Keizersgracht 123}, {@code Via Roma 12},
 * {@code Calle de Alcalá, 45}), with a flat, unit or floor before or after, post office boxes,
 * and the postcode that may follow ({@link Postcodes}).
 *
 * <p>The street type is what makes an address: a number before capitalised words is far more
 * often a count or a heading ("3 Main risks", "Sprint 12 Review"), so the words must end in a
 * type from {@link AddressWords#TYPES}, and at least one capitalised name word must stand between the number
 * and the type ("2 Road trips" stays).
 */
final class Addresses {
  private static final int MAX_HOUSE_DIGITS = 5;
  private static final int MAX_NAME_WORDS = 4;
  private static final int MAX_WORD = 24;
  private static final int MAX_STREET_WORDS_BEFORE_NUMBER = 5;

  private Addresses() {}

  /**
   * A cheap look at the digits {@code [start, run)} and what follows them before
   * {@link #numberFirst} runs: at most five digits, not starting with 0, then a letter, a range
   * dash, or a space or comma before a capital, a digit or the first letter of a French street
   * word. Counts before lower-case words ("12345 users") fail here.
   */
  static boolean mayStartHouseNumber(String text, int start, int run) {
    if (run - start > MAX_HOUSE_DIGITS || text.charAt(start) == '0' || run >= text.length()) {
      return false;
    }
    char after = text.charAt(run);
    if (Chars.isAsciiLetter(after) || after == '-' || after == '–') {
      return true;
    }
    if (after == '/') {
      return Chars.isAsciiDigit(charAt(text, run + 1));
    }
    int next = after == ',' ? run + 1 : run;
    if (!Chars.isGroupSpace(charAt(text, next))) {
      return false;
    }
    char word = charAt(text, next + 1);
    return Character.isLetter(word) || Chars.isAsciiDigit(word);
  }

  /**
   * Records the address whose house number starts at {@code start}: the number (up to five
   * digits, an optional letter as in {@code 221B}, an optional range as in {@code 12-14}), then
   * one to four capitalised name words and a street type ({@code 10 Downing Street},
   * {@code 350 5th Ave}), a one-word street ({@code 1585 Broadway}), a lower-case street
   * ({@code 12 baker street}), a French street word and its name ({@code 10 rue de Rivoli},
   * {@code 12 bis rue de la Paix}), or a Japanese block and its district. A flat or unit before
   * ({@code Flat 3, }) or after ({@code , Apt 4B}) and a direction ({@code NW}) go with it.
   *
   * @return the index just after the address, or -1 when there is none
   */
  static int numberFirst(String text, int start, Spans out) {
    if (!startsCleanly(text, start)) {
      return -1;
    }
    int numberEnd = houseNumberEnd(text, start);
    if (numberEnd < 0) {
      return -1;
    }
    if (charAt(text, numberEnd) == '-') {
      int end = japaneseBlock(text, numberEnd);
      if (end < 0) {
        return -1;
      }
      out.add(start, end, Placeholder.ADDRESS);
      Postcodes.afterAddress(text, end, out);
      return end;
    }
    int afterNumber = frenchNumberSuffixEnd(text, numberEnd);
    boolean comma = charAt(text, afterNumber) == ',';
    int words = afterNumber + (comma ? 2 : 1);
    char first = charAt(text, words);
    if (!Chars.isGroupSpace(charAt(text, words - 1))
        || !(Character.isLetter(first) || Chars.isAsciiDigit(first))) {
      return -1;
    }
    // After "Unit 12, " the sentence has said it is a place: "Unit 12, Trafford Park damaged".
    boolean unitBefore = (comma || Chars.isAsciiDigit(first)) && start > 1
        && unitWordBefore(text, start - 1) >= 0;
    int end = -1;
    if (Character.isUpperCase(first) || Chars.isAsciiDigit(first)) {
      if (!comma || unitBefore) {
        end = typedStreet(text, words, start, comma);
      }
      if (end < 0 && !comma) {
        end = oneWordStreet(text, words);
      }
    } else if (!comma) {
      end = lowerCaseStreet(text, words, start);
    }
    // Only the initials of the French street words, so that most counts before a lower-case
    // word ("12 users") are not looked up at all.
    if (end < 0 && "rabpicqRABPICQ".indexOf(first) >= 0) {
      end = frenchStreet(text, words);
    }
    if (end < 0 && Chars.isAsciiDigit(first) && unitBefore) {
      // "Flat 3 12 Baker Street": the flat's number, then the house's; the digit trigger will
      // not stop at the second, which the number rule skips as part of a short run.
      return numberFirst(text, words, out);
    }
    if (end < 0 || isLabelledNumber(text, start, numberEnd)) {
      return -1;
    }
    end = withTrailers(text, end);
    out.add(withUnitBefore(text, start), end, Placeholder.ADDRESS);
    Postcodes.afterAddress(text, end, out);
    return end;
  }

  /**
   * Records the address whose house number starts at {@code start}, one space after its street:
   * a capitalised German, Dutch, Scandinavian or Finnish street name ({@code Hauptstraße 5},
   * {@code Berliner Straße 5a}, {@code Keizersgracht 123}), a Romance one ({@code Calle Mayor 5},
   * {@code rue de Rivoli 10}, {@code Via Roma 12}, after a comma {@code Calle de Alcalá, 45}) or
   * a name before a separate street word ({@code Andrássy út 60}).
   *
   * @return the index just after the house number, or -1 when there is none
   */
  static int numberAfterStreet(String text, int start, Spans out) {
    int streetEnd = start - 1;
    // Spanish and Portuguese put a comma before the number: "Calle de Alcalá, 45".
    boolean comma = charAt(text, streetEnd - 1) == ',';
    if (comma) {
      streetEnd--;
    }
    char last = charAt(text, streetEnd - 1);
    if (!Character.isLetter(last) && last != '.') {
      return -1;
    }
    // Either form ends in a capitalised word ("Hauptstraße", "Rivoli", "d'Italia") or a
    // separate street word ("Andrássy út"), which rules out the "in 2026" and "at 10" of prose
    // at once.
    int lastWord = tokenStartBefore(text, streetEnd);
    if (lastWord < 0) {
      return -1;
    }
    boolean separateType = !comma && isAny(text, lastWord, streetEnd, AddressWords.SEPARATE_TYPES);
    if (!separateType && !(Character.isUpperCase(text.charAt(lastWord))
        || (elidedArticle(text, lastWord) && Character.isUpperCase(charAt(text, lastWord + 2))))) {
      return -1;
    }
    int numberEnd = houseNumberEnd(text, start);
    if (numberEnd < 0 || !endsHouseNumber(text, numberEnd)) {
      return -1;
    }
    // After a comma, five digits or a number before a town are the postcode of a street named
    // before them ("10 rue de Rivoli, 75001 Paris").
    if (comma && (numberEnd - start > 4 || (Chars.isGroupSpace(charAt(text, numberEnd))
        && Character.isUpperCase(charAt(text, numberEnd + 1))))) {
      return -1;
    }
    int from;
    if (separateType) {
      from = capitalisedWordsBefore(text, lastWord);
    } else {
      from = comma ? -1 : streetWithEnding(text, streetEnd);
      if (from < 0) {
        from = streetWithOpener(text, streetEnd);
        if (from < 0 || (startsWithWord(text, from, AddressWords.ENGLISH_LOOKING_OPENERS)
            && !connectorAfterOpener(text, from)
            && (comma || !(endsClause(text, numberEnd, true) || placingAfter(text, numberEnd))))) {
          return -1;
        }
      }
    }
    if (from < 0) {
      return -1;
    }
    out.add(from, numberEnd, Placeholder.ADDRESS);
    Postcodes.afterAddress(text, numberEnd, out);
    return numberEnd;
  }

  /**
   * The end of "Name ... Type" starting at {@code i}: the last street type within the first
   * {@link #MAX_NAME_WORDS} + 1 words that has a name word before it, so "5 Church Hill Road"
   * is read whole; -1 when there is none. An ambiguous type counts where the clause ends, where
   * the sentence places it, or
   * anywhere when {@code placed} by a unit before it; {@code number} is where the house number
   * starts.
   */
  private static int typedStreet(String text, int i, int number, boolean placed) {
    int best = -1;
    for (int words = 0; words <= MAX_NAME_WORDS; words++) {
      int wordEnd = nameWordEnd(text, i);
      if (wordEnd < 0) {
        break;
      }
      if (words > 0) {
        if (isAny(text, i, wordEnd, AddressWords.TYPES)) {
          best = wordEnd;
        } else if (isAny(text, i, wordEnd, AddressWords.AMBIGUOUS_TYPES)
            && (placed || endsClause(text, wordEnd, false)
                || directionEnd(text, wordEnd) > 0
                || (!isWordIgnoreCase(text, i, wordEnd, "dr") && placed(text, wordEnd, number)))) {
          best = wordEnd;
        }
      } else if (endsWithAny(text, i, wordEnd, AddressWords.KOREAN_STREET_SUFFIXES)
          && endsClause(text, wordEnd, true)) {
        return wordEnd;
      }
      int next = wordEnd;
      // "St. John's Road", "123 N. Main St": a short abbreviation may carry its dot.
      if (charAt(text, next) == '.' && wordEnd - i <= 2) {
        next++;
      }
      if (!Chars.isGroupSpace(charAt(text, next))) {
        break;
      }
      i = next + 1;
    }
    return best;
  }

  /**
   * The end of a one-word street at {@code i} ({@code 1585 Broadway}) that ends its clause or
   * is placed by the word after it; -1 if none.
   */
  private static int oneWordStreet(String text, int i) {
    int end = letterRunEnd(text, i);
    if (end < 0 || !isExactlyAny(text, i, end, AddressWords.ONE_WORD_STREETS)) {
      return -1;
    }
    return endsClause(text, end, true) || placingAfter(text, end) ? end : -1;
  }

  /**
   * The end of "name [name] type" in lower case at {@code i} ({@code 12 baker street},
   * {@code 7 church road}): one or two name words that are not prose words, then a type from
   * {@link AddressWords#LOWER_CASE_TYPES}, where the clause ends or the sentence places it; -1 if none.
   */
  private static int lowerCaseStreet(String text, int i, int number) {
    int p = i;
    for (int words = 0; words < 3; words++) {
      int wordEnd = letterRunEnd(text, p);
      if (wordEnd < 0) {
        return -1;
      }
      if (words > 0 && isAny(text, p, wordEnd, AddressWords.LOWER_CASE_TYPES)) {
        return Character.isLowerCase(text.charAt(p)) && !proseBefore(text, i, p)
            && (endsClause(text, wordEnd, true) || placed(text, wordEnd, number))
            ? wordEnd
            : -1;
      }
      if (!Chars.isGroupSpace(charAt(text, wordEnd))) {
        return -1;
      }
      p = wordEnd + 1;
    }
    return -1;
  }

  /** Whether a prose word stands among the words from {@code i} to {@code end}. */
  private static boolean proseBefore(String text, int i, int end) {
    int p = i;
    while (p < end) {
      int wordEnd = letterRunEnd(text, p);
      if (isAny(text, p, wordEnd, AddressWords.PROSE_WORDS)) {
        return true;
      }
      p = wordEnd + 1;
    }
    return false;
  }

  /**
   * The preposition ("at", "to", "from"...) one space before the number at {@code start}, or
   * null.
   */
  private static String placeBefore(String text, int start) {
    int end = start - 1;
    if (end < 2 || !Chars.isGroupSpace(text.charAt(end))) {
      return null;
    }
    int begin = end;
    while (begin > 0 && end - begin < 8 && Chars.isAsciiLetter(text.charAt(begin - 1))) {
      begin--;
    }
    if (begin == end || Chars.wordCharBefore(text, begin)) {
      return null;
    }
    for (String word : AddressWords.PLACE_PREPOSITIONS) {
      if (isWordIgnoreCase(text, begin, end, word)) {
        return word;
      }
    }
    return null;
  }

  /**
   * Whether the sentence places the street that ends at {@code end}: a word that places it on
   * its own ("in", "near", "with") follows, or a preposition stands before the number at
   * {@code number} and a word that may follow a place ("is", "and", "by"...) comes after; after
   * "from", "to" counts too.
   */
  private static boolean placed(String text, int end, int number) {
    if (placingAfter(text, end)) {
      return true;
    }
    if (!Chars.isGroupSpace(charAt(text, end))) {
      return false;
    }
    String before = placeBefore(text, number);
    if (before == null) {
      return false;
    }
    int wordEnd = letterRunEnd(text, end + 1);
    if (wordEnd < 0 || Chars.wordCharAt(text, wordEnd)) {
      return false;
    }
    return isAny(text, end + 1, wordEnd, AddressWords.AFTER_PLACE)
        || (before.equals("from") && isWordIgnoreCase(text, end + 1, wordEnd, "to"));
  }

  /** Whether "in", "near" or "with" comes one space after {@code end}. */
  private static boolean placingAfter(String text, int end) {
    if (!Chars.isGroupSpace(charAt(text, end))) {
      return false;
    }
    int wordEnd = letterRunEnd(text, end + 1);
    return wordEnd > 0 && !Chars.wordCharAt(text, wordEnd)
        && isAny(text, end + 1, wordEnd, AddressWords.PLACING_AFTER);
  }

  /**
   * The end of a direction after a street type ("Ave N", "Central Park West", "Baggot Street
   * Upper") when the clause ends after it; -1 if none.
   */
  private static int directionEnd(String text, int end) {
    if (!Chars.isGroupSpace(charAt(text, end))) {
      return -1;
    }
    int wordEnd = letterRunEnd(text, end + 1);
    return wordEnd > 0 && isExactlyAny(text, end + 1, wordEnd, AddressWords.DIRECTION_WORDS)
        && endsClause(text, wordEnd, true)
        ? wordEnd
        : -1;
  }

  /**
   * The end of a Japanese block address whose chōme and block numbers end at {@code dash}:
   * "-3" (or more numbers), one or two capitalised district words ({@code Shibuya},
   * {@code Nishi-Shinjuku}), and, after a comma, a ward or city with its suffix
   * ({@code Shibuya-ku}), which is what makes "1-2-3" an address; -1 if none.
   */
  private static int japaneseBlock(String text, int dash) {
    int i = dash;
    for (int groups = 0; groups < 2 && charAt(text, i) == '-'; groups++) {
      int end = i + 1;
      while (end < text.length() && end - i <= 4 && Chars.isAsciiDigit(text.charAt(end))) {
        end++;
      }
      if (end == i + 1) {
        return -1;
      }
      i = end;
    }
    if (!Chars.isGroupSpace(charAt(text, i))) {
      return -1;
    }
    int nameEnd = -1;
    int p = i + 1;
    for (int words = 0; words < 2; words++) {
      int wordEnd = nameWordEnd(text, p);
      if (wordEnd < 0 || Chars.isAsciiDigit(text.charAt(p))) {
        break;
      }
      nameEnd = wordEnd;
      if (!Chars.isGroupSpace(charAt(text, wordEnd))) {
        break;
      }
      p = wordEnd + 1;
    }
    if (nameEnd < 0 || charAt(text, nameEnd) != ','
        || !Chars.isGroupSpace(charAt(text, nameEnd + 1))) {
      return -1;
    }
    int area = nameEnd + 2;
    int areaEnd = letterRunEnd(text, area);
    return areaEnd > 0 && Character.isUpperCase(text.charAt(area))
        && endsWithAny(text, area, areaEnd, AddressWords.JAPANESE_AREA_SUFFIXES)
        ? nameEnd
        : -1;
  }

  /** The end of a French number suffix after {@code numberEnd} ("12 bis"), or numberEnd. */
  private static int frenchNumberSuffixEnd(String text, int numberEnd) {
    char c = charAt(text, numberEnd + 1);
    if (!Chars.isGroupSpace(charAt(text, numberEnd)) || (c != 'b' && c != 't' && c != 'q')) {
      return numberEnd;
    }
    int wordEnd = letterRunEnd(text, numberEnd + 1);
    return wordEnd > 0 && isExactlyAny(text, numberEnd + 1, wordEnd, AddressWords.FRENCH_NUMBER_SUFFIXES)
        && Chars.isGroupSpace(charAt(text, wordEnd))
        ? wordEnd
        : numberEnd;
  }

  private static boolean endsWithAny(String text, int start, int end, String[] suffixes) {
    for (String suffix : suffixes) {
      int at = end - suffix.length();
      if (at > start && text.regionMatches(true, at, suffix, 0, suffix.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The end of "rue [de] Name..." starting at {@code i}, or -1: a French street word, then
   * connectors and at least one capitalised word, the last of which ends the street.
   */
  private static int frenchStreet(String text, int i) {
    int keywordEnd = letterRunEnd(text, i);
    if (keywordEnd < 0 || !isAny(text, i, keywordEnd, AddressWords.FRENCH_STREETS)) {
      return -1;
    }
    boolean plain = Character.isLowerCase(text.charAt(i))
        || isAny(text, i, keywordEnd, AddressWords.FRENCH_STREETS_WITHOUT_CONNECTOR);
    int p = keywordEnd;
    if (charAt(text, p) == '.' && p - i == 2) {
      p++;
    }
    int end = -1;
    boolean connector = false;
    for (int words = 0; words < MAX_NAME_WORDS + 2; words++) {
      if (!Chars.isGroupSpace(charAt(text, p))) {
        break;
      }
      p++;
      if (elidedArticle(text, p)) {
        connector = true;
        p += 2;
      }
      int wordEnd = letterRunEnd(text, p);
      if (wordEnd < 0) {
        break;
      }
      if (isAny(text, p, wordEnd, AddressWords.CONNECTORS)) {
        connector = true;
      } else if (Character.isUpperCase(text.charAt(p))) {
        end = wordEnd;
      } else {
        break;
      }
      p = wordEnd;
    }
    if (end < 0) {
      return -1;
    }
    return plain || connector || endsClause(text, end, true) || placingAfter(text, end) ? end : -1;
  }

  /**
   * The start of a capitalised street name that ends with a street word ("-straße", "-weg",
   * "-gracht"...) just before {@code end}; when the name is that word alone ("Straße"), the
   * capitalised word before it belongs to it ("Berliner Straße") and must be there. -1 if none.
   */
  private static int streetWithEnding(String text, int end) {
    int start = tokenStartBefore(text, end);
    if (start < 0 || !Character.isUpperCase(text.charAt(start))
        || isAny(text, start, end, AddressWords.ENGLISH_WITH_STREET_ENDING)) {
      return -1;
    }
    for (String ending : AddressWords.STREET_ENDINGS) {
      int at = end - ending.length();
      if (at >= start && text.regionMatches(true, at, ending, 0, ending.length())) {
        if (at > start) {
          return withGermanPrefix(text, start);
        }
        int before = start - 1;
        if (isAny(text, at, end, AddressWords.COMPOUND_ONLY_ENDINGS) || before < 1
            || !Chars.isGroupSpace(text.charAt(before))) {
          return -1;
        }
        int adjective = tokenStartBefore(text, before);
        return adjective >= 0 && Character.isUpperCase(text.charAt(adjective))
            ? withGermanPrefix(text, adjective)
            : -1;
      }
    }
    return -1;
  }

  /** Extends a street name at {@code start} back over "Am", "An der", "Große"... before it. */
  private static int withGermanPrefix(String text, int start) {
    int from = start;
    for (int words = 0; words < 2; words++) {
      if (from < 2 || !Chars.isGroupSpace(text.charAt(from - 1))) {
        break;
      }
      int word = tokenStartBefore(text, from - 1);
      if (word < 0 || !isExactlyAny(text, word, from - 1, AddressWords.GERMAN_STREET_PREFIXES)) {
        break;
      }
      from = word;
    }
    return from;
  }

  /**
   * The start of the one to three capitalised words ending just before the separate street
   * word at {@code typeStart} ("Andrássy" of "Andrássy út"); -1 if there are none.
   */
  private static int capitalisedWordsBefore(String text, int typeStart) {
    int from = -1;
    int i = typeStart;
    for (int words = 0; words < 3; words++) {
      if (i < 2 || !Chars.isGroupSpace(text.charAt(i - 1))) {
        break;
      }
      int word = tokenStartBefore(text, i - 1);
      if (word < 0 || !Character.isUpperCase(text.charAt(word))) {
        break;
      }
      from = word;
      i = word;
    }
    return from;
  }

  /**
   * The start of "Opener Name..." ending just before {@code end} ({@code Calle Mayor},
   * {@code rue de Rivoli}): walking back over capitalised words and connectors to an opener,
   * with at least one capitalised word after it. -1 if none.
   */
  private static int streetWithOpener(String text, int end) {
    int names = 0;
    int i = end;
    for (int words = 0; words < MAX_STREET_WORDS_BEFORE_NUMBER; words++) {
      int start = tokenStartBefore(text, i);
      if (start < 0) {
        return -1;
      }
      // An opener right before the number is the street's name ("Via del Corso 12").
      if (names > 0 && isExactlyAny(text, start, i, AddressWords.STREET_OPENERS)) {
        return start;
      }
      if (Character.isUpperCase(text.charAt(start))
          || (elidedArticle(text, start) && Character.isUpperCase(charAt(text, start + 2)))) {
        names++;
      } else if (!isAny(text, start, i, AddressWords.CONNECTORS)) {
        return -1;
      }
      // The Spanish "C/" for "Calle", glued to the name or one space before it.
      if (names > 0 && start >= 2 && text.charAt(start - 1) == '/') {
        return calleSlash(text, start - 1);
      }
      if (start < 1 || !Chars.isGroupSpace(text.charAt(start - 1))) {
        return -1;
      }
      if (names > 0 && start >= 3 && text.charAt(start - 2) == '/') {
        return calleSlash(text, start - 2);
      }
      i = start - 1;
    }
    return -1;
  }

  /** The start of "C/" whose slash is at {@code slash}, or -1. */
  private static int calleSlash(String text, int slash) {
    int c = slash - 1;
    return c >= 0 && (text.charAt(c) == 'C' || text.charAt(c) == 'c')
        && !Chars.wordCharBefore(text, c)
        ? c
        : -1;
  }

  /**
   * Whether a street type or house number ending at {@code end} also ends its clause: at the end
   * of the text, before punctuation, or before a capitalised word (a town; only when
   * {@code nameMayFollow}), a digit (a postcode) or anything but a lower-case word.
   */
  private static boolean endsClause(String text, int end, boolean nameMayFollow) {
    int i = charAt(text, end) == '.' ? end + 1 : end;
    if (i >= text.length()) {
      return true;
    }
    char c = text.charAt(i);
    if (!Chars.isGroupSpace(c)) {
      return !Chars.isWordChar(c);
    }
    char next = charAt(text, i + 1);
    if (Character.isUpperCase(next)) {
      return nameMayFollow;
    }
    return !Character.isLowerCase(next);
  }

  /**
   * The end of a house number at {@code start}: 1–5 digits not starting with 0, an optional
   * letter ({@code 221B}), an optional range ({@code 12-14}, {@code 12–14}) or unit and building
   * ({@code 5/12}); -1 when the number runs on into a word.
   */
  private static int houseNumberEnd(String text, int start) {
    int i = digitsEnd(text, start);
    if (i < 0) {
      return -1;
    }
    if (Chars.isAsciiLetter(charAt(text, i)) && !Chars.wordCharAt(text, i + 1)) {
      i++;
    }
    char c = charAt(text, i);
    // A range ("12-14"), or a unit and its building ("5/12" in Australia, "10/12" in Poland).
    if (c == '-' || c == '–' || c == '/') {
      int to = digitsEnd(text, i + 1);
      if (to > 0) {
        i = to;
        if (Chars.isAsciiLetter(charAt(text, i)) && !Chars.wordCharAt(text, i + 1)) {
          i++;
        }
      }
    }
    return Chars.wordCharAt(text, i) ? -1 : i;
  }

  private static int digitsEnd(String text, int start) {
    if (!Chars.isAsciiDigit(charAt(text, start)) || text.charAt(start) == '0') {
      return -1;
    }
    int i = start;
    while (i < text.length() && Chars.isAsciiDigit(text.charAt(i))) {
      if (i - start == MAX_HOUSE_DIGITS) {
        return -1;
      }
      i++;
    }
    return i;
  }

  /** A house number after its street must not run on as a decimal, a time or a longer number. */
  private static boolean endsHouseNumber(String text, int end) {
    char c = charAt(text, end);
    return !((c == '.' || c == ',' || c == ':' || c == '/' || c == '-')
        && Chars.isAsciiDigit(charAt(text, end + 1)));
  }

  /** Not glued to a word, a decimal, an amount, a hash ("#12") or an issue key. */
  private static boolean startsCleanly(String text, int start) {
    if (start == 0) {
      return true;
    }
    char c = text.charAt(start - 1);
    return !Chars.isWordChar(c) && ".,-+/\\$€£¥%#&@=~^".indexOf(c) < 0;
  }

  /** Whether the word before the number ("Sprint", "Q3", "in") makes it a label or a year. */
  private static boolean isLabelledNumber(String text, int start, int numberEnd) {
    int wordEnd = start;
    if (wordEnd > 0 && Chars.isGroupSpace(text.charAt(wordEnd - 1))) {
      wordEnd--;
    }
    if (wordEnd > 0 && text.charAt(wordEnd - 1) == ':') {
      wordEnd--;
    }
    int wordStart = wordEnd;
    while (wordStart > 0 && wordEnd - wordStart <= MAX_WORD
        && Chars.isAsciiAlnum(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (wordStart == wordEnd || Chars.wordCharBefore(text, wordStart)) {
      return false;
    }
    if (isAny(text, wordStart, wordEnd, AddressWords.NUMBER_LABELS)) {
      return true;
    }
    boolean year = numberEnd - start == 4
        && (text.startsWith("19", start) || text.startsWith("20", start));
    return year && isAny(text, wordStart, wordEnd, AddressWords.YEAR_WORDS);
  }

  /**
   * Extends the address back over "Flat 3, ", "Apt. 4B " before the number, or over "Unit " when
   * the number is the unit's ("Unit 5 Brook Road").
   */
  private static int withUnitBefore(String text, int start) {
    int i = start;
    if (i < 1 || !Chars.isGroupSpace(text.charAt(i - 1))) {
      return start;
    }
    i--;
    int unit = unitWordBefore(text, i);
    if (unit >= 0) {
      return unit;
    }
    if (i > 0 && text.charAt(i - 1) == ',') {
      i--;
    }
    int tokenEnd = i;
    boolean digit = false;
    while (i > 0 && tokenEnd - i < 6 && Chars.isAsciiAlnum(text.charAt(i - 1))) {
      digit |= Chars.isAsciiDigit(text.charAt(i - 1));
      i--;
    }
    if (!digit || i == tokenEnd || i < 2 || !Chars.isGroupSpace(text.charAt(i - 1))) {
      return start;
    }
    unit = unitWordBefore(text, i - 1);
    return unit >= 0 ? unit : start;
  }

  /** The start of "Flat", "Apt." or another unit word ending just before {@code end}, or -1. */
  private static int unitWordBefore(String text, int end) {
    int wordEnd = end > 0 && text.charAt(end - 1) == '.' ? end - 1 : end;
    int wordStart = wordEnd;
    while (wordStart > 0 && wordEnd - wordStart <= 9
        && Chars.isAsciiLetter(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    boolean unit = wordStart < wordEnd && !Chars.wordCharBefore(text, wordStart)
        && isAny(text, wordStart, wordEnd, AddressWords.UNIT_WORDS);
    return unit ? wordStart : -1;
  }

  /**
   * Extends the address over a direction ("NW", or "N", "West" where the clause ends) and a
   * unit after it (", Apt 4B", " #5", ", #12-34", ", 13th Floor").
   */
  private static int withTrailers(String text, int end) {
    int i = end;
    if (Chars.isGroupSpace(charAt(text, i)) && !Chars.wordCharAt(text, i + 3)
        && isExactlyAny(text, i + 1, i + 3, AddressWords.DIRECTIONS)) {
      i += 3;
    } else {
      int direction = directionEnd(text, i);
      if (direction > 0) {
        i = direction;
      }
    }
    int j = charAt(text, i) == ',' ? i + 1 : i;
    if (!Chars.isGroupSpace(charAt(text, j))) {
      return i;
    }
    j++;
    int floor = ordinalFloorEnd(text, j);
    if (floor > 0) {
      return floor;
    }
    if (charAt(text, j) == '#') {
      j++;
    } else {
      int wordEnd = letterRunEnd(text, j);
      if (wordEnd < 0 || !isAny(text, j, wordEnd, AddressWords.UNIT_WORDS)) {
        return i;
      }
      j = wordEnd;
      if (charAt(text, j) == '.') {
        j++;
      }
      if (!Chars.isGroupSpace(charAt(text, j))) {
        return i;
      }
      j++;
    }
    int tokenStart = j;
    boolean digit = false;
    while (j < text.length() && j - tokenStart < 8) {
      char c = text.charAt(j);
      if (Chars.isAsciiAlnum(c)) {
        digit |= Chars.isAsciiDigit(c);
        j++;
      } else if ((c == '-' || c == '/') && j > tokenStart
          && Chars.isAsciiAlnum(charAt(text, j + 1))) {
        j++;
      } else {
        break;
      }
    }
    return digit && !Chars.wordCharAt(text, j) ? j : i;
  }

  /** The end of "13th Floor" at {@code i}, or -1. */
  private static int ordinalFloorEnd(String text, int i) {
    if (!Chars.isAsciiDigit(charAt(text, i))) {
      return -1;
    }
    int ordinal = nameWordEnd(text, i);
    if (ordinal < 0 || !Chars.isGroupSpace(charAt(text, ordinal))) {
      return -1;
    }
    int wordEnd = letterRunEnd(text, ordinal + 1);
    return wordEnd > 0
        && (isWordIgnoreCase(text, ordinal + 1, wordEnd, "floor") || isWordIgnoreCase(text, ordinal + 1, wordEnd, "fl"))
        ? wordEnd
        : -1;
  }

  /**
   * Records the post office box whose number starts at {@code start}, one space after "Box":
   * "PO Box 1234", "P.O. Box 778", "Post Office Box 55". The box is the address, so it goes
   * whole, with the postcode that may follow.
   *
   * @return the index just after the number, or -1 when there is none
   */
  static int poBox(String text, int start, Spans out) {
    int box = start - 4;
    if (box < 3 || !text.regionMatches(true, box, "box", 0, 3)
        || !Chars.isGroupSpace(text.charAt(box - 1))) {
      return -1;
    }
    int from = -1;
    int before = box - 1;
    for (String opener : AddressWords.PO_BOX_OPENERS) {
      int at = before - opener.length();
      if (at >= 0 && text.regionMatches(true, at, opener, 0, opener.length())
          && !Chars.wordCharBefore(text, at)) {
        from = at;
        break;
      }
    }
    int end = start;
    while (end < text.length() && end - start < 7 && Chars.isAsciiDigit(text.charAt(end))) {
      end++;
    }
    if (from < 0 || Chars.wordCharAt(text, end) || !endsHouseNumber(text, end)) {
      return -1;
    }
    out.add(from, end, Placeholder.ADDRESS);
    Postcodes.afterAddress(text, end, out);
    return end;
  }

  /**
   * The end of the name word at {@code i}: a capitalised word (letters, with an inner
   * apostrophe or hyphen: "King's", "Saint-Denis") or an ordinal ("42nd"); -1 if none.
   */
  private static int nameWordEnd(String text, int i) {
    char c = charAt(text, i);
    if (Chars.isAsciiDigit(c)) {
      int j = i;
      while (j < text.length() && j - i < 3 && Chars.isAsciiDigit(text.charAt(j))) {
        j++;
      }
      boolean ordinal = text.regionMatches(j, "st", 0, 2) || text.regionMatches(j, "nd", 0, 2)
          || text.regionMatches(j, "rd", 0, 2) || text.regionMatches(j, "th", 0, 2);
      return ordinal && !Chars.wordCharAt(text, j + 2) ? j + 2 : -1;
    }
    return Character.isUpperCase(c) ? letterRunEnd(text, i) : -1;
  }

  /**
   * The end of the word of letters at {@code i}, with an inner apostrophe or hyphen before a
   * letter; -1 when there is no letter there, or the word is longer than {@link #MAX_WORD}.
   */
  private static int letterRunEnd(String text, int i) {
    int n = text.length();
    if (i >= n || !isLetter(text.charAt(i))) {
      return -1;
    }
    int j = i + 1;
    while (j < n && j - i <= MAX_WORD) {
      char c = text.charAt(j);
      if (isLetter(c)) {
        j++;
      } else if (isInnerMark(c) && j + 1 < n && isLetter(text.charAt(j + 1))) {
        j += 2;
      } else {
        break;
      }
    }
    return j - i > MAX_WORD ? -1 : j;
  }

  /**
   * The start of the token ending just before {@code end}: letters with inner apostrophes or
   * hyphens, and one final dot for an abbreviation ("Str.", "Av."); -1 if none.
   */
  private static int tokenStartBefore(String text, int end) {
    int i = end;
    if (i > 0 && text.charAt(i - 1) == '.') {
      i--;
    }
    int letters = i;
    while (i > 0 && end - i <= MAX_WORD) {
      char c = text.charAt(i - 1);
      if (isLetter(c)) {
        i--;
      } else if (isInnerMark(c) && i >= 2 && isLetter(text.charAt(i - 2)) && i < letters) {
        i--;
      } else {
        break;
      }
    }
    if (i == letters || end - i > MAX_WORD || Chars.wordCharBefore(text, i)) {
      return -1;
    }
    return i;
  }

  /** "d'" or "l'" (either apostrophe) before a letter, as in "rue d'Alsace". */
  private static boolean elidedArticle(String text, int i) {
    char c = charAt(text, i);
    char apostrophe = charAt(text, i + 1);
    return (c == 'd' || c == 'l' || c == 'D' || c == 'L')
        && (apostrophe == '\'' || apostrophe == '’') && isLetter(charAt(text, i + 2));
  }

  /** An apostrophe or hyphen inside a word: "King's", "Saint-Denis". */
  private static boolean isInnerMark(char c) {
    return c == '\'' || c == '’' || c == '-';
  }

  private static boolean isLetter(char c) {
    return c < 128 ? Chars.isAsciiLetter(c) : Chars.isWordChar(c) && !Character.isDigit(c);
  }

  private static boolean isAny(String text, int start, int end, String[] words) {
    for (String word : words) {
      if (isWordIgnoreCase(text, start, end, word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word after the opener at {@code from} is a connector ("rue de Rivoli"). */
  private static boolean connectorAfterOpener(String text, int from) {
    int openerEnd = letterRunEnd(text, from);
    if (openerEnd < 0 || !Chars.isGroupSpace(charAt(text, openerEnd))) {
      return false;
    }
    int next = openerEnd + 1;
    if (elidedArticle(text, next)) {
      return true;
    }
    int nextEnd = letterRunEnd(text, next);
    return nextEnd > 0 && isAny(text, next, nextEnd, AddressWords.CONNECTORS);
  }

  private static boolean isExactlyAny(String text, int start, int end, String[] words) {
    for (String word : words) {
      if (end - start == word.length() && text.startsWith(word, start)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithWord(String text, int start, String[] words) {
    for (String word : words) {
      if (text.startsWith(word, start) && !Chars.wordCharAt(text, start + word.length())) {
        return true;
      }
    }
    return false;
  }

}
