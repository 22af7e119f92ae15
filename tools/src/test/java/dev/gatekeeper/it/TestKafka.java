package dev.gatekeeper.it;

import dev.gatekeeper.broker.BrokerOptions;
import dev.gatekeeper.broker.EmbeddedBroker;

/**
 * A single-node KRaft broker for an integration test, with every internal topic at one replica so
 * that transactions and {@code exactly_once_v2} work, and topic auto-creation off. By default an
 * {@link EmbeddedBroker} (a child JVM on 127.0.0.1); with {@code -Dit.containers=true} the
 * official {@code apache/kafka} image at the clients' version in a Testcontainers container.
 */
public interface TestKafka extends AutoCloseable {
  /** {@code host:port} for clients' {@code bootstrap.servers}. */
  String bootstrapServers();

  /** Stops the broker and discards its data. */
  @Override
  void close();

  /**
   * Starts a broker and waits until it serves clients.
   *
   * @throws org.opentest4j.TestAbortedException on the container path when Docker is unavailable,
   *     so that the calling test is skipped
   */
  static TestKafka start() {
    if (Containers.enabled()) {
      return ContainerKafka.start();
    }
    EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults());
    return new TestKafka() {
      @Override
      public String bootstrapServers() {
        return broker.bootstrapServers();
      }

      @Override
      public void close() {
        broker.close();
      }

      @Override
      public String toString() {
        return "embedded broker at " + broker.bootstrapServers() + " (pid " + broker.pid() + ")";
      }
    };
  }
}
