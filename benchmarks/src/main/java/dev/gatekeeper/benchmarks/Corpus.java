package dev.gatekeeper.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus of work-chat prose: texts of 100–2,000 characters made of sentences of
 * ordinary words, version numbers, dates, prices, issue keys and documentation links, where
 * about one sentence in fifty (2%) carries personal or secret data: emails, phones, mentions,
 * cards, IP addresses, customer URLs, tokens, labelled passwords or the actor's name. Each text
 * comes with the name parts of its actor, as the scrubber is given them. The same seed gives the
 * same corpus on every run and machine.
 */
final class Corpus {
  static final int MIN_CHARS = 100;
  static final int MAX_CHARS = 2_000;

  /** The actor of a text: accountId, display name, email, then the name's parts. */
  record Actor(String accountId, String displayName, String email, List<String> nameParts) {}

  /** One text, its actor and its UTF-8 size in megabytes (10^6 bytes). */
  record Text(String text, Actor actor, double megabytes) {}

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

  private static final Actor[] ACTORS = {
    actor("5b10a2844c20165700ede21g", "Ada Lovelace", "ada.lovelace@example.com"),
    actor("5b10ac8d82e05b22cc7d4ef5", "Grace Hopper", "grace@example.org"),
    actor("557058:f58131cb-b67d-43c7-b30d-6b58d40bd077", "José Núñez", "jnunez@example.es"),
    actor("6c21b3955d31276811fef32h", "Ann Lee", "ann.lee@example.net"),
    actor("712de4a6e9f3a1b2c3d4e5f6", "Zoë O'Brien", "zoe@example.ie"),
  };

  /** %FIRST% and %FULL% stand for the text's actor. */
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
    "%FIRST% approved it",
    "thanks %FULL% for the review",
  };

  private final Random random;
  private final Text[] texts;
  private int sentences;
  private int piiSentences;

  private Corpus(long seed, int count) {
    random = new Random(seed);
    texts = new Text[count];
    for (int i = 0; i < count; i++) {
      Actor actor = ACTORS[random.nextInt(ACTORS.length)];
      String text = text(actor, MIN_CHARS + random.nextInt(MAX_CHARS - MIN_CHARS + 1));
      texts[i] = new Text(text, actor, text.getBytes(StandardCharsets.UTF_8).length / 1e6);
    }
  }

  /** {@code count} texts generated from {@code seed}. */
  static Corpus generate(long seed, int count) {
    return new Corpus(seed, count);
  }

  Text[] texts() {
    return texts.clone();
  }

  /** Size, PII share and text lengths, for the benchmark log. */
  String summary() {
    double megabytes = 0;
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    for (Text t : texts) {
      megabytes += t.megabytes();
      shortest = Math.min(shortest, t.text().length());
      longest = Math.max(longest, t.text().length());
    }
    return String.format(
        "corpus: %d texts of %d-%d chars, %.3f MB UTF-8, %d sentences, %.2f%% with PII",
        texts.length, shortest, longest, megabytes, sentences, 100.0 * piiSentences / sentences);
  }

  private static Actor actor(String accountId, String displayName, String email) {
    String[] parts = displayName.split(" ");
    return new Actor(accountId, displayName, email, List.of(displayName, parts[0], parts[1]));
  }

  /** Whole sentences until the text reaches {@code target} characters, never past the maximum. */
  private String text(Actor actor, int target) {
    StringBuilder text = new StringBuilder(MAX_CHARS + 1);
    StringBuilder next = new StringBuilder(256);
    while (text.length() <= target) { // <=: the sentence's trailing space is stripped below
      next.setLength(0);
      boolean pii = random.nextInt(50) == 0;
      sentence(next, pii ? pii(actor) : null);
      if (text.length() + next.length() > MAX_CHARS) {
        break;
      }
      text.append(next);
      sentences++;
      piiSentences += pii ? 1 : 0;
    }
    return text.toString().strip();
  }

  private String pii(Actor actor) {
    return PII[random.nextInt(PII.length)]
        .replace("%FIRST%", actor.nameParts().get(1))
        .replace("%FULL%", actor.displayName());
  }

  private void sentence(StringBuilder out, String pii) {
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
