package dev.gatekeeper.deid;

/**
 * Finds street addresses by their shape around a house number, in the forms that put the number
 * first ({@code 221B Baker Street}, {@code 10 rue de Rivoli}) and those that put it last
 * ({@code Hauptstraße 5}, {@code Keizersgracht 123}, {@code Via Roma 12}), with a flat or unit
 * before or after, and the continental postcode that may follow ({@link Postcodes}).
 *
 * <p>The street type is what makes an address: a number before capitalised words is far more
 * often a count or a heading ("3 Main risks", "Sprint 12 Review"), so the words must end in a
 * type from {@link #TYPES}, and at least one capitalised name word must stand between the number
 * and the type ("2 Road trips" stays).
 */
final class Addresses {
  private static final int MAX_HOUSE_DIGITS = 5;
  private static final int MAX_NAME_WORDS = 4;
  private static final int MAX_WORD = 24;
  private static final int MAX_STREET_WORDS_BEFORE_NUMBER = 5;

  /** Street types that, after a capitalised name word, hardly mean anything but a street. */
  private static final String[] TYPES = {
    "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Boulevard", "Blvd", "Parkway",
    "Pkwy", "Highway", "Hwy", "Crescent", "Terrace", "Mews", "Alley", "Quay", "Wharf",
    "Embankment", "Parade",
  };

  /**
   * Street types that are also ordinary words ("Fix Close button", "Supreme Court Judges", "Dr
   * Smith"): they end an address only where the clause ends or a postcode or number follows, not
   * before another word ("5 Abbey Close, Leeds" but not "5 Abbey Close Leeds"), unless the
   * sentence itself says it is a place: "at" or "to" before the number and a preposition after
   * the type ("lives at 5 Ash Court in Leeds").
   */
  private static final String[] AMBIGUOUS_TYPES = {
    "Way", "Hill", "Walk", "Row", "Drive", "Dr", "Place", "Pl", "Close", "Court", "Ct", "Square",
    "Sq", "Circle", "Trail", "Gardens", "Grove", "Loop",
  };

  /** French street words that come after the number: {@code 10 rue de Rivoli}. */
  private static final String[] FRENCH_STREETS = {
    "rue", "avenue", "av", "boulevard", "bd", "place", "allée", "allee", "impasse", "chemin",
    "quai", "cours", "route", "passage",
  };

  /**
   * French street words that may take a capitalised name without "de": {@code 10 Avenue Foch};
   * the others ("Place", "Route", "Passage") before a name alone are too often English, so there
   * the name must end the clause ({@code 5 Place Vendôme, Paris}; "2 Place Holders are" stays).
   */
  private static final String[] FRENCH_STREETS_WITHOUT_CONNECTOR = {
    "rue", "avenue", "av", "boulevard", "bd", "quai",
  };

  /** Endings of German, Dutch and Scandinavian street names that come before the number. */
  private static final String[] STREET_ENDINGS = {
    "straße", "strasse", "str.", "weg", "platz", "gasse", "allee", "markt", "gracht", "straat",
    "laan", "plein", "kade", "singel", "dijk", "steeg", "gatan", "vägen", "veien", "vej",
  };

  /**
   * Words that open a Romance street name, which comes before the number: {@code Calle Mayor 5}.
   * Matched in this case only, so that the English "via" in prose opens nothing.
   */
  private static final String[] STREET_OPENERS = {
    "Calle", "Carrer", "Avenida", "Av.", "Avda.", "Rua", "Travessa", "Praça", "Plaza", "Paseo",
    "Camino", "Carretera", "Via", "Viale", "Piazza", "Piazzale", "Corso", "Largo", "Vicolo",
    "Strada", "Rue", "rue", "Ulica", "ul.", "Ul.",
  };

  /**
   * Openers that are English words too: without a connector after them ("rue de", "Via del")
   * their number must end the clause or precede a name, so "Via Slack 3 people" stays.
   */
  private static final String[] ENGLISH_LOOKING_OPENERS = {
    "Via", "Plaza", "Largo", "Corso", "Rue", "rue",
  };

  private static final String[] CONNECTORS = {
    "de", "del", "dels", "della", "delle", "dei", "degli", "di", "da", "do", "dos", "das", "des",
    "du", "la", "le", "les",
  };

  /**
   * Words after which a number is a label's value, not a house number: "Sprint 12 Review",
   * "Step 2 Drive the test", "Room 4 Park". "No" is not one ("No. 10 Downing Street").
   */
  private static final String[] NUMBER_LABELS = {
    "sprint", "step", "steps", "phase", "stage", "version", "ver", "v", "release", "build",
    "iteration", "round", "room", "rm", "floor", "fl", "level", "lvl", "chapter", "ch", "section",
    "sec", "part", "page", "pages", "p", "pp", "figure", "fig", "table", "item", "items", "issue",
    "issues", "pr", "prs", "mr", "ticket", "tickets", "bug", "bugs", "task", "tasks", "story",
    "epic", "milestone", "slide", "test", "tests", "case", "cases", "line", "lines", "column",
    "col", "week", "weeks", "day", "days", "hour", "hours", "episode", "season", "vol", "volume",
    "rule", "rules", "article", "option", "tier", "grade", "gate", "platform", "terminal", "seat",
    "desk", "top", "q", "q1", "q2", "q3", "q4", "h1", "h2",
  };

  /** Words after which a number from 1900 to 2099 is a year: "in 2024 Abbey Road reopened". */
  private static final String[] YEAR_WORDS = {
    "in", "since", "by", "until", "till", "from", "of", "before", "after", "during", "circa",
    "year", "early", "late", "mid", "around", "summer", "winter", "spring", "autumn", "fall",
    "fy",
  };

  /** Words that may introduce an address: "lives at", "send it to". */
  private static final String[] PLACE_PREPOSITIONS = {"at", "to"};

  /** Words that may follow an address in a sentence: "at 5 Ash Court in Leeds". */
  private static final String[] AFTER_PLACE = {"in", "near", "and", "on", "with", "by", "since"};

  private static final String[] UNIT_WORDS = {"flat", "apt", "apartment", "unit", "suite", "ste"};

  private static final String[] DIRECTIONS = {"NW", "NE", "SW", "SE"};

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
    int next = after == ',' ? run + 1 : run;
    if (!Chars.isGroupSpace(charAt(text, next))) {
      return false;
    }
    char word = charAt(text, next + 1);
    return Character.isUpperCase(word) || Chars.isAsciiDigit(word) || "rabpicq".indexOf(word) >= 0;
  }

  /**
   * Records the address whose house number starts at {@code start}: the number (up to five
   * digits, an optional letter as in {@code 221B}, an optional range as in {@code 12-14}), then
   * one to four capitalised name words and a street type ({@code 10 Downing Street},
   * {@code 350 5th Ave}), or a French street word and its name ({@code 10 rue de Rivoli}). A
   * flat or unit before ({@code Flat 3, }) or after ({@code , Apt 4B}) and a US direction
   * ({@code NW}) go with it.
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
    boolean comma = charAt(text, numberEnd) == ',';
    int words = numberEnd + (comma ? 2 : 1);
    char first = charAt(text, words);
    if (!Chars.isGroupSpace(charAt(text, words - 1))
        || !(Character.isLetter(first) || Chars.isAsciiDigit(first))) {
      return -1;
    }
    int end = comma ? -1 : typedStreet(text, words, placeBefore(text, start));
    if (end < 0) {
      end = frenchStreet(text, words);
    }
    if (end < 0 && Chars.isAsciiDigit(first) && start > 0
        && unitWordBefore(text, start - 1) >= 0) {
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
   * a capitalised German, Dutch or Scandinavian street name ({@code Hauptstraße 5},
   * {@code Berliner Straße 5a}, {@code Keizersgracht 123}) or a Romance one
   * ({@code Calle Mayor 5}, {@code rue de Rivoli 10}, {@code Via Roma 12}).
   *
   * @return the index just after the house number, or -1 when there is none
   */
  static int numberAfterStreet(String text, int start, Spans out) {
    int streetEnd = start - 1;
    char last = charAt(text, streetEnd - 1);
    if (!Character.isLetter(last) && last != '.') {
      return -1;
    }
    // Either form ends in a capitalised word ("Hauptstraße", "Rivoli", "d'Italia"), which
    // rules out the "in 2026" and "at 10" of prose at once.
    int lastWord = tokenStartBefore(text, streetEnd);
    if (lastWord < 0 || !(Character.isUpperCase(text.charAt(lastWord))
        || (elidedArticle(text, lastWord) && Character.isUpperCase(charAt(text, lastWord + 2))))) {
      return -1;
    }
    int numberEnd = houseNumberEnd(text, start);
    if (numberEnd < 0 || !endsHouseNumber(text, numberEnd)) {
      return -1;
    }
    int from = streetWithEnding(text, streetEnd);
    if (from < 0) {
      from = streetWithOpener(text, streetEnd);
      if (from < 0 || (startsWithWord(text, from, ENGLISH_LOOKING_OPENERS)
          && !connectorAfterOpener(text, from) && !endsClause(text, numberEnd, true))) {
        return -1;
      }
    }
    out.add(from, numberEnd, Placeholder.ADDRESS);
    Postcodes.afterAddress(text, numberEnd, out);
    return numberEnd;
  }

  /**
   * The end of "Name ... Type" starting at {@code i}: the last street type within the first
   * {@link #MAX_NAME_WORDS} + 1 words that has a name word before it, so "5 Church Hill Road"
   * is read whole; -1 when there is none.
   */
  private static int typedStreet(String text, int i, boolean placeBefore) {
    int best = -1;
    for (int words = 0; words <= MAX_NAME_WORDS; words++) {
      int wordEnd = nameWordEnd(text, i);
      if (wordEnd < 0) {
        break;
      }
      if (words > 0) {
        if (isAny(text, i, wordEnd, TYPES)) {
          best = wordEnd;
        } else if (isAny(text, i, wordEnd, AMBIGUOUS_TYPES)
            && (endsClause(text, wordEnd, false)
                || (placeBefore && !is(text, i, wordEnd, "dr") && placeAfter(text, wordEnd)))) {
          best = wordEnd;
        }
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

  /** Whether "at" or "to" stands one space before the number at {@code start}. */
  private static boolean placeBefore(String text, int start) {
    int end = start - 1;
    if (end < 2 || !Chars.isGroupSpace(text.charAt(end))) {
      return false;
    }
    int begin = end - 2;
    return !Chars.wordCharBefore(text, begin) && isAny(text, begin, end, PLACE_PREPOSITIONS);
  }

  /** Whether a preposition that may follow a place ("in", "near") comes one space after. */
  private static boolean placeAfter(String text, int end) {
    if (!Chars.isGroupSpace(charAt(text, end))) {
      return false;
    }
    int wordEnd = letterRunEnd(text, end + 1);
    return wordEnd > 0 && !Chars.wordCharAt(text, wordEnd)
        && isAny(text, end + 1, wordEnd, AFTER_PLACE);
  }

  /**
   * The end of "rue [de] Name..." starting at {@code i}, or -1: a French street word, then
   * connectors and at least one capitalised word, the last of which ends the street.
   */
  private static int frenchStreet(String text, int i) {
    int keywordEnd = letterRunEnd(text, i);
    if (keywordEnd < 0 || !isAny(text, i, keywordEnd, FRENCH_STREETS)) {
      return -1;
    }
    boolean plain = Character.isLowerCase(text.charAt(i))
        || isAny(text, i, keywordEnd, FRENCH_STREETS_WITHOUT_CONNECTOR);
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
      if (isAny(text, p, wordEnd, CONNECTORS)) {
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
    return plain || connector || endsClause(text, end, true) ? end : -1;
  }

  /**
   * The start of a capitalised street name that ends with a street word ("-straße", "-weg",
   * "-gracht"...) just before {@code end}; when the name is that word alone ("Straße"), the
   * capitalised word before it belongs to it ("Berliner Straße") and must be there. -1 if none.
   */
  private static int streetWithEnding(String text, int end) {
    int start = tokenStartBefore(text, end);
    if (start < 0 || !Character.isUpperCase(text.charAt(start))) {
      return -1;
    }
    for (String ending : STREET_ENDINGS) {
      int at = end - ending.length();
      if (at >= start && text.regionMatches(true, at, ending, 0, ending.length())) {
        if (at > start) {
          return start;
        }
        int before = start - 1;
        if (before < 1 || !Chars.isGroupSpace(text.charAt(before))) {
          return -1;
        }
        int adjective = tokenStartBefore(text, before);
        return adjective >= 0 && Character.isUpperCase(text.charAt(adjective)) ? adjective : -1;
      }
    }
    return -1;
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
      if (names > 0 && isExactlyAny(text, start, i, STREET_OPENERS)) {
        return start;
      }
      if (Character.isUpperCase(text.charAt(start))
          || (elidedArticle(text, start) && Character.isUpperCase(charAt(text, start + 2)))) {
        names++;
      } else if (!isAny(text, start, i, CONNECTORS)) {
        return -1;
      }
      if (start < 1 || !Chars.isGroupSpace(text.charAt(start - 1))) {
        return -1;
      }
      i = start - 1;
    }
    return -1;
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
   * letter ({@code 221B}), an optional range ({@code 12-14}, {@code 12–14}); -1 when the number
   * runs on into a word.
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
    if (c == '-' || c == '–') {
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
    if (isAny(text, wordStart, wordEnd, NUMBER_LABELS)) {
      return true;
    }
    boolean year = numberEnd - start == 4
        && (text.startsWith("19", start) || text.startsWith("20", start));
    return year && isAny(text, wordStart, wordEnd, YEAR_WORDS);
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
        && isAny(text, wordStart, wordEnd, UNIT_WORDS);
    return unit ? wordStart : -1;
  }

  /** Extends the address over a US direction ("NW") and a unit after it (", Apt 4B", " #5"). */
  private static int withTrailers(String text, int end) {
    int i = end;
    if (Chars.isGroupSpace(charAt(text, i)) && !Chars.wordCharAt(text, i + 3)
        && isExactlyAny(text, i + 1, i + 3, DIRECTIONS)) {
      i += 3;
    }
    int j = charAt(text, i) == ',' ? i + 1 : i;
    if (!Chars.isGroupSpace(charAt(text, j))) {
      return i;
    }
    j++;
    if (charAt(text, j) == '#') {
      j++;
    } else {
      int wordEnd = letterRunEnd(text, j);
      if (wordEnd < 0 || !isAny(text, j, wordEnd, UNIT_WORDS)) {
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
    while (j < text.length() && j - tokenStart < 6 && Chars.isAsciiAlnum(text.charAt(j))) {
      digit |= Chars.isAsciiDigit(text.charAt(j));
      j++;
    }
    return digit && !Chars.wordCharAt(text, j) ? j : i;
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
      if (is(text, start, end, word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean is(String text, int start, int end, String word) {
    return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
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
    return nextEnd > 0 && isAny(text, next, nextEnd, CONNECTORS);
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

  private static char charAt(String text, int i) {
    return i >= 0 && i < text.length() ? text.charAt(i) : '\0';
  }
}
