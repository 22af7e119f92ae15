package dev.gatekeeper.deid;

import static dev.gatekeeper.deid.NameCues.*;

/**
 * Finds the names of any person in free text, whoever they are, and records them as
 * {@link Placeholder#NAME}.
 *
 * <h2>How a name is recognised</h2>
 *
 * The text is cut into words; runs of capitalised words (or words of scripts without case),
 * joined by single spaces, name particles ({@code van der}, {@code Mac}, {@code bin}) and
 * initials, are the candidates. Each word is looked up in the {@link Lexicon}:
 *
 * <ul>
 *   <li><b>strong</b>: recorded as a given or family name in some locale and not an English
 *       word ("Henrik", "Aaltonen", "Oyinlola");
 *   <li><b>weak</b>: recorded as a name but also an ordinary word, place or product ("Mark",
 *       "Will", "Rose", "Park", "Jordan");
 *   <li><b>unknown</b>: neither a recorded name nor an English word ("Okonjo", "Suibhne");
 *   <li><b>ordinary</b>: an English word, place, month or product that is not a recorded name,
 *       an acronym, or a word with digits or inner capitals; it ends a run.
 * </ul>
 *
 * A run is a name when it holds a strong word, or is a given name followed by a family name
 * ("Will Smith"), unless its neighbours say it is not a person ("the Phoenix team"). Any other
 * run (weak or unknown words only) is a name only where the context says person: after a title
 * (kept inside the placeholder), in a greeting or sign-off, after a verb that takes a person
 * ("ask", "paired with", "assigned to", "reviewed by"), after a list head ("Attendees:"), before
 * a verb that takes a person as subject ("said", "will review"), with a possessive before a
 * personal noun ("X's review"), addressed ("X, can you ..."), or in a list with a name ("A, B and
 * C"). So "Mark as done", "Will this fix it?" and "the May release" stay, while "Thanks, Bill" and
 * "Ottoline said" do not.
 *
 * <p>No name list is written in this class: names come from the lexicon, which is built from
 * public name lists of many locales; the words here are the grammar around names.
 */
final class PersonNames {
  static final byte ORDINARY = 0;
  static final byte UNKNOWN = 1;
  static final byte WEAK = 2;
  static final byte STRONG = 3;
  /** A particle that may join the words of a name but never makes one alone. */
  static final byte PARTICLE = 4;
  /** A single capital letter with a dot: an initial inside a name ("John F. Kennedy"). */
  static final byte INITIAL = 5;

  private static final int NAME_FLAGS = Lexicon.GIVEN | Lexicon.FAMILY;
  /** Flags of a word that may be a name but needs the context to say so. */
  private static final int MAYBE_NAME_FLAGS = Lexicon.PERSON | Lexicon.PROPER | Lexicon.RARE;
  static final int WORD_FLAGS =
      Lexicon.COMMON | Lexicon.PROPER | Lexicon.TECH | Lexicon.STOP;

  private PersonNames() {}

  /** Records every person's name found in {@code text}. */
  static void find(String text, Spans out) {
    Words w = Words.of(text);
    if (w.count == 0) {
      return;
    }
    byte[] kind = new byte[w.count];
    boolean anyCandidate = false;
    for (int i = 0; i < w.count; i++) {
      kind[i] = classify(w, i);
      anyCandidate |= kind[i] == STRONG || kind[i] == WEAK || kind[i] == UNKNOWN;
    }
    if (!anyCandidate) {
      return;
    }
    new NameRuns(w, kind, out).run();
  }

  // ------------------------------------------------------------------------------- words

  private static byte classify(Words w, int i) {
    String text = w.text;
    int s = w.start[i];
    int e = w.nameEnd(i);
    char c0 = text.charAt(s);
    if (c0 < 128 && !(c0 >= 'A' && c0 <= 'Z')) {
      // Lower case or a digit, as most words are: only "al-Hashimi" can be a name.
      return c0 >= 'a' && c0 <= 'z' && e - s > 3 && particleHyphenName(w, i) ? UNKNOWN : ORDINARY;
    }
    int first = text.codePointAt(s);
    if (!Character.isLetter(first)) {
      return ORDINARY;
    }
    boolean upper = Character.isUpperCase(first) || Character.isTitleCase(first);
    boolean uncased = !upper && !Character.isLowerCase(first);
    if (!upper && !uncased) {
      // Most words; a lower-case particle matters only between name words, so it is looked up
      // there (joinsName), sparing a string per word here.
      return e - s > 3 && particleHyphenName(w, i) ? UNKNOWN : ORDINARY;
    }
    String word = text.substring(s, e);
    // One lower-case key per capitalised word, shared by every look-up below.
    String key = Lexicon.key(word);
    if (e - s == 1 && upper && w.dotAfter(i)
        && !(s >= 2 && text.charAt(s - 1) == '.' && Character.isLetter(text.charAt(s - 2)))) {
      // "B. Jovanović" is an initial; "P.S." and "U.S." are abbreviations.
      return w.spaceAfterDot(i) ? INITIAL : ORDINARY;
    }
    if (w.inCode(i)) {
      return ORDINARY;
    }
    if (PARTICLES.contains(key) && !isAllCaps(word) && w.capitalisedNext(i)) {
      return PARTICLE; // "De Souza", "Van der Merwe"; alone, "Mac" is a computer
    }
    if (uncased) {
      return classifyUncased(word);
    }
    if (isAllCaps(word) || hasDigitOrInnerCapital(word) || word.length() < 2
        || (word.length() > 1 && Character.isUpperCase(word.charAt(1)))) {
      return ORDINARY; // "QA", "DAGs", "GitHub", "B": acronyms and code, not names
    }
    if (CONTEXT_WORDS.contains(key)) {
      return ORDINARY; // "Ping", "Thanks", "Regards": they point at names, they aren't ones
    }
    int flags = lookUp(word, key);
    if ((flags & Lexicon.TECH) != 0 || MONTHS.contains(key)) {
      return ORDINARY; // "Kafka", "Ruby", "August": in work text, a product or a month
    }
    boolean name = (flags & NAME_FLAGS) != 0;
    boolean ordinary = (flags & (WORD_FLAGS | Lexicon.RARE)) != 0;
    if (name) {
      return ordinary || (flags & Lexicon.PROPER) != 0 ? WEAK : STRONG;
    }
    if ((flags & (Lexicon.COMMON | Lexicon.STOP | Lexicon.TECH)) != 0) {
      return ORDINARY;
    }
    if (word.endsWith("s") && word.length() > 3
        && (lookUp(word.substring(0, word.length() - 1)) & (WORD_FLAGS | Lexicon.PROPER)) != 0
        && (lookUp(word.substring(0, word.length() - 1)) & NAME_FLAGS) == 0) {
      return ORDINARY; // "Wednesdays", "Kubernetes'": a plural of a word or place
    }
    // A famous person, a place or a rare word ("Darwin", "Jordan", "Gao"): a name only where
    // the context says so.
    return (flags & MAYBE_NAME_FLAGS) != 0 ? WEAK : UNKNOWN;
  }

  /**
   * A lower-case word that is a name with a particle joined by a hyphen ("al-Hashimi",
   * "bin-Laden", "ben-David"): the particle is lower case but the name after it is not.
   */
  private static boolean particleHyphenName(Words w, int i) {
    String text = w.text;
    int s = w.start[i];
    int e = w.nameEnd(i);
    int hyphen = -1;
    for (int k = s + 1; k < Math.min(e - 1, s + 5); k++) {
      if (text.charAt(k) == '-') {
        hyphen = k;
        break;
      }
    }
    if (hyphen < 0) {
      return false;
    }
    return Character.isUpperCase(text.charAt(hyphen + 1))
        && PARTICLES.contains(text.substring(s, hyphen));
  }

  /**
   * The flags of a word, of its hyphenated parts ("Okonjo-Ferreira": a name when a part is one,
   * a word only when every part is), or of the name after an Irish or Italian prefix ("O'Neill").
   */
  static int lookUp(String word) {
    return lookUp(word, Lexicon.key(word));
  }

  /** {@link #lookUp(String)} with the word's key already made. */
  static int lookUp(String word, String key) {
    Lexicon lexicon = Lexicon.standard();
    int flags = lexicon.flagsOfKey(key);
    if (flags != 0) {
      return flags;
    }
    int hyphen = word.indexOf('-');
    if (hyphen > 0) {
      int names = 0;
      boolean everyPartAWord = true;
      for (String part : word.split("-")) {
        int f = part.isEmpty() ? 0 : lexicon.flags(part);
        names |= f & NAME_FLAGS;
        everyPartAWord &= part.isEmpty() || (f & WORD_FLAGS) != 0;
      }
      return names | (everyPartAWord ? Lexicon.COMMON : 0);
    }
    int apostrophe = apostropheIndex(word);
    if (apostrophe == 1 || apostrophe == 2) {
      int f = lexicon.flags(word.substring(apostrophe + 1));
      return f & NAME_FLAGS;
    }
    return 0;
  }

  private static int apostropheIndex(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\'' || c == '\u2019') {
        return i;
      }
    }
    return -1;
  }

  /**
   * A word of a script without case (Han, Hangul, Arabic, Devanagari...): a name when recorded
   * as one, or when a CJK word of two to four characters starts with a recorded family name.
   */
  private static byte classifyUncased(String word) {
    Lexicon lexicon = Lexicon.standard();
    int flags = lexicon.flags(word);
    if ((flags & NAME_FLAGS) != 0) {
      return STRONG;
    }
    int length = word.codePointCount(0, word.length());
    Character.UnicodeScript script = Character.UnicodeScript.of(word.codePointAt(0));
    boolean han = script == Character.UnicodeScript.HAN;
    boolean hangul = script == Character.UnicodeScript.HANGUL;
    // A family name then a recorded given name ("山田" + "太郎"); or, for the three-syllable
    // shape nearly every Korean and most Chinese names have, a family name then two more.
    if ((han || hangul) && length >= 3 && length <= 4) {
      for (int k = 1; k <= 2 && k < length; k++) {
        int cut = word.offsetByCodePoints(0, k);
        if ((lexicon.flags(word.substring(0, cut)) & Lexicon.FAMILY) != 0
            && ((lexicon.flags(word.substring(cut)) & Lexicon.GIVEN) != 0
                || (k == 1 && length == 3))) {
          return STRONG;
        }
      }
    }
    return (flags & WORD_FLAGS) != 0 ? ORDINARY : UNKNOWN;
  }

  static boolean isAllCaps(String word) {
    int letters = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }

  /**
   * Digits, or a capital after a lower-case letter that is not a name's ("GitHub", "iOS"):
   * "McDonald", "MacLeod", "DeShawn", "LaToya" and capitals after a hyphen or apostrophe stay
   * name-like.
   */
  static boolean hasDigitOrInnerCapital(String word) {
    for (int i = 1; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isDigit(c)) {
        return true;
      }
      if (Character.isUpperCase(c) && Character.isLowerCase(word.charAt(i - 1))) {
        String head = word.substring(0, i);
        if (!(head.equals("Mc") || head.equals("Mac") || head.equals("De") || head.equals("La")
            || head.equals("Le") || head.equals("Di") || head.equals("Da") || head.equals("Van")
            || head.equals("Fitz") || head.equals("Du") || head.equals("Nic") || head.equals("Ní")
            || head.equals("Ó") || head.equals("Ap") || head.equals("Al") || head.equals("El"))) {
          return true;
        }
      }
    }
    return false;
  }
}
