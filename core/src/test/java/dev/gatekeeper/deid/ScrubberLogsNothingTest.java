package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scrubber writes nothing anywhere while it works: not the text, not what it found. The
 * project's logger (slf4j-simple) and any stray print go to the standard streams, so both are
 * captured around a scrub of text full of names and identifiers, including the first use that
 * loads the lexicon.
 */
class ScrubberLogsNothingTest {
  @Test
  void scrubbingWritesNothingToTheStandardStreams() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    try {
      System.setOut(capture);
      System.setErr(capture);
      for (String text : List.of(
          "Regards, Adebayo Oyinlola",
          "Pinged Henrik Aaltonen and Gráinne Mac Suibhne in the channel",
          "Approved by Dr. Wilhelmina Strand; mail wil@example.com or call +44 20 7946 0958")) {
        Scrubber.standard().scrub(text, List.of("Ada Lovelace", "Ada", "Lovelace"));
        Scrubber.standard().findings(text, List.of());
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
