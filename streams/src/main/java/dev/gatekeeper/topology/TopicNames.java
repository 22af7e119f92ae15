package dev.gatekeeper.topology;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The topics the gatekeeper reads and writes (CONTRACT.md). Data events come from a list of
 * topics or from every topic matching a pattern, never both.
 *
 * @param inputPattern null unless inputs are given as a pattern
 */
public record TopicNames(
    List<String> inputTopics,
    Pattern inputPattern,
    String settings,
    String contributions,
    String decisions,
    String deadLetters,
    String receipts,
    String aggregates) {

  public TopicNames {
    inputTopics = List.copyOf(inputTopics);
    if (inputTopics.isEmpty() == (inputPattern == null)) {
      throw new IllegalArgumentException("give the data-event topics as a list or as a pattern, not both");
    }
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(contributions, "contributions");
    Objects.requireNonNull(decisions, "decisions");
    Objects.requireNonNull(deadLetters, "deadLetters");
    Objects.requireNonNull(receipts, "receipts");
    Objects.requireNonNull(aggregates, "aggregates");
  }

  /** CONTRACT.md's default names. */
  public static TopicNames defaults() {
    return new TopicNames(
        List.of("data-events"),
        null,
        "org-settings",
        "contributions",
        "contribution-decisions",
        "data-events-dlq",
        "revocation-receipts",
        "contribution-aggregates");
  }
}
