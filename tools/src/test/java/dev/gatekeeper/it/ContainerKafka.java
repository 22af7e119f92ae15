package dev.gatekeeper.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** {@link TestKafka} as Testcontainers' {@link KafkaContainer} of the official image. */
final class ContainerKafka implements TestKafka {
  /** The official image at the version of the clients on the class path (the parent pom's kafka.version). */
  static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:" + clientsVersion());

  private final KafkaContainer container;

  private ContainerKafka(KafkaContainer container) {
    this.container = container;
  }

  static ContainerKafka start() {
    Containers.assumeDocker();
    // KafkaContainer already sets one replica and one partition for the offsets topic and one
    // replica for the transaction log; the rest matches what BrokerProperties gives the embedded
    // broker, so the ITs see the same broker behaviour on both paths.
    KafkaContainer container = new KafkaContainer(IMAGE)
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
        .withEnv("KAFKA_DEFAULT_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "1")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1")
        .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
        .withEnv("KAFKA_NUM_PARTITIONS", "1")
        .withStartupTimeout(Duration.ofMinutes(2));
    try {
      container.start();
    } catch (RuntimeException e) {
      container.stop();
      throw e;
    }
    return new ContainerKafka(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public void close() {
    container.stop();
  }

  @Override
  public String toString() {
    return IMAGE + " container at " + bootstrapServers();
  }

  /** The version kafka-clients records in its jar, as its own start-up log line reports it. */
  private static String clientsVersion() {
    try (InputStream in = Admin.class.getResourceAsStream("/kafka/kafka-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("kafka-clients on the class path has no /kafka/kafka-version.properties");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
