package dev.gatekeeper.scrubeval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One sentence of the scrubber's evaluation corpus: the plain text and the labelled spans in it.
 * In the corpus a span is written {@code [[TYPE:text]]}; everything else is ordinary text that
 * must be kept.
 *
 * @param text the sentence without markup
 * @param labels the labelled spans, in text order
 */
public record LabelledSentence(String text, List<Label> labels) {
  /** The types a label may name: the scrubber's placeholder names. */
  public static final Set<String> TYPES =
      Set.of(
          "NAME", "IBAN", "NATIONAL_ID", "ADDRESS", "EMAIL", "PHONE", "MENTION", "IP", "URL",
          "CARD", "SECRET");

  /** A labelled range of {@link #text()}. */
  public record Label(String type, int start, int end) {}

  /**
   * Parses one corpus line.
   *
   * @throws IllegalArgumentException when the markup is malformed or names an unknown type; the
   *     message gives the column, never the sentence
   */
  public static LabelledSentence parse(String line) {
    StringBuilder text = new StringBuilder(line.length());
    List<Label> labels = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      int open = line.indexOf("[[", i);
      if (open < 0) {
        text.append(line, i, line.length());
        break;
      }
      text.append(line, i, open);
      int colon = line.indexOf(':', open);
      int close = line.indexOf("]]", open);
      if (colon < 0 || close < 0 || colon > close) {
        throw new IllegalArgumentException("unclosed or untyped label at column " + (open + 1));
      }
      String type = line.substring(open + 2, colon);
      if (!TYPES.contains(type)) {
        throw new IllegalArgumentException("unknown label type '" + type + "' at column " + (open + 1));
      }
      String inner = line.substring(colon + 1, close);
      if (inner.contains("[[")) {
        throw new IllegalArgumentException("nested label at column " + (open + 1));
      }
      int start = text.length();
      text.append(inner);
      labels.add(new Label(type, start, text.length()));
      i = close + 2;
    }
    return new LabelledSentence(text.toString(), List.copyOf(labels));
  }

  /** Reads a corpus: one sentence a line; blank lines and lines starting with '#' are skipped. */
  public static List<LabelledSentence> read(InputStream in, String name) {
    List<LabelledSentence> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        try {
          out.add(parse(line));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(name + " line " + number + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return out;
  }
}
