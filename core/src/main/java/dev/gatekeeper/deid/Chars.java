package dev.gatekeeper.deid;

/** Character classes shared by the detectors; all are total (never throw) for any char. */
final class Chars {
  private Chars() {}

  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAsciiAlnum(char c) {
    return isAsciiLetter(c) || isAsciiDigit(c);
  }

  static boolean isHexDigit(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * A character that continues a word in any script: letters, digits, underscore and combining
   * marks (so that a decomposed "José" is one word, not "Jose" followed by a stray accent).
   */
  static boolean isWordChar(char c) {
    if (c < 128) {
      return isAsciiAlnum(c) || c == '_';
    }
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || Character.isSurrogate(c);
  }

  /** Whether {@code text} has a word character just before {@code index}. */
  static boolean wordCharBefore(CharSequence text, int index) {
    return index > 0 && isWordChar(text.charAt(index - 1));
  }

  /** Whether {@code text} has a word character at {@code index}. */
  static boolean wordCharAt(CharSequence text, int index) {
    return index < text.length() && isWordChar(text.charAt(index));
  }

  /** Space between the groups of a phone or card number, including the no-break spaces. */
  static boolean isGroupSpace(char c) {
    return c == ' ' || c == '\u00A0' || c == '\u202F';
  }

  /** A character that ends a URL or a bare token: any white space or a markup delimiter. */
  static boolean endsUrl(char c) {
    if (c <= ' ') {
      return true;
    }
    switch (c) {
      case '<':
      case '>':
      case '"':
      case '\'':
      case '`':
      case '|':
      case '[':
      case ']':
      case '{':
      case '}':
      case '\\':
      case '^':
        return true;
      default:
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
  }

  /** Whether {@code c} equals {@code lower} ignoring ASCII case ({@code lower} must be lower). */
  static boolean eqIgnoreCase(char c, char lower) {
    return c == lower || (c >= 'A' && c <= 'Z' && (char) (c + 32) == lower);
  }

  /** The char at {@code i}, or NUL outside the text: lets detectors look ahead or behind freely. */
  static char charAt(CharSequence text, int i) {
    return i >= 0 && i < text.length() ? text.charAt(i) : '\0';
  }

  /** Whether {@code [start, end)} of {@code text} is exactly {@code word}, ignoring case. */
  static boolean isWordIgnoreCase(String text, int start, int end, String word) {
    return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
  }
}
