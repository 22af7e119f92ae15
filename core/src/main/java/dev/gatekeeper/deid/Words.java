package dev.gatekeeper.deid;

import java.util.Arrays;

/**
 * The words of a text and the gaps between them, for {@link PersonNames}. A word is a run of
 * letters, digits and combining marks, joined across an apostrophe or hyphen between letters
 * ("O'Connell", "Osei-Bonsu", "Finch's"), and cut where the script changes between Latin-like
 * and CJK scripts ("山田さん" is "山田" and "さん"). Not thread-safe: one instance per text.
 */
final class Words {
  final String text;
  int count;
  int[] start;
  int[] end;

  private Words(String text) {
    this.text = text;
    // About one word in six characters of prose: sized once for most texts, grown for the rest.
    int capacity = Math.max(16, text.length() / 6);
    this.start = new int[capacity];
    this.end = new int[capacity];
  }

  static Words of(String text) {
    Words w = new Words(text);
    w.split();
    return w;
  }

  private void split() {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < 128 ? !Chars.isAsciiAlnum(c) && c != '_' : !Chars.isWordChar(c)) {
        i++;
        continue;
      }
      int s = i;
      int group = c < 128 ? (Chars.isAsciiLetter(c) ? 1 : 0) : scriptGroup(text.codePointAt(i));
      i += c < 128 ? 1 : Character.charCount(text.codePointAt(i));
      while (i < n) {
        char d = text.charAt(i);
        if (d < 128 && (Chars.isAsciiAlnum(d) || d == '_')) {
          // The common case: ASCII inside a word of a cased script.
          if (group > 1 && Chars.isAsciiLetter(d)) {
            break;
          }
          if (group == 0 && Chars.isAsciiLetter(d)) {
            group = 1;
          }
          i++;
        } else if (d >= 128 && Chars.isWordChar(d)) {
          int g = scriptGroup(text.codePointAt(i));
          if (g != group && g != 0 && group != 0) {
            break;
          }
          if (group == 0) {
            group = g;
          }
          i += Character.charCount(text.codePointAt(i));
        } else if ((d == '\'' || d == '\u2019' || d == '-')
            && i + 1 < n
            && Character.isLetter(text.charAt(i + 1))
            && Character.isLetter(text.charAt(i - 1))) {
          i++;
        } else {
          break;
        }
      }
      add(s, i);
    }
  }

  /** 0 for marks and digits (which join any word), 1 for cased and most scripts, 2+ for CJK. */
  private static int scriptGroup(int cp) {
    if (cp < 128) {
      return Character.isLetter(cp) ? 1 : 0;
    }
    if (!Character.isLetter(cp)) {
      return 0;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    switch (s) {
      case HAN:
        return 2;
      case HIRAGANA:
        return 3;
      case KATAKANA:
        return 4;
      case HANGUL:
        return 5;
      default:
        return 1;
    }
  }

  private void add(int s, int e) {
    if (count == start.length) {
      start = Arrays.copyOf(start, count * 2);
      end = Arrays.copyOf(end, count * 2);
    }
    start[count] = s;
    end[count] = e;
    count++;
  }

  /** Whether word {@code i} ends in a possessive "'s". */
  boolean possessive(int i) {
    int e = end[i];
    return e - start[i] > 2
        && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S')
        && (text.charAt(e - 2) == '\'' || text.charAt(e - 2) == '\u2019');
  }

  /** Where the name part of word {@code i} ends: before a possessive "'s". */
  int nameEnd(int i) {
    return possessive(i) ? end[i] - 2 : end[i];
  }

  /** Word {@code i} without a possessive "'s". */
  String word(int i) {
    return text.substring(start[i], nameEnd(i));
  }

  /** The text between word {@code i - 1} (or the start) and word {@code i}. */
  String gapBefore(int i) {
    return text.substring(i == 0 ? 0 : end[i - 1], start[i]);
  }

  /** Whether only spaces (one or more, no line break) separate word {@code i} from the one before. */
  boolean spaceOnlyBefore(int i) {
    if (i == 0) {
      return false;
    }
    int from = end[i - 1];
    int to = start[i];
    if (to == from) {
      return false;
    }
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c != ' ' && c != '\u00A0' && c != '\u202F') {
        return false;
      }
    }
    return true;
  }

  /** Whether a dot follows word {@code i} directly. */
  boolean dotAfter(int i) {
    return end[i] < text.length() && text.charAt(end[i]) == '.';
  }

  /** Whether the gap from title word {@code t} to word {@code first} is " ", ". " or ".". */
  boolean gapIsTitleGap(int t, int first) {
    String gap = text.substring(end[t], start[first]);
    return gap.equals(" ") || gap.equals(". ") || gap.equals(".") || gap.equals(".\u00A0")
        || gap.equals("\u00A0");
  }

  /** Whether word {@code i} opens a sentence, a line, a list item or a quoted clause. */
  boolean sentenceStart(int i) {
    int from = i == 0 ? 0 : end[i - 1];
    if (i > 0 && isTitleAbbreviation(i - 1)) {
      return false;
    }
    for (int k = from; k < start[i]; k++) {
      switch (text.charAt(k)) {
        case '.':
        case '!':
        case '?':
        case ':':
        case ';':
        case '\n':
        case '\r':
        case '\u2022':
        case '*':
        case '>':
        case '|':
        case '\u2014':
        case '\u2013':
        case '"':
        case '\u201C':
        case '(':
        case '[':
          return true;
        default:
          break;
      }
    }
    return i == 0;
  }

  private boolean isTitleAbbreviation(int i) {
    int len = end[i] - start[i];
    if (len > 4 || !dotAfter(i)) {
      return false;
    }
    String k = Lexicon.key(word(i));
    return k.equals("dr") || k.equals("mr") || k.equals("mrs") || k.equals("ms")
        || k.equals("prof") || k.equals("st") || k.equals("mx") || k.equals("sr")
        || k.equals("sra") || k.equals("rev") || k.equals("fr") || k.equals("capt")
        || (len == 1 && Character.isUpperCase(text.charAt(start[i])));
  }

  /** Whether after word {@code last} comes the end of the text, a line or a sentence. */
  boolean endsSentenceOrText(int last) {
    int to = last + 1 < count ? start[last + 1] : text.length();
    if (last + 1 >= count) {
      return true;
    }
    for (int k = end[last]; k < to; k++) {
      char c = text.charAt(k);
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ';' || c == ')') {
        return true;
      }
    }
    return false;
  }

  /** Whether nothing but punctuation and space follows word {@code last} up to a line end. */
  boolean atTextEndAfter(int last) {
    for (int k = end[last]; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (Chars.isWordChar(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether word {@code last} is followed by '?' or '!' (a name addressed at a sentence end). */
  boolean endsWithAddressMark(int last) {
    int to = last + 1 < count ? start[last + 1] : text.length();
    for (int k = end[last]; k < to; k++) {
      char c = text.charAt(k);
      if (c == '?' || c == '!') {
        return true;
      }
      if (c != ' ' && c != ')' && c != '"' && c != '\u201D') {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether word {@code i} is part of code rather than prose: joined to a neighbour by "::",
   * ".", "/", "_", "(", "<", "=", "$", "#" or back-ticks ("Foo::Bar", "Config.load()").
   */
  boolean inCode(int i) {
    int s = start[i];
    int e = end[i];
    if (inUrl(s)) {
      return true;
    }
    if (s > 0) {
      char b = text.charAt(s - 1);
      if (b == ':' || b == '\\' || b == '_' || b == '$' || b == '#' || b == '='
          || b == '`' || b == '<' || (b == '.' && s > 1 && Chars.isWordChar(text.charAt(s - 2)))) {
        return true;
      }
    }
    if (e < text.length()) {
      char a = text.charAt(e);
      char a2 = e + 1 < text.length() ? text.charAt(e + 1) : ' ';
      if ((a == ':' && a2 == ':') || a == '(' || a == '<' || a == '_' || a == '='
          || a == '`' || a == '[' || (a == '.' && Chars.isWordChar(a2))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a capitalised word follows word {@code i} after spaces only. */
  boolean capitalisedNext(int i) {
    return i + 1 < count && spaceOnlyBefore(i + 1)
        && Character.isUpperCase(text.charAt(start[i + 1]));
  }

  /**
   * Whether word {@code last} ends its line or the text: only spaces and closing punctuation
   * follow before a line break, a '|' or the end ("..., X" as a sign-off or an address).
   */
  boolean endsLineAfter(int last) {
    for (int k = end[last]; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r' || c == '|') {
        return true;
      }
      if (!(c == ' ' || c == '.' || c == '!' || c == ')' || c == '"' || c == '\u201D')) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text around {@code s}, back to the last white space, is a URL or a path. */
  private boolean inUrl(int s) {
    int k = s - 1;
    while (k >= 0 && !Character.isWhitespace(text.charAt(k))) {
      k--;
    }
    String head = text.substring(k + 1, s);
    return head.contains("://") || head.startsWith("www.") || head.startsWith("/");
  }

  /** Whether word {@code i} starts the text or a line (after optional list markers). */
  boolean lineStart(int i) {
    for (int k = (i == 0 ? 0 : end[i - 1]); k < start[i]; k++) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r') {
        return true;
      }
    }
    if (i == 0) {
      return true;
    }
    String gap = gapBefore(i).trim();
    if ((gap.equals(".") || gap.equals(")")) && Character.isDigit(text.charAt(start[i - 1]))) {
      return true; // "1. Orly – infra costs"
    }
    return gap.endsWith("\u2014") || gap.endsWith("\u2013") || gap.endsWith("- ");
  }

  /** Whether ":" (a speaker) or a dash then a word follows word {@code last}. */
  boolean speakerMarkAfter(int last) {
    int k = end[last];
    if (k < text.length() && text.charAt(k) == ':') {
      return k + 1 < text.length() && text.charAt(k + 1) == ' ';
    }
    String rest = text.substring(k, Math.min(text.length(), k + 3));
    return rest.startsWith(" \u2014 ") || rest.startsWith(" \u2013 ") || rest.startsWith(" - ");
  }

  /** Whether word {@code i} is followed by a dot and then a space or the end. */
  boolean spaceAfterDot(int i) {
    int k = end[i] + 1;
    return k >= text.length() || text.charAt(k) == ' ' || text.charAt(k) == '\u00A0';
  }
}
