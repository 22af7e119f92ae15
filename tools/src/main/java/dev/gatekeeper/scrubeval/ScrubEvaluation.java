package dev.gatekeeper.scrubeval;

import dev.gatekeeper.deid.Scrubber;
import dev.gatekeeper.deid.Scrubber.Finding;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the scrubber both ways on a labelled corpus: what it removes (recall per identifier
 * type) and what it keeps (the share of ordinary words left as they were).
 *
 * <ul>
 *   <li>A label is <b>removed</b> when every letter and digit in it lies inside a finding, and
 *       <b>typed right</b> when, in addition, the findings covering it carry its type. Recall is
 *       typed-right over all labels of the type; removed-but-mistyped is reported beside it.
 *   <li>An <b>ordinary word</b> is a run of letters or digits outside every label; it is
 *       <b>kept</b> when no finding touches it. Capitalised ordinary words are counted apart,
 *       since they are the ones a name rule can take.
 * </ul>
 *
 * The corpus comes in two halves: {@code tuning.txt}, which the rules may be tuned against, and
 * {@code heldout.txt}, which they never are; only the held-out figures count.
 */
public final class ScrubEvaluation {
  /** The floors the held-out half must meet (README "What is removed"). */
  public static final double NAME_RECALL_FLOOR = 0.95;
  public static final double OTHER_RECALL_FLOOR = 0.99;
  public static final double WORDS_KEPT_FLOOR = 0.97;

  /** The halves of the shipped corpus. */
  public enum Half {
    TUNING("tuning.txt"),
    HELDOUT("heldout.txt");

    private final String file;

    Half(String file) {
      this.file = file;
    }

    /** The half's sentences, read from the class path. */
    public List<LabelledSentence> sentences() {
      String resource = "/scrub-eval/" + file;
      InputStream in = ScrubEvaluation.class.getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException("the evaluation corpus " + resource + " is missing");
      }
      return LabelledSentence.read(in, resource);
    }
  }

  /** Counts for one label type. */
  public static final class TypeCounts {
    int total;
    int typedRight;
    int removed;

    public int total() {
      return total;
    }

    /** Labels removed under their own type, over all labels of the type. */
    public double recall() {
      return total == 0 ? 1.0 : (double) typedRight / total;
    }

    /** Labels removed under any type, over all labels of the type. */
    public double removedAnyType() {
      return total == 0 ? 1.0 : (double) removed / total;
    }
  }

  /** A sentence in which something was missed or an ordinary word taken (tuning half only). */
  public record Miss(String sentence, String scrubbed, List<String> missed, List<String> taken) {}

  /** The figures for one half. */
  public static final class Result {
    final Map<String, TypeCounts> byType = new TreeMap<>();
    int sentences;
    int ordinaryWords;
    int ordinaryKept;
    int capitalisedWords;
    int capitalisedKept;
    final List<Miss> misses = new ArrayList<>();

    public Map<String, TypeCounts> byType() {
      return byType;
    }

    public int sentences() {
      return sentences;
    }

    /** Ordinary words kept over ordinary words. */
    public double wordsKept() {
      return ordinaryWords == 0 ? 1.0 : (double) ordinaryKept / ordinaryWords;
    }

    /** Capitalised ordinary words kept over capitalised ordinary words. */
    public double capitalisedKept() {
      return capitalisedWords == 0 ? 1.0 : (double) capitalisedKept / capitalisedWords;
    }

    public int ordinaryWords() {
      return ordinaryWords;
    }

    public int capitalisedWords() {
      return capitalisedWords;
    }

    public List<Miss> misses() {
      return misses;
    }

    /** Whether every figure meets its floor. */
    public boolean meetsFloors() {
      for (Map.Entry<String, TypeCounts> e : byType.entrySet()) {
        double floor = e.getKey().equals("NAME") ? NAME_RECALL_FLOOR : OTHER_RECALL_FLOOR;
        if (e.getValue().recall() < floor) {
          return false;
        }
      }
      return wordsKept() >= WORDS_KEPT_FLOOR;
    }

    /** Recall of one type; 1.0 when the half has no label of it. */
    public double recall(String type) {
      TypeCounts c = byType.get(type);
      return c == null ? 1.0 : c.recall();
    }
  }

  private final Scrubber scrubber;

  public ScrubEvaluation(Scrubber scrubber) {
    this.scrubber = scrubber;
  }

  /** Evaluates the scrubber, with no actor, on {@code sentences}. */
  public Result evaluate(List<LabelledSentence> sentences) {
    Result result = new Result();
    for (LabelledSentence s : sentences) {
      result.sentences++;
      List<Finding> findings = scrubber.findings(s.text(), List.of());
      List<String> missed = new ArrayList<>();
      List<String> taken = new ArrayList<>();
      for (LabelledSentence.Label label : s.labels()) {
        TypeCounts counts = result.byType.computeIfAbsent(label.type(), t -> new TypeCounts());
        counts.total++;
        Coverage c = coverage(s.text(), label, findings);
        if (c.covered) {
          counts.removed++;
          if (c.typedRight) {
            counts.typedRight++;
          } else {
            missed.add(label.type() + " as " + c.types + ": " + s.text().substring(label.start(), label.end()));
          }
        } else {
          missed.add(label.type() + ": " + s.text().substring(label.start(), label.end()));
        }
      }
      countOrdinaryWords(s, findings, result, taken);
      if (!missed.isEmpty() || !taken.isEmpty()) {
        result.misses.add(new Miss(s.text(), scrubber.scrub(s.text(), List.of()), missed, taken));
      }
    }
    return result;
  }

  private record Coverage(boolean covered, boolean typedRight, List<String> types) {}

  private static Coverage coverage(String text, LabelledSentence.Label label, List<Finding> findings) {
    boolean covered = true;
    boolean typedRight = true;
    List<String> types = new ArrayList<>();
    for (int i = label.start(); i < label.end(); i++) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        continue;
      }
      Finding f = findingAt(findings, i);
      if (f == null) {
        covered = false;
        break;
      }
      if (!f.type().name().equals(label.type())) {
        typedRight = false;
      }
      if (!types.contains(f.type().name())) {
        types.add(f.type().name());
      }
    }
    return new Coverage(covered, covered && typedRight, types);
  }

  private static void countOrdinaryWords(
      LabelledSentence s, List<Finding> findings, Result result, List<String> taken) {
    String text = s.text();
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetterOrDigit(text.charAt(i)) || insideLabel(s, i)) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && Character.isLetterOrDigit(text.charAt(i)) && !insideLabel(s, i)) {
        i++;
      }
      boolean kept = true;
      for (int k = start; k < i && kept; k++) {
        kept = findingAt(findings, k) == null;
      }
      boolean capitalised = Character.isUpperCase(text.charAt(start));
      result.ordinaryWords++;
      if (kept) {
        result.ordinaryKept++;
      } else {
        taken.add(text.substring(start, i));
      }
      if (capitalised) {
        result.capitalisedWords++;
        if (kept) {
          result.capitalisedKept++;
        }
      }
    }
  }

  private static boolean insideLabel(LabelledSentence s, int i) {
    for (LabelledSentence.Label l : s.labels()) {
      if (i >= l.start() && i < l.end()) {
        return true;
      }
    }
    return false;
  }

  private static Finding findingAt(List<Finding> findings, int i) {
    for (Finding f : findings) {
      if (i >= f.start() && i < f.end()) {
        return f;
      }
    }
    return null;
  }
}
