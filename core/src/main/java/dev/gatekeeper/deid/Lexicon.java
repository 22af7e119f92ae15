package dev.gatekeeper.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * What the scrubber knows about single words: whether a word is recorded as a given or family
 * name, and whether it is also an ordinary English word, a place or a product. Loaded once from
 * {@code lexicon.tsv.gz}, which the tests rebuild from Maven Central artifacts (datafaker's name
 * lists of every locale, WordNet 3.1) to prove it reproducible; nothing is fetched at run time.
 *
 * <p>Keys are lower case (root locale) in Unicode NFC, so that look-ups do not depend on the
 * case or normal form of the text. Immutable and thread-safe.
 */
final class Lexicon {
  /** Recorded as a given name in some locale. */
  static final int GIVEN = 1;
  /** Recorded as a family name in some locale. */
  static final int FAMILY = 2;
  /** A capitalised WordNet entry for a person ("Darwin"). */
  static final int PERSON = 4;
  /** An English word seen in ordinary use (a tagged WordNet lemma, or an inflection of one). */
  static final int COMMON = 8;
  /** A lower-case WordNet lemma never seen in its tagged corpus ("amir"): too rare to guard. */
  static final int RARE = 16;
  /** A capitalised WordNet entry that is not a person: a place, month, group or thing. */
  static final int PROPER = 32;
  /** A technology, product or vendor name. */
  static final int TECH = 64;
  /** An English function word ("the", "will", "may"). */
  static final int STOP = 128;

  private static final String RESOURCE = "/dev/gatekeeper/deid/lexicon.tsv.gz";

  private final Map<String, Integer> flags;

  private Lexicon(Map<String, Integer> flags) {
    this.flags = flags;
  }

  /** The shipped lexicon, loaded on first use. */
  static Lexicon standard() {
    return Holder.STANDARD;
  }

  /** Defers loading until first use, so that the constants can be used without the file. */
  private static final class Holder {
    static final Lexicon STANDARD = load();
  }

  /** The flags of {@code word} (any case); 0 when it is not recorded. */
  int flags(String word) {
    return flagsOfKey(key(word));
  }

  /** The flags of a word already made a key by {@link #key}; 0 when it is not recorded. */
  int flagsOfKey(String key) {
    Integer f = flags.get(key);
    if (f == null && !isAscii(key)) {
      // "Café" is "cafe", "Zoë" is "zoe": text and lists disagree on accents.
      f = flags.get(stripMarks(key));
    }
    return f == null ? 0 : f;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private static String stripMarks(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The look-up key of a word: lower case in the root locale, NFC. */
  static String key(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) >= 0x300) {
        return Normalizer.normalize(lower, Normalizer.Form.NFC);
      }
    }
    return lower;
  }

  int size() {
    return flags.size();
  }

  private static Lexicon load() {
    InputStream raw = Lexicon.class.getResourceAsStream(RESOURCE);
    if (raw == null) {
      throw new IllegalStateException(
          "the scrubber's lexicon " + RESOURCE + " is missing from the class path");
    }
    Map<String, Integer> flags = new HashMap<>(1 << 19);
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        flags.put(line.substring(0, tab), Integer.parseInt(line, tab + 1, line.length(), 10));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scrubber's lexicon " + RESOURCE, e);
    }
    return new Lexicon(flags);
  }
}
