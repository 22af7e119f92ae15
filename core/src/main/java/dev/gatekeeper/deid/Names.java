package dev.gatekeeper.deid;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the actor's name parts as whole words, ignoring case, without regular expressions (so
 * that any character in a name is literal and no pattern is compiled per call).
 */
final class Names {
  /** A part with fewer letters or digits than this (an initial) would erase ordinary words. */
  private static final int MIN_SIGNIFICANT_CHARS = 2;

  private Names() {}

  /**
   * Records every whole-word, case-insensitive occurrence of each usable name part. Null, blank
   * and single-letter parts are ignored; a non-ASCII part is also searched in its other Unicode
   * normal form, so a composed "José" finds a decomposed one and vice versa.
   */
  static void find(String text, List<String> nameParts, Spans out) {
    if (nameParts == null || nameParts.isEmpty() || text.isEmpty()) {
      return;
    }
    List<String> seen = new ArrayList<>(nameParts.size() * 2);
    for (String part : nameParts) {
      if (part == null) {
        continue;
      }
      String name = part.strip();
      if (significantChars(name) < MIN_SIGNIFICANT_CHARS) {
        continue;
      }
      findOnce(text, name, seen, out);
      if (!isAscii(name)) {
        findOnce(text, Normalizer.normalize(name, Normalizer.Form.NFD), seen, out);
        findOnce(text, Normalizer.normalize(name, Normalizer.Form.NFC), seen, out);
      }
    }
  }

  private static void findOnce(String text, String name, List<String> seen, Spans out) {
    for (String s : seen) {
      if (s.equalsIgnoreCase(name)) {
        return;
      }
    }
    seen.add(name);
    findAll(text, name, out);
  }

  /** Walks the occurrences of the name's first character in either case, then compares. */
  private static void findAll(String text, String name, Spans out) {
    int m = name.length();
    int last = text.length() - m;
    if (last < 0) {
      return;
    }
    char first = name.charAt(0);
    char lower = Character.toLowerCase(first);
    char upper = Character.toUpperCase(first);
    // A first rejection on the second character, before the slower case-insensitive compare.
    char second = m > 1 ? name.charAt(1) : 0;
    boolean quickSecond = m > 1 && second < 128;
    char lower2 = Character.toLowerCase(second);
    char upper2 = Character.toUpperCase(second);
    boolean checkStart = Chars.isWordChar(first);
    boolean checkEnd = Chars.isWordChar(name.charAt(m - 1));
    int nextLower = text.indexOf(lower);
    int nextUpper = upper == lower ? -1 : text.indexOf(upper);
    while (nextLower >= 0 || nextUpper >= 0) {
      int i;
      if (nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper)) {
        i = nextLower;
        nextLower = text.indexOf(lower, i + 1);
      } else {
        i = nextUpper;
        nextUpper = text.indexOf(upper, i + 1);
      }
      if (i > last) {
        return;
      }
      if (quickSecond) {
        char c = text.charAt(i + 1);
        if (c < 128 && c != lower2 && c != upper2) {
          continue;
        }
      }
      if (text.regionMatches(true, i, name, 0, m)
          && !(checkStart && Chars.wordCharBefore(text, i))
          && !(checkEnd && Chars.wordCharAt(text, i + m))) {
        out.add(i, i + m, Placeholder.NAME);
      }
    }
  }

  private static int significantChars(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }
}
