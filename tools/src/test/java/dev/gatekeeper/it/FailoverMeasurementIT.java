package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a check: three {@code gatekeeper run} child processes on 12 partitions,
 * {@code failover.events} events for {@code failover.orgs} orgs processed, then a steady stream;
 * one instance is killed with SIGKILL and the time until every data-events partition it owned has
 * its committed offset (the application's consumer group) advance past its value at the kill is
 * measured, polled every 100 ms (up to {@code failover.wait.s}). Once with
 * {@code kafka.num.standby.replicas=1}, once with 0 ({@code failover.standbys}, default {@code 1,0}),
 * {@code failover.runs} times each;
 * {@code failover.txn.timeout.ms} sets {@code kafka.producer.transaction.timeout.ms}. Skipped unless {@code -Dfailover.measure=true}:
 *
 * <pre>
 * mvn -B -o verify -pl tools -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=FailoverMeasurementIT -Dfailsafe.failIfNoSpecifiedTests=false -Dfailover.measure=true [-Dfailover.runs=3] [-Dfailover.events=200000] [-Dfailover.txn.timeout.ms=300000]
 * </pre>
 */
class FailoverMeasurementIT {
  private static final int PARTITIONS = 12;
  private static final int INSTANCES = 3;

  @Test
  void measuresFailoverWithAndWithoutStandbys() throws Exception {
    assumeTrue(Boolean.getBoolean("failover.measure"),
        "a measurement of minutes: run with -Dit.test=FailoverMeasurementIT -Dfailover.measure=true");
    int runs = Integer.getInteger("failover.runs", 1);
    int events = Integer.getInteger("failover.events", 200_000);
    int orgs = Integer.getInteger("failover.orgs", 2_000);
    int rate = Integer.getInteger("failover.rate", 500);
    int warmupSeconds = Integer.getInteger("failover.warmup.s", 20);
    List<String> results = new ArrayList<>();
    try (TestKafka broker = TestKafka.start()) {
      for (int run = 1; run <= runs; run++) {
        for (String config : System.getProperty("failover.standbys", "1,0").split(",")) {
          int standbys = Integer.parseInt(config.trim());
          String r = measure(broker, run, standbys, events, orgs, rate, warmupSeconds);
          results.add(r);
          System.out.println("FAILOVER " + r);
        }
      }
    }
    System.out.println("FAILOVER summary (" + events + " events, " + orgs + " orgs, " + rate + " events/s during the kill):");
    results.forEach(r -> System.out.println("FAILOVER   " + r));
  }

  private static String measure(TestKafka broker, int run, int standbys, int events, int orgs, int rate, int warmupSeconds)
      throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("kafka.num.standby.replicas", Integer.toString(standbys));
    String txnTimeout = System.getProperty("failover.txn.timeout.ms");
    if (txnTimeout != null) {
      flags.put("kafka.producer.transaction.timeout.ms", txnTimeout);
    }
    RealGatekeeper gk = new RealGatekeeper(broker.bootstrapServers(), PARTITIONS, flags);
    String appId = gk.config.applicationId();
    String eventsTopic = gk.config.topics().inputTopics().get(0);
    long now = System.currentTimeMillis();
    String at = Instant.ofEpochMilli(now).toString();
    List<Process> children = new ArrayList<>();
    AtomicBoolean producing = new AtomicBoolean(true);
    Thread steady = null;
    try (Admin admin = Admin.create(gk.config.clientProperties());
        Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics())) {
      // The three start on empty stores, so that the assignor spreads the tasks at once rather than
      // leaving them where the state is and warming the others up over probing rebalances.
      for (int i = 0; i < INSTANCES; i++) {
        Path stateDir = gk.newStateDir();
        AppConfig c = new AppConfig(gk.config.bootstrapServers(), appId, stateDir, gk.config.numStreamThreads(),
            gk.config.topics(), gk.config.routing(), gk.config.gatekeeper(), gk.config.kafka(), 0,
            gk.config.healthHost(), gk.config.wire(), gk.config.api());
        Path log = Files.createTempFile("failover-r" + run + "-s" + standbys + "-i" + i + "-", ".log");
        children.add(GatekeeperProcess.start(c, log, 0, List.of("kafka.client.id=" + clientId(i))));
      }
      Map<String, Set<Integer>> spread = waitForSpread(admin, appId, eventsTopic, 120_000);
      // Sent only now: records sent while the new topics' leaders are still being elected can leave
      // an idempotent producer retrying OUT_OF_ORDER_SEQUENCE_NUMBER for ever on this broker.
      for (int o = 0; o < orgs; o++) {
        in.settings(Fixtures.settings("org-" + o, Instant.ofEpochMilli(now - 3_600_000).toString())
            .product("s1", "jira", FREE).product("s1", "confluence", FREE).build());
      }
      in.flush();
      long t0 = System.nanoTime();
      for (int e = 0; e < events; e++) {
        in.event(event("pre-" + e, "org-" + (e % orgs), at));
      }
      in.flush();
      waitCaughtUp(admin, appId, eventsTopic, 900_000);
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      // A steady stream over all orgs, so that every partition keeps receiving events.
      AtomicLong sent = new AtomicLong();
      steady = new Thread(() -> {
        long start = System.nanoTime();
        while (producing.get()) {
          long n = sent.getAndIncrement();
          in.event(event("steady-" + n, "org-" + (n % orgs), at));
          long due = start + n * 1_000_000_000L / rate;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            // Pacing to the rate: the next event is due then; there is nothing to wait on.
            LockSupport.parkNanos(wait);
          }
        }
      }, "failover-steady");
      steady.start();
      // Standbys, when there are, follow the changelogs while the warm-up's events are produced.
      long warmupEvents = (long) rate * warmupSeconds;
      await("the warm-up's events sent").atMost(Duration.ofSeconds(warmupSeconds * 3L + 30))
          .pollInterval(Duration.ofMillis(100)).until(() -> sent.get() >= warmupEvents);
      spread = describe(admin, appId, eventsTopic);
      String victim = clientId(0);
      Set<Integer> owned = spread.getOrDefault(victim, Set.of());
      Map<TopicPartition, Long> before = committed(admin, appId, eventsTopic);
      long kill = System.nanoTime();
      children.get(0).destroyForcibly().waitFor(); // SIGKILL
      Map<Integer, Long> resumedMs = new TreeMap<>();
      long waitSeconds = Long.getLong("failover.wait.s", 420);
      long deadline = kill + waitSeconds * 1_000_000_000L;
      try {
        await("the killed instance's partitions advance").atMost(Duration.ofNanos(deadline - System.nanoTime()))
            .pollInterval(Duration.ofMillis(100)).until(() -> {
              Map<TopicPartition, Long> current = committed(admin, appId, eventsTopic);
              long elapsed = (System.nanoTime() - kill) / 1_000_000;
              for (int p : owned) {
                TopicPartition tp = new TopicPartition(eventsTopic, p);
                if (!resumedMs.containsKey(p) && current.getOrDefault(tp, -1L) > before.getOrDefault(tp, -1L)) {
                  resumedMs.put(p, elapsed);
                }
              }
              return resumedMs.size() == owned.size();
            });
      } catch (ConditionTimeoutException e) {
        // reported below as partitions that did not resume within failover.wait.s
      }
      Map<String, Set<Integer>> after = describe(admin, appId, eventsTopic);
      long first = resumedMs.values().stream().mapToLong(Long::longValue).min().orElse(-1);
      long last = resumedMs.size() == owned.size() ? resumedMs.values().stream().mapToLong(Long::longValue).max().orElse(-1) : -1;
      producing.set(false);
      steady.join(5_000);
      return String.format(
          "run %d standbys=%d: load %d events in %.1f s; spread before kill %s; killed %s owning %s; "
              + "first of its partitions resumed after %d ms, all after %s; spread after %s; per partition %s",
          run, standbys, events, loadSeconds, counts(spread), victim, owned, first, last < 0 ? "NOT within " + waitSeconds + " s" : last + " ms",
          counts(after), resumedMs);
    } finally {
      producing.set(false);
      if (steady != null) {
        steady.join(5_000);
      }
      for (Process p : children) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  private static String clientId(int instance) {
    return "failover-instance-" + instance;
  }

  private static DataEvent event(String id, String org, String at) {
    return Fixtures.event(id, org, at).app(id.hashCode() % 2 == 0 ? "jira" : "confluence").build();
  }

  private static Map<String, Integer> counts(Map<String, Set<Integer>> spread) {
    return spread.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(), (a, b) -> a, TreeMap::new));
  }

  /** Data-events partitions per instance (its Streams client id), from the consumer group. */
  private static Map<String, Set<Integer>> describe(Admin admin, String appId, String topic) throws Exception {
    ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(appId)).all().get().get(appId);
    Map<String, Set<Integer>> spread = new TreeMap<>();
    for (MemberDescription m : d.members()) {
      String instance = m.clientId().replaceAll("-StreamThread-\\d+-consumer$", "");
      Set<Integer> ps = spread.computeIfAbsent(instance, k -> new TreeSet<>());
      m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic)).forEach(tp -> ps.add(tp.partition()));
    }
    return spread;
  }

  private static Map<String, Set<Integer>> waitForSpread(Admin admin, String appId, String topic, long timeoutMs) throws Exception {
    AtomicReference<Map<String, Set<Integer>>> spread = new AtomicReference<>(Map.of());
    try {
      await("three instances share the partitions").atMost(Duration.ofMillis(timeoutMs)).pollInterval(Duration.ofMillis(500))
          .until(() -> {
            try {
              spread.set(describe(admin, appId, topic));
            } catch (ExecutionException e) {
              return false; // the group does not exist until the first instance joins
            }
            int assigned = spread.get().values().stream().mapToInt(Set::size).sum();
            return spread.get().size() == INSTANCES && assigned == PARTITIONS;
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("three instances never shared the " + PARTITIONS + " partitions", e);
    }
    return spread.get();
  }

  private static Map<TopicPartition, Long> committed(Admin admin, String appId, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, Long> out = new HashMap<>();
    all.forEach((tp, om) -> {
      if (tp.topic().equals(topic) && om != null) {
        out.put(tp, om.offset());
      }
    });
    return out;
  }

  private static void waitCaughtUp(Admin admin, String appId, String topic, long timeoutMs) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> end = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
    try {
      await("the backlog processed").atMost(Duration.ofMillis(timeoutMs)).pollInterval(Duration.ofMillis(500))
          .until(() -> {
            Map<TopicPartition, Long> c = committed(admin, appId, topic);
            return end.entrySet().stream().allMatch(e -> c.getOrDefault(e.getKey(), -1L) >= e.getValue());
          });
      return;
    } catch (ConditionTimeoutException e) {
      // reported below with the offsets
    }
    throw new IllegalStateException("the backlog was not processed within " + timeoutMs + " ms: committed "
        + committed(admin, appId, topic) + ", end " + end);
  }
}
