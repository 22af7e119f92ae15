package dev.gatekeeper.io;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.topology.TopicNames;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** Which record type a topic carries, from the configured topic names (CONTRACT.md). */
public final class TopicRoles {
  private final TopicNames topics;

  public TopicRoles(TopicNames topics) {
    this.topics = topics;
  }

  private static boolean isRegional(String topic, String base) {
    return topic.startsWith(base + ".") && dev.gatekeeper.topology.Routing.isValidRegion(topic.substring(base.length() + 1));
  }

  /** The record class of a topic; empty for the dead-letter topic (raw bytes). */
  public Optional<Class<? extends SpecificRecord>> recordType(String topic) {
    if (topic.equals(topics.settings())) {
      return Optional.of(OrgSettings.class);
    }
    if (topic.equals(topics.contributions()) || isRegional(topic, topics.contributions())) {
      return Optional.of(Contribution.class);
    }
    if (topic.equals(topics.aggregates()) || isRegional(topic, topics.aggregates())) {
      return Optional.of(dev.gatekeeper.schema.ContributionAggregate.class);
    }
    if (topic.equals(topics.decisions())) {
      return Optional.of(ContributionDecision.class);
    }
    if (topic.equals(topics.receipts())) {
      return Optional.of(dev.gatekeeper.schema.RevocationReceipt.class);
    }
    if (topic.equals(topics.deadLetters())) {
      return Optional.empty();
    }
    if (topics.inputTopics().contains(topic)
        || (topics.inputPattern() != null && topics.inputPattern().matcher(topic).matches())) {
      return Optional.of(DataEvent.class);
    }
    throw new IllegalArgumentException(
        "topic '" + topic + "' is none of the gatekeeper's topics (" + String.join(", ", topics.inputTopics()) + ", "
            + topics.settings() + ", " + topics.contributions() + "[.region], " + topics.decisions() + ", " + topics.deadLetters()
            + ", " + topics.receipts() + ", " + topics.aggregates() + "[.region]); configure its name (topics.*) or pick one of these");
  }
}
