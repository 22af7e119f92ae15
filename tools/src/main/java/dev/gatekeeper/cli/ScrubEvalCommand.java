package dev.gatekeeper.cli;

import dev.gatekeeper.deid.Scrubber;
import dev.gatekeeper.scrubeval.ScrubEvaluation;
import dev.gatekeeper.scrubeval.ScrubEvaluation.Half;
import dev.gatekeeper.scrubeval.ScrubEvaluation.Result;
import dev.gatekeeper.scrubeval.ScrubEvaluation.TypeCounts;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatekeeper scrub-eval}: the scrubber's recall per identifier type and the share of
 * ordinary words it keeps, on the shipped labelled corpus (README "What is removed").
 */
@Command(name = "scrub-eval", mixinStandardHelpOptions = true,
    description = {"Measures the scrubber on the labelled corpus: recall per identifier type and ordinary words kept.",
        "The held-out half (default) is never tuned on; --misses lists failures, for the tuning half only."})
final class ScrubEvalCommand implements Callable<Integer> {
  @Option(names = "--half", defaultValue = "heldout", paramLabel = "HALF",
      description = "heldout (default) or tuning")
  Half half;

  @Option(names = "--file", paramLabel = "FILE",
      description = "evaluate this labelled file ([[TYPE:text]] markup) instead of a shipped half")
  java.nio.file.Path file;

  @Option(names = "--misses", description = "print each sentence with a miss (tuning half only)")
  boolean misses;

  @Option(names = "--check", description = "exit 1 when a figure is below its floor (names 0.95, others 0.99, words kept 0.97)")
  boolean check;

  @Override
  public Integer call() {
    if (misses && half == Half.HELDOUT && file == null) {
      throw new UserError("--misses shows sentences, and the held-out half must stay unseen: use --half tuning");
    }
    Result r = new ScrubEvaluation(Scrubber.standard()).evaluate(sentences());
    PrintStream out = System.out;
    String what = file != null ? file.getFileName().toString() : half.name().toLowerCase(Locale.ROOT) + " half";
    out.printf(Locale.ROOT, "scrub-eval: %s, %d sentences%s%n", what,
        r.sentences(), file == null && half == Half.HELDOUT ? " (never tuned on)" : "");
    out.printf(Locale.ROOT, "%-12s %7s %8s %12s%n", "type", "labels", "recall", "removed-any");
    for (Map.Entry<String, TypeCounts> e : r.byType().entrySet()) {
      TypeCounts c = e.getValue();
      out.printf(Locale.ROOT, "%-12s %7d %8.3f %12.3f%n", e.getKey(), c.total(), c.recall(), c.removedAnyType());
    }
    out.printf(Locale.ROOT, "ordinary words kept: %.4f of %d; capitalised: %.4f of %d%n",
        r.wordsKept(), r.ordinaryWords(), r.capitalisedKept(), r.capitalisedWords());
    if (misses) {
      for (ScrubEvaluation.Miss m : r.misses()) {
        out.println();
        out.println("  text:     " + m.sentence());
        out.println("  scrubbed: " + m.scrubbed());
        m.missed().forEach(x -> out.println("  missed:   " + x));
        m.taken().forEach(x -> out.println("  taken:    " + x));
      }
    }
    if (check && !r.meetsFloors()) {
      System.err.println("scrub-eval: a figure is below its floor");
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  private java.util.List<dev.gatekeeper.scrubeval.LabelledSentence> sentences() {
    if (file == null) {
      return half.sentences();
    }
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      return dev.gatekeeper.scrubeval.LabelledSentence.read(in, file.toString());
    } catch (java.io.IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
