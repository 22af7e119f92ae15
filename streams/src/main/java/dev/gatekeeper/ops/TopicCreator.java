package dev.gatekeeper.ops;

import dev.gatekeeper.topology.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics with their catalog layout ({@link Topic#layout()}); topics that already exist are
 * left as they are.
 */
public final class TopicCreator {
  private final Admin admin;
  private final Duration timeout;

  public TopicCreator(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** What happened to one topic. */
  public record Result(String topic, boolean created, String problem) {}

  /** One result per topic, in the order given. */
  public List<Result> create(List<? extends Topic<?, ?>> specs, int partitions, short replicationFactor) {
    List<NewTopic> topics = new ArrayList<>();
    for (Topic<?, ?> s : specs) {
      topics.add(new NewTopic(s.name(), partitions, replicationFactor).configs(s.layout().configs()));
    }
    Map<String, org.apache.kafka.common.KafkaFuture<Void>> futures = admin.createTopics(topics).values();
    List<Result> results = new ArrayList<>();
    for (Topic<?, ?> s : specs) {
      try {
        futures.get(s.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        results.add(new Result(s.name(), true, null));
      } catch (ExecutionException e) {
        if (e.getCause() instanceof TopicExistsException) {
          results.add(new Result(s.name(), false, null));
        } else {
          results.add(new Result(s.name(), false, e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage()));
        }
      } catch (TimeoutException e) {
        results.add(new Result(s.name(), false, "timed out after " + timeout.toSeconds() + " s"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        results.add(new Result(s.name(), false, "interrupted"));
        break;
      }
    }
    return results;
  }
}
