package dev.gatekeeper.benchmarks;

import dev.gatekeeper.deid.Scrubber;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scrubber throughput on one thread: {@link Scrubber#scrub} of one text of the {@link Corpus}
 * (4,000 texts, 4.35 MB, taken in turn) with its actor's name parts. The primary score is
 * texts per second; the secondary score {@code scrub:megabytes} is the UTF-8 size of the texts
 * scrubbed, in 10^6 bytes, per second: that is, MB/s, counted exactly text by text.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScrubberBenchmark {
  static final long SEED = 20260901L;
  static final int TEXTS = 4_000;

  private Scrubber scrubber;
  private Corpus.Text[] texts;
  private int next;

  /** Megabytes of input scrubbed; JMH reports the counter as a rate, i.e. in MB/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Volume {
    /** UTF-8 bytes scrubbed in this iteration, divided by 10^6. */
    public double megabytes;

    /** Each iteration counts from zero. */
    @Setup(Level.Iteration)
    public void reset() {
      megabytes = 0;
    }
  }

  /** Generates the corpus and prints its summary to the benchmark log. */
  @Setup
  public void setUp() {
    Corpus corpus = Corpus.generate(SEED, TEXTS);
    System.out.println(corpus.summary());
    texts = corpus.texts();
    scrubber = Scrubber.standard();
  }

  /** Scrubs the next text of the corpus and returns the result to JMH. */
  @Benchmark
  public String scrub(Volume volume) {
    Corpus.Text t = texts[next];
    next = next + 1 == texts.length ? 0 : next + 1;
    volume.megabytes += t.megabytes();
    return scrubber.scrub(t.text(), t.actor().nameParts());
  }
}
