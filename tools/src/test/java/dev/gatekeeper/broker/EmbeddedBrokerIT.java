package dev.gatekeeper.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real broker in a child JVM: transactions, restarts on the same data dir, clean shutdown. */
class EmbeddedBrokerIT {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

  @Test
  void readCommittedConsumerSeesCommittedTransactionsAndNotAbortedOnes() throws Exception {
    long pid;
    Path dataDir;
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults())) {
      pid = broker.pid();
      dataDir = broker.dataDir();
      String topic = uniqueTopic("txn");
      createTopic(broker, topic);

      try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "k1", "committed-1"));
        producer.send(new ProducerRecord<>(topic, "k2", "committed-2"));
        producer.commitTransaction();

        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "k3", "aborted-1"));
        producer.send(new ProducerRecord<>(topic, "k4", "aborted-2"));
        // Flushed first, so the aborted records really are in the log, not just dropped.
        producer.flush();
        producer.abortTransaction();

        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "k5", "committed-3"));
        producer.commitTransaction();
      }

      assertThat(readAll(broker, topic, "read_committed"))
          .containsExactly("committed-1", "committed-2", "committed-3");
      assertThat(readAll(broker, topic, "read_uncommitted"))
          .as("the aborted records were written, so read_committed hid them")
          .contains("aborted-1", "aborted-2");
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("broker process after close").isEmpty();
    assertThat(dataDir).as("temporary data dir after close").doesNotExist();
  }

  @Test
  void restartOnTheSameDataDirKeepsRecordsAndCloseLeavesNoProcess(@TempDir Path dir) throws Exception {
    String topic = uniqueTopic("restart");
    BrokerOptions options = BrokerOptions.defaults().withDataDir(dir);

    EmbeddedBroker first = EmbeddedBroker.start(options);
    long firstPid = first.pid();
    try (first) {
      createTopic(first, topic);
      try (KafkaProducer<String, String> producer = transactionalProducer(first)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "a", "before-restart-1"));
        producer.send(new ProducerRecord<>(topic, "b", "before-restart-2"));
        producer.commitTransaction();
      }
      assertThat(first.logFile()).startsWith(dir).isNotEmptyFile();

      assertThatThrownBy(() -> EmbeddedBroker.start(options))
          .as("a second broker on a directory in use")
          .isInstanceOfSatisfying(
              BrokerStartException.class,
              e -> assertThat(e.reason()).isEqualTo(BrokerStartException.Reason.DATA_DIR_IN_USE));
    }
    assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).as("first broker process after close").isEmpty();
    first.close(); // idempotent
    assertThat(dir.resolve("kafka/meta.properties")).as("kept data dir").exists();

    try (EmbeddedBroker second = EmbeddedBroker.start(options)) {
      assertThat(second.pid()).isNotEqualTo(firstPid);
      assertThat(readAll(second, topic, "read_committed")).containsExactly("before-restart-1", "before-restart-2");
    }
    assertThat(Files.isDirectory(dir)).isTrue();
  }

  private static String uniqueTopic(String purpose) {
    // Fresh names per run: re-creating a just-deleted name can stall clients.
    return "it-" + purpose + "-" + UUID.randomUUID();
  }

  private static void createTopic(EmbeddedBroker broker, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static KafkaProducer<String, String> transactionalProducer(EmbeddedBroker broker) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /** Every value of partition 0 the consumer may see at this isolation level, in order. */
  private static List<String> readAll(EmbeddedBroker broker, String topic, String isolationLevel) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    TopicPartition partition = new TopicPartition(topic, 0);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(Set.of(partition));
      consumer.seekToBeginning(Set.of(partition));
      // For read_committed the end offset is the last stable offset: nothing is left open here.
      long end = consumer.endOffsets(Set.of(partition)).get(partition);
      await(isolationLevel + " consumer reaches offset " + end + " of " + topic)
          .atMost(READ_TIMEOUT)
          .pollInSameThread()
          .pollInterval(Duration.ZERO)
          .until(
              () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                return consumer.position(partition) >= end;
              });
    }
    return values;
  }
}
