package dev.gatekeeper.deid;

import java.text.Normalizer;
import java.util.Map;

/**
 * Latin spellings of Cyrillic and Greek names, so that the lexicon knows "Sokolov" and
 * "Papadopoulos" from datafaker's "Соколов" and "Παπαδόπουλος". Simple romanisation tables
 * (close to BGN/PCGN and ELOT 743): a name written in English text is usually spelled so.
 */
final class Transliteration {
  private static final Map<Character, String> CYRILLIC =
      Map.ofEntries(
          Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
          Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "yo"),
          Map.entry('є', "ye"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
          Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('й', "y"), Map.entry('к', "k"),
          Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
          Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
          Map.entry('у', "u"), Map.entry('ў', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"),
          Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"),
          Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"),
          Map.entry('ю', "yu"), Map.entry('я', "ya"), Map.entry('ђ', "dj"), Map.entry('ј', "j"),
          Map.entry('љ', "lj"), Map.entry('њ', "nj"), Map.entry('ћ', "c"), Map.entry('џ', "dz"),
          Map.entry('ѓ', "gj"), Map.entry('ќ', "kj"), Map.entry('ѕ', "dz"), Map.entry('\'', ""));

  private static final String[][] GREEK_PAIRS = {
    {"ου", "ou"}, {"αι", "ai"}, {"ει", "ei"}, {"οι", "oi"}, {"μπ", "mp"}, {"ντ", "nt"},
    {"γγ", "ng"}, {"γκ", "gk"}, {"τσ", "ts"}, {"τζ", "tz"}, {"αυ", "av"}, {"ευ", "ev"},
  };

  private static final Map<Character, String> GREEK =
      Map.ofEntries(
          Map.entry('α', "a"), Map.entry('β', "v"), Map.entry('γ', "g"), Map.entry('δ', "d"),
          Map.entry('ε', "e"), Map.entry('ζ', "z"), Map.entry('η', "i"), Map.entry('θ', "th"),
          Map.entry('ι', "i"), Map.entry('κ', "k"), Map.entry('λ', "l"), Map.entry('μ', "m"),
          Map.entry('ν', "n"), Map.entry('ξ', "x"), Map.entry('ο', "o"), Map.entry('π', "p"),
          Map.entry('ρ', "r"), Map.entry('σ', "s"), Map.entry('ς', "s"), Map.entry('τ', "t"),
          Map.entry('υ', "y"), Map.entry('φ', "f"), Map.entry('χ', "ch"), Map.entry('ψ', "ps"),
          Map.entry('ω', "o"));

  private Transliteration() {}

  /** The Latin spelling of a lower-case Cyrillic or Greek word; null for any other word. */
  static String toLatin(String lower) {
    if (lower.isEmpty()) {
      return null;
    }
    String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    Character.UnicodeScript script = Character.UnicodeScript.of(plain.codePointAt(0));
    if (script == Character.UnicodeScript.CYRILLIC) {
      return map(plain, CYRILLIC, new String[0][]);
    }
    if (script == Character.UnicodeScript.GREEK) {
      return map(plain, GREEK, GREEK_PAIRS);
    }
    return null;
  }

  private static String map(String word, Map<Character, String> table, String[][] pairs) {
    StringBuilder out = new StringBuilder(word.length() + 4);
    int i = 0;
    outer:
    while (i < word.length()) {
      for (String[] pair : pairs) {
        if (word.startsWith(pair[0], i)) {
          out.append(pair[1]);
          i += pair[0].length();
          continue outer;
        }
      }
      char c = word.charAt(i);
      String latin = table.get(c);
      if (latin == null) {
        if (c == '-' || c == ' ') {
          out.append(c);
        } else {
          return null;
        }
      } else {
        out.append(latin);
      }
      i++;
    }
    return out.length() < 2 ? null : out.toString();
  }
}
