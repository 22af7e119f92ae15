package dev.gatekeeper.deid;

import static dev.gatekeeper.deid.NameCues.*;
import static dev.gatekeeper.deid.PersonNames.INITIAL;
import static dev.gatekeeper.deid.PersonNames.ORDINARY;
import static dev.gatekeeper.deid.PersonNames.PARTICLE;
import static dev.gatekeeper.deid.PersonNames.STRONG;
import static dev.gatekeeper.deid.PersonNames.UNKNOWN;
import static dev.gatekeeper.deid.PersonNames.WEAK;
import static dev.gatekeeper.deid.PersonNames.WORD_FLAGS;
import static dev.gatekeeper.deid.PersonNames.hasDigitOrInnerCapital;
import static dev.gatekeeper.deid.PersonNames.isAllCaps;
import static dev.gatekeeper.deid.PersonNames.lookUp;

/**
 * The decisions of {@link PersonNames}: groups the candidate words it classified into runs and
 * decides each run name or not, recording the names in {@code out}. One instance per text.
 */
final class NameRuns {
  private final Words w;
  private final byte[] kind;
  private final Spans out;
  /** Run of each word (-1 when in none); runs are numbered in text order. */
  private final int[] runOf;
  private int[] runFirst = new int[8];
  private int[] runLast = new int[8];
  private byte[] decided = new byte[8];
  private int runs;

  private static final byte UNDECIDED = 0;
  private static final byte NAME = 1;
  private static final byte NOT_NAME = 2;

  NameRuns(Words w, byte[] kind, Spans out) {
    this.w = w;
    this.kind = kind;
    this.out = out;
    this.runOf = new int[w.count];
  }

  void run() {
    buildRuns();
    for (int r = 0; r < runs; r++) {
      decided[r] = decide(r);
    }
    // Lists: a run joined by "," "and" "&" "or" to a name is a name too.
    boolean changed = true;
    for (int pass = 0; changed && pass < 4; pass++) {
      changed = false;
      for (int r = 0; r < runs; r++) {
        if (decided[r] == UNDECIDED
            && ((r > 0 && decided[r - 1] == NAME && listJoined(runLast[r - 1], runFirst[r]))
                || (r + 1 < runs
                    && decided[r + 1] == NAME
                    && listJoined(runLast[r], runFirst[r + 1])))) {
          decided[r] = NAME;
          changed = true;
        }
      }
    }
    for (int r = 0; r < runs; r++) {
      if (decided[r] == NAME) {
        int from = titleBefore(runFirst[r]) ? titleStart(runFirst[r]) : leadingParticles(runFirst[r]);
        out.add(from, w.nameEnd(runLast[r]), Placeholder.NAME);
      }
    }
  }

  private void buildRuns() {
    int i = 0;
    while (i < w.count) {
      runOf[i] = -1;
      if (!isNameWord(kind[i])) {
        i++;
        continue;
      }
      int first = i;
      int last = i;
      int j = i + 1;
      // Extend over single spaces, particles and initials, while the previous word has no
      // possessive (which ends a name) and the next name word follows.
      while (j < w.count && !w.possessive(last) && nameGap(j)) {
        if (isNameWord(kind[j])) {
          last = j;
          j++;
        } else if (surnameAfterGivenName(last, j)) {
          kind[j] = WEAK; // "Emyr Parry", "Faith Bishop": a surname that is also a word
          last = j;
          j++;
        } else if (joinsName(j) && particleRunContinues(j)) {
          j++;
        } else {
          break;
        }
      }
      if (first < last && w.sentenceStart(first)
          && ((kind[first] == WEAK && peelable(first))
              || (kind[first] == UNKNOWN && englishEnding(w.word(first))))) {
        first++; // "Loved Aikaterini's talk": a capital for the sentence, not for a name
        while (first < last && !isNameWord(kind[first])) {
          first++;
        }
      }
      addRun(first, last);
      for (int k = first; k <= last; k++) {
        runOf[k] = runs - 1;
      }
      i = last + 1;
    }
  }

  /**
   * Whether a sentence's first word, capitalised only for being first, is an English word
   * rather than a given name before a family name: it is when it is no given name, or when a
   * given name follows it ("Will Ayo join?").
   */
  private boolean peelable(int first) {
    Lexicon lexicon = Lexicon.standard();
    int f = lexicon.flags(w.word(first));
    if ((f & (Lexicon.COMMON | Lexicon.STOP)) == 0) {
      return false;
    }
    return (f & Lexicon.GIVEN) == 0 || (lookUp(w.word(first + 1)) & Lexicon.GIVEN) != 0
        || (f & Lexicon.STOP) != 0;
  }

  private boolean englishEnding(String word) {
    String lower = Lexicon.key(word);
    for (String ending : ENGLISH_ENDINGS) {
      if (lower.length() > ending.length() + 2 && lower.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  /** Whether words {@code j - 1} and {@code j} may be parts of one name: a space, or ". " after an initial. */
  private boolean nameGap(int j) {
    if (w.spaceOnlyBefore(j)) {
      return true;
    }
    if (j == 0 || kind[j - 1] != INITIAL) {
      return false;
    }
    String gap = w.gapBefore(j);
    return gap.equals(". ") || gap.equals(".") || gap.equals(".\u00A0");
  }

  /**
   * Whether capitalised word {@code j}, an English word, is the family name of the given name
   * at {@code last}: "Emyr Parry", "Faith Bishop", "Rose Brown".
   */
  private boolean surnameAfterGivenName(int last, int j) {
    if (kind[j] != ORDINARY || !Character.isUpperCase(w.text.charAt(w.start[j]))
        || (kind[last] != STRONG && kind[last] != WEAK)) {
      return false;
    }
    String word = w.word(j);
    if (word.length() < 3 || isAllCaps(word) || hasDigitOrInnerCapital(word)) {
      return false;
    }
    String key = Lexicon.key(word);
    int flags = Lexicon.standard().flags(word);
    return ((Lexicon.standard().flags(w.word(last)) & Lexicon.GIVEN) != 0 || kind[last] == UNKNOWN)
        && (flags & Lexicon.COMMON) != 0
        && (flags & (Lexicon.STOP | Lexicon.TECH)) == 0
        && !CONTEXT_WORDS.contains(key) && !MONTHS.contains(key)
        && !NOT_PERSON_AFTER.contains(key);
  }

  /** Whether particles and initials from {@code j} lead to a name word. */
  private boolean particleRunContinues(int j) {
    int k = j;
    while (k < w.count && joinsName(k) && nameGap(k) && !w.possessive(k)) {
      k++;
    }
    return k < w.count && nameGap(k) && isNameWord(kind[k]) && k - j <= 3;
  }

  /** Where the title before a name starting at word {@code first} starts. */
  private int titleStart(int first) {
    while (first > 0 && w.spaceOnlyBefore(first) && joinsName(first - 1)) {
      first--;
    }
    return w.start[first - 1];
  }

  /** Where a name starting at word {@code first} starts, with particles before it ("De Souza"). */
  private int leadingParticles(int first) {
    int k = first;
    while (k > 0 && nameGap(k) && joinsName(k - 1) && first - k < 3) {
      k--;
    }
    return w.start[k];
  }

  /** A particle or an initial: joins the words of a name without being a name word. */
  private boolean joinsName(int j) {
    if (kind[j] == PARTICLE || kind[j] == INITIAL) {
      return true;
    }
    int length = w.end[j] - w.start[j];
    return kind[j] == ORDINARY && length <= 6
        && Character.isLowerCase(w.text.charAt(w.start[j]))
        && PARTICLES.contains(w.word(j));
  }

  private void addRun(int first, int last) {
    if (runs == runFirst.length) {
      runFirst = java.util.Arrays.copyOf(runFirst, runs * 2);
      runLast = java.util.Arrays.copyOf(runLast, runs * 2);
      decided = java.util.Arrays.copyOf(decided, runs * 2);
    }
    runFirst[runs] = first;
    runLast[runs] = last;
    runs++;
  }

  private byte decide(int r) {
    int first = runFirst[r];
    int last = runLast[r];
    int strong = 0;
    int weak = 0;
    int nameWords = 0;
    for (int k = first; k <= last; k++) {
      if (kind[k] == STRONG) {
        strong++;
      } else if (kind[k] == WEAK) {
        weak++;
      }
      if (isNameWord(kind[k])) {
        nameWords++;
      }
    }
    if (titleBefore(first)) {
      return NAME;
    }
    if (placeOrThing(first, last) || (nameWords == 1 && stopWord(first))) {
      return NOT_NAME; // "Acme Corp", "San Francisco"; "Just", "May" alone
    }
    if (personContext(first, last)) {
      return NAME;
    }
    if (notPersonContext(first, last)) {
      return NOT_NAME;
    }
    if (strong > 0 && !(nameWords == 1 && stopWord(first))) {
      return NAME;
    }
    int unknown = nameWords - strong - weak;
    if (nameWords >= 2 && unknown > 0 && englishWords(first, last) == 0) {
      // Two or more capitalised words that are no English word, place or product: in work
      // text, a person ("Xiaoming Qin", "Charalampos Papadopoulos").
      return NAME;
    }
    if (nameWords >= 2 && weak + strong == nameWords && givenThenFamily(first, last)
        && (!w.sentenceStart(first) || englishWords(first, last) < nameWords)) {
      // Inside a sentence, "Amber Swift"; first in one, "Rose Garden" is too likely a thing.
      return NAME;
    }
    if (unknown == nameWords && bareProperNoun(first)) {
      return NAME;
    }
    return UNDECIDED;
  }

  /**
   * A run that WordNet records as a place or thing ("São Paulo", "Earl Grey"), that starts
   * like a place name ("San Francisco"), or that ends with a company or product word.
   */
  private boolean placeOrThing(int first, int last) {
    Lexicon lexicon = Lexicon.standard();
    if (first < last) {
      for (int a = first; a < last; a++) {
        for (int b = a + 1; b <= Math.min(last, a + 3); b++) {
          String phrase = Lexicon.key(w.text.substring(w.start[a], w.nameEnd(b)));
          if ((lexicon.flags(phrase) & Lexicon.PROPER) != 0) {
            return true;
          }
        }
      }
      if (PLACE_HEADS.contains(Lexicon.key(w.word(first)))) {
        return true;
      }
      // "Victoria Park", "Acme Corp"; but "Hyun-woo Park" is a person, the first word a name
      // that is no place.
      if (NOT_PERSON_AFTER.contains(Lexicon.key(w.word(last)))
          && !((lookUp(w.word(last)) & Lexicon.FAMILY) != 0
              && (kind[first] == STRONG || kind[first] == UNKNOWN))) {
        return true;
      }
    }
    return first > 0 && w.spaceOnlyBefore(first)
        && PLACE_HEADS.contains(Lexicon.key(w.word(first - 1)))
        && Character.isUpperCase(w.text.charAt(w.start[first - 1]));
  }

  /** How many words of the run are also English words (not just places or famous people). */
  private int englishWords(int first, int last) {
    int count = 0;
    for (int k = first; k <= last; k++) {
      if (kind[k] == WEAK && (lookUp(w.word(k)) & (WORD_FLAGS & ~Lexicon.PROPER)) != 0) {
        count++;
      }
    }
    return count;
  }

  /**
   * A capitalised word that is no English word, name list entry, place or product, inside a
   * sentence, with no article or place preposition before it: what work text writes so is
   * mostly a person ("ask about it in the channel, Tzipora knows"), while unknown products
   * and places come after "the", "our", "in", "at", "on"...
   */
  private boolean bareProperNoun(int first) {
    if (w.sentenceStart(first) || !Character.isUpperCase(w.text.charAt(w.start[first]))) {
      return false;
    }
    if (first > 0 && w.spaceOnlyBefore(first)) {
      String prev = Lexicon.key(w.word(first - 1));
      if (ARTICLES_AND_PLACES.contains(prev)) {
        return false;
      }
      char c = w.text.charAt(w.start[first - 1]);
      if (Character.isDigit(c)) {
        return false; // a city after a postcode: "80434 München"
      }
      if (Character.isUpperCase(c) && !w.sentenceStart(first - 1)) {
        return false; // after another capitalised word that is no name: "Acme Zorbly"
      }
    }
    return true;
  }

  private boolean stopWord(int i) {
    return (Lexicon.standard().flags(w.word(i)) & Lexicon.STOP) != 0;
  }

  /**
   * A given name then a family name where at most one is also an English word ("Grace
   * Okafor", "Jordan Hale"; not "Earl Grey" or "Rose Garden").
   */
  private boolean givenThenFamily(int first, int last) {
    Lexicon lexicon = Lexicon.standard();
    int given = lexicon.flags(w.word(first));
    int family = lookUp(w.word(last));
    return (given & Lexicon.GIVEN) != 0
        && (family & (Lexicon.FAMILY | Lexicon.PERSON)) != 0
        && (given & (Lexicon.TECH | Lexicon.STOP)) == 0
        && (family & (Lexicon.TECH | Lexicon.STOP)) == 0;
  }

  // ------------------------------------------------------------------------ contexts

  private boolean personContext(int first, int last) {
    return titleBefore(first)
        || leftContext(first, last)
        || rightContext(first, last);
  }

  private boolean titleBefore(int first) {
    while (first > 0 && w.spaceOnlyBefore(first) && joinsName(first - 1)) {
      first--; // "Mrs de Boer"
    }
    if (first == 0) {
      return false;
    }
    int t = first - 1;
    if (!TITLES.contains(Lexicon.key(w.word(t)))) {
      return false;
    }
    char c = w.text.charAt(w.start[t]);
    return Character.isUpperCase(c) && w.gapIsTitleGap(t, first);
  }

  private boolean leftContext(int first, int last) {
    if (first == 0) {
      return false;
    }
    int p = first - 1;
    String prev = Lexicon.key(w.word(p));
    String gap = w.gapBefore(first);
    boolean plainGap = gap.equals(" ");
    boolean commaGap = gap.trim().equals(",");
    boolean colonGap = gap.trim().equals(":") || gap.trim().equals(":-") || gap.trim().equals("-");
    boolean sentenceStartPrev = w.sentenceStart(p);

    // Greetings open a sentence: "Hi X", "Thanks, X", "Thank you X".
    if ((plainGap || commaGap) && GREETINGS.contains(prev)
        && (sentenceStartPrev || (p > 0 && w.sentenceStart(p - 1) && isThankYouOrGood(p)))) {
      return true;
    }
    if ((plainGap || commaGap) && greetingBefore(p)) {
      return true;
    }
    // Sign-offs close a text: "Regards, X" / "Best,\nX" / "— X".
    if (SIGN_OFFS.contains(prev) && (commaGap || gap.indexOf('\n') >= 0 || plainGap)
        && w.endsSentenceOrText(last) && (commaGap || gap.indexOf('\n') >= 0
            || sentenceStartPrev || prev.equals("regards") || prev.equals("wishes"))) {
      return true;
    }
    if ((gap.contains("\u2014") || gap.contains("\u2013") || gap.contains("--")
            || gap.endsWith("- ") || gap.endsWith("-"))
        && w.endsSentenceOrText(last) && w.atTextEndAfter(last)) {
      return true;
    }
    // List heads: "Attendees: A, B", "Owner: X", "cc: X".
    if (colonGap && LIST_HEADS.contains(prev)) {
      return true;
    }
    if (!plainGap && !(commaGap && (prev.equals("thanks") || prev.equals("cheers")))) {
      return false;
    }
    if (TAKES_PERSON.contains(prev)) {
      return true;
    }
    if (p > 0) {
      String before = Lexicon.key(w.word(p - 1));
      boolean spaced = w.gapBefore(p).equals(" ");
      if (spaced && prev.equals("with") && WITH_PERSON.contains(before)) {
        return true;
      }
      if (spaced && prev.equals("by") && BY_PERSON.contains(before)) {
        return true;
      }
      if (spaced && prev.equals("to") && TO_PERSON.contains(before)) {
        return true;
      }
      if (spaced && prev.equals("from") && FROM_PERSON.contains(before)) {
        return true;
      }
      if (spaced && (prev.equals("and") || prev.equals("&")) && before.equals("me")) {
        return true;
      }
      if (spaced && prev.equals("on") && WAIT_ON.contains(before)) {
        return true;
      }
      if (spaced && prev.equals("in") && (before.equals("loop") || before.equals("looped")
          || before.equals("looping"))) {
        return true;
      }
      if (spaced && prev.equals("up") && (before.equals("follow") || before.equals("followed")
          || before.equals("following")) ) {
        return false;
      }
      if (spaced && prev.equals("for") && (before.equals("covering") || before.equals("cover")
          || before.equals("waiting") || before.equals("wait") || before.equals("asked")
          || before.equals("ask") || before.equals("standing") || before.equals("filling"))) {
        return true;
      }
      if (spaced && p > 1 && prev.equals("to") && before.equals("out")
          && Lexicon.key(w.word(p - 2)).startsWith("reach")) {
        return true;
      }
    }
    if (prev.equals("with") && (p == 0 || w.sentenceStart(p)
        || (startsWithGivenName(first) && w.endsSentenceOrText(last)))) {
      return true;
    }
    return false;
  }

  /**
   * "Thank you X", "Thanks again X", "Happy work anniversary, X": from the sentence start up
   * to the name, only greeting words and their fillers, with a greeting among them.
   */
  private boolean greetingBefore(int p) {
    boolean greeting = false;
    for (int k = p; k >= 0 && p - k < 4; k--) {
      String word = Lexicon.key(w.word(k));
      boolean isGreeting = GREETINGS.contains(word) || word.equals("happy");
      if (!isGreeting && !GREETING_FILLERS.contains(word)) {
        return false;
      }
      greeting |= isGreeting;
      if (w.sentenceStart(k)) {
        return greeting && k < p;
      }
    }
    return false;
  }

  private boolean isThankYouOrGood(int p) {
    String before = Lexicon.key(w.word(p - 1));
    return before.equals("thank") || before.equals("good") || before.equals("many")
        || before.equals("happy") || before.equals("shout")
        || before.equals("big") || before.equals("huge") || before.equals("special");
  }

  private boolean rightContext(int first, int last) {
    int n = last + 1;
    if (w.possessive(last)) {
      if (n >= w.count || !w.spaceOnlyBefore(n)) {
        return false;
      }
      String owned = Lexicon.key(w.word(n));
      // An unknown word's possession is a person's unless it reads like a product's part.
      return PERSONAL_NOUNS.contains(owned)
          || (onlyUnknown(first, last) && !NOT_PERSON_AFTER.contains(owned));
    }
    // A chat line or an action item: "Sohini: merged", "Nakato — done: ...".
    if (w.lineStart(first) && w.speakerMarkAfter(last)
        && (onlyUnknown(first, last) || startsWithGivenName(first))) {
      return true;
    }
    // Addressed: "X, can you ..." at the start of a sentence.
    if (w.sentenceStart(first) && n < w.count && w.gapBefore(n).trim().equals(",")
        && VOCATIVE_NEXT.contains(Lexicon.key(w.word(n)))) {
      return true;
    }
    // Addressed at the end: "Can you check, X?" / "See you at the offsite, X"
    if (first > 0 && w.gapBefore(first).trim().equals(",")
        && (w.endsWithAddressMark(last) || w.endsLineAfter(last))) {
      return true;
    }
    // A question's subject: "Did X ever send the slides?", "Has X seen it?"
    if (first > 0 && w.sentenceStart(first - 1) && w.spaceOnlyBefore(first)
        && QUESTION_AUX.contains(Lexicon.key(w.word(first - 1)))
        && (onlyUnknown(first, last) || startsWithGivenName(first))
        && n < w.count && w.spaceOnlyBefore(n)
        && Character.isLowerCase(w.text.charAt(w.start[n]))) {
      return true;
    }
    if (n >= w.count || !w.spaceOnlyBefore(n)) {
      return false;
    }
    String next = Lexicon.key(w.word(n));
    if (next.equals("me") && w.gapBefore(n).trim().equals(",")) {
      return true; // "for Dieter, me and the team"
    }
    if (next.equals("and") || next.equals("&") || next.equals("or")) {
      // "X and I", "X and me".
      return n + 1 < w.count && w.spaceOnlyBefore(n + 1)
          && (w.word(n + 1).equals("I") || Lexicon.key(w.word(n + 1)).equals("me"));
    }
    boolean speech = SPEECH_VERBS.contains(next);
    boolean action = ACTION_VERBS.contains(next)
        && (onlyUnknown(first, last) || startsWithGivenName(first));
    if (!speech && !action) {
      return actionItem(first, n);
    }
    if (isAuxiliary(next)) {
      if (n + 1 >= w.count || !w.spaceOnlyBefore(n + 1)) {
        return false;
      }
      // Any clause "X is/has ..." makes a person of a word that is no word, name or product;
      // a known word needs a person's predicate ("is out", "will review").
      String after = Lexicon.key(w.word(n + 1));
      return PERSON_AFTER_AUX.contains(after)
          || ((onlyUnknown(first, last) || (startsWithGivenName(first) && !NOT_AFTER_PERSON_AUX.contains(after)))
              && clauseStart(first)
              && Character.isLowerCase(w.text.charAt(w.start[n + 1])));
    }
    // The run must start its clause so that "fix in Grafana said..." can't pair an object
    // with the verb.
    return Character.isLowerCase(w.text.charAt(w.start[n])) && clauseStart(first);
  }

  /** "Ayaka to follow up": an action item's owner at the start of a line or sentence. */
  private boolean actionItem(int first, int n) {
    if (!clauseStart(first) || !Lexicon.key(w.word(n)).equals("to") || n + 1 >= w.count
        || !w.spaceOnlyBefore(n + 1)) {
      return false;
    }
    return ACTION_ITEM_VERBS.contains(w.word(n + 1));
  }

  /** Whether the run starts with a recorded given name ("Grace", "Hope", "Holly Green"). */
  private boolean startsWithGivenName(int first) {
    return (Lexicon.standard().flags(w.word(first)) & Lexicon.GIVEN) != 0;
  }

  private boolean onlyUnknown(int first, int last) {
    for (int k = first; k <= last; k++) {
      if (kind[k] != UNKNOWN && isNameWord(kind[k])) {
        return false;
      }
    }
    return true;
  }

  private boolean isAuxiliary(String word) {
    switch (word) {
      case "is":
      case "was":
      case "are":
      case "were":
      case "has":
      case "had":
      case "will":
      case "would":
      case "can":
      case "could":
      case "should":
      case "might":
      case "must":
      case "shall":
      case "did":
      case "does":
      case "didn't":
      case "doesn't":
      case "won't":
      case "can't":
      case "isn't":
      case "wasn't":
      case "hasn't":
      case "wouldn't":
      case "couldn't":
        return true;
      default:
        return false;
    }
  }

  /** Whether the run starts a sentence or a clause ("..., X said", "... and X said"). */
  private boolean clauseStart(int first) {
    if (w.sentenceStart(first)) {
      return true;
    }
    String gap = w.gapBefore(first);
    if (gap.indexOf(',') >= 0 || gap.indexOf('(') >= 0 || gap.indexOf('"') >= 0) {
      return true;
    }
    if (first > 0) {
      String prev = Lexicon.key(w.word(first - 1));
      return prev.equals("and") || prev.equals("but") || prev.equals("so")
          || prev.equals("because") || prev.equals("since") || prev.equals("then")
          || prev.equals("when") || prev.equals("while") || prev.equals("that")
          || prev.equals("as") || prev.equals("after") || prev.equals("before")
          || prev.equals("unless") || prev.equals("until") || prev.equals("if")
          || prev.equals("once") || prev.equals("yesterday") || prev.equals("today")
          || prev.equals("also") || prev.equals("or") || prev.equals("&")
          || prev.equals("where") || prev.equals("though") || prev.equals("although")
          || prev.equals("whereas") || prev.equals("otherwise") || prev.equals("apparently")
          || prev.equals("fyi") || prev.equals("btw") || prev.equals("ps") || prev.equals("and,")
          || prev.equals("maybe") || prev.equals("perhaps") || prev.equals("only")
          || prev.equals("probably") || prev.equals("surely") || prev.equals("hopefully")
          || prev.equals("honestly") || prev.equals("now") || prev.equals("still")
          || Character.isDigit(w.text.charAt(w.start[first - 1])); // "22:52 Kunal joined"
    }
    return false;
  }

  private boolean notPersonContext(int first, int last) {
    if (first > 0 && w.spaceOnlyBefore(first)
        && NOT_PERSON_BEFORE.contains(Lexicon.key(w.word(first - 1)))) {
      String prev = Lexicon.key(w.word(first - 1));
      // "in", "on", "from"... veto only a single weak or unknown word: "in Jordan".
      boolean preposition = prev.equals("in") || prev.equals("on") || prev.equals("into")
          || prev.equals("onto") || prev.equals("from") || prev.equals("at")
          || prev.equals("near") || prev.equals("via") || prev.equals("using")
          || prev.equals("use") || prev.equals("uses") || prev.equals("used");
      if (!preposition || (first == last && kind[first] != STRONG)) {
        return true;
      }
    }
    int n = last + 1;
    return n < w.count && !w.possessive(last) && w.spaceOnlyBefore(n)
        && NOT_PERSON_AFTER.contains(Lexicon.key(w.word(n)))
        && !(first < last && givenThenFamily(first, last) && hasStrong(first, last));
  }

  private boolean hasStrong(int first, int last) {
    for (int k = first; k <= last; k++) {
      if (kind[k] == STRONG) {
        return true;
      }
    }
    return false;
  }

  /** Whether two runs are items of one list: "A, B", "A and B", "A, and B", "A & B", "A or B". */
  private boolean listJoined(int lastOfLeft, int firstOfRight) {
    if (w.possessive(lastOfLeft) && firstOfRight != lastOfLeft + 1) {
      return false;
    }
    if (firstOfRight == lastOfLeft + 1) {
      String gap = w.gapBefore(firstOfRight).trim();
      return gap.equals(",") || gap.equals(";") || gap.equals("/") || gap.equals("&")
          || gap.equals("+");
    }
    if (firstOfRight == lastOfLeft + 2) {
      String mid = Lexicon.key(w.word(lastOfLeft + 1));
      String g1 = w.gapBefore(lastOfLeft + 1).trim();
      return (mid.equals("and") || mid.equals("or") || mid.equals("&") || mid.equals("und")
              || mid.equals("et") || mid.equals("y") || mid.equals("plus")
              || mid.equals("cc") || mid.equals("vs"))
          && (g1.isEmpty() || g1.equals(","))
          && w.gapBefore(firstOfRight).equals(" ");
    }
    return false;
  }

  private static boolean isNameWord(byte kind) {
    return kind == STRONG || kind == WEAK || kind == UNKNOWN;
  }
}
