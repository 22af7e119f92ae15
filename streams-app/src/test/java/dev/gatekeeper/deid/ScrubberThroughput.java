package dev.gatekeeper.deid;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures {@link Scrubber} throughput on one thread over ~50 MB of generated prose in which
 * about 2% of sentences carry personal data. A manual tool, not a test: run it with
 *
 * <pre>
 * java -cp target/classes:target/test-classes dev.gatekeeper.deid.ScrubberThroughput [MB]
 * </pre>
 */
public final class ScrubberThroughput {
  private static final String[] WORDS = (
      "the a an and or but of to in on for with from by as at is are was were be been it this "
      + "that we you they our your their team issue page board sprint release build deploy "
      + "service customer request response error timeout retry queue latency user account "
      + "project meeting review change update fix bug feature test plan report dashboard "
      + "should could would will can may need please thanks today tomorrow yesterday week "
      + "after before during because while until again already still only also very more "
      + "migration database index cache cluster node region backup restore rollback config "
      + "pipeline commit branch merge conflict approve comment ticket owner priority status "
      + "annual planning pass secret token key bearer mention email phone address number")
      .split(" ");

  private static final String[] ORDINARY = {
    "in 2026", "version 3.14.2", "v1.2.3", "on 2026-09-01", "at 10:30", "ENG-1234",
    "12345 users", "$1,250.00", "42%", "p99 of 250 ms", "Note:", "timeout=30", "e.g.",
    "see https://docs.python.org/3/library/re.html", "(about 40)", "Q3", "i.e. 3.5x",
    "PROJ-77", "10:30:15", "1.5 million", "#4521", "step 2 of 5", "x86_64", "UTF-8",
  };

  private static final String[][] ACTORS = {
    {"Ada Lovelace", "Ada", "Lovelace"},
    {"Grace Hopper", "Grace", "Hopper"},
    {"José Núñez", "José", "Núñez"},
    {"Ann Lee", "Ann", "Lee"},
    {"Zoë O'Brien", "Zoë", "O'Brien"},
  };

  private static final String[] PII = {
    "mail ada.lovelace@example.com about it",
    "call +44 20 7946 0958 or (202) 555-0143",
    "ask @grace.hopper or [~accountid:5b10a2844c20165700ede21g]",
    "card 4111 1111 1111 1111 was charged",
    "from 192.168.0.1 and 2001:db8::1",
    "see https://acme.atlassian.net/browse/ENG-1",
    "key AKIAIOSFODNN7EXAMPLE leaked",
    "password=hunter2 in the config",
    "Authorization: Bearer abc123.def456-ghi",
    "%NAME% approved it",
  };

  private ScrubberThroughput() {}

  public static void main(String[] args) {
    int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Random random = new Random(20260901L);
    List<String> texts = new ArrayList<>();
    List<List<String>> names = new ArrayList<>();
    long bytes = 0;
    int piiSentences = 0;
    int sentences = 0;
    while (bytes < megabytes * 1_000_000L) {
      String[] actor = ACTORS[random.nextInt(ACTORS.length)];
      int target = 100 + random.nextInt(1901);
      StringBuilder text = new StringBuilder(target + 200);
      while (text.length() < target) {
        boolean pii = random.nextInt(50) == 0;
        piiSentences += pii ? 1 : 0;
        sentences++;
        sentence(random, text, pii ? PII[random.nextInt(PII.length)].replace("%NAME%", actor[1])
            : null);
      }
      String t = text.toString().strip();
      texts.add(t);
      names.add(Arrays.asList(actor));
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf("corpus: %d texts, %.1f MB, %d sentences (%.1f%% with PII)%n",
        texts.size(), bytes / 1e6, sentences, 100.0 * piiSentences / sentences);

    Scrubber scrubber = Scrubber.standard();
    long sink = 0;
    for (int round = 0; round < 3; round++) {
      sink += pass(scrubber, texts, names);
    }
    double[] rates = new double[5];
    for (int round = 0; round < rates.length; round++) {
      long start = System.nanoTime();
      sink += pass(scrubber, texts, names);
      double seconds = (System.nanoTime() - start) / 1e9;
      rates[round] = bytes / 1e6 / seconds;
      System.out.printf("round %d: %.1f MB/s%n", round + 1, rates[round]);
    }
    Arrays.sort(rates);
    System.out.printf("median %.1f MB/s on one thread (checksum %d)%n", rates[2], sink);
  }

  private static long pass(Scrubber scrubber, List<String> texts, List<List<String>> names) {
    long sink = 0;
    for (int i = 0; i < texts.size(); i++) {
      sink += scrubber.scrub(texts.get(i), names.get(i)).length();
    }
    return sink;
  }

  private static void sentence(Random random, StringBuilder out, String pii) {
    int words = 8 + random.nextInt(18);
    int piiAt = pii == null ? -1 : 1 + random.nextInt(words - 1);
    for (int w = 0; w < words; w++) {
      if (w == 0) {
        String first = WORDS[random.nextInt(WORDS.length)];
        out.append(Character.toUpperCase(first.charAt(0))).append(first, 1, first.length());
      } else {
        out.append(' ');
        if (w == piiAt) {
          out.append(pii);
        } else if (random.nextInt(12) == 0) {
          out.append(ORDINARY[random.nextInt(ORDINARY.length)]);
        } else {
          out.append(WORDS[random.nextInt(WORDS.length)]);
          if (random.nextInt(15) == 0) {
            out.append(',');
          }
        }
      }
    }
    out.append(random.nextInt(10) == 0 ? "?\n" : ". ");
  }
}
