package dev.gatekeeper.bench;

import dev.gatekeeper.broker.BrokerOptions;
import dev.gatekeeper.broker.EmbeddedBroker;
import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.config.LayeredConfig;
import dev.gatekeeper.ops.TopicCreator;
import dev.gatekeeper.registry.RegistryDataDir;
import dev.gatekeeper.registry.RegistryHome;
import dev.gatekeeper.registry.RegistryProcess;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.serde.WireFormat;
import dev.gatekeeper.topology.StreamsDefaults;
import dev.gatekeeper.topology.Topic;
import dev.gatekeeper.topology.TopicCatalog;
import dev.gatekeeper.topology.TopicLayout;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One benchmark run on an embedded broker, everything side by side on the same pre-generated
 * input: (a) the producer's raw rate, (b) a pass-through Streams app with the same serdes and
 * exactly_once_v2, (c) the gatekeeper; then the gatekeeper's end-to-end latency at half its
 * capacity, the cost of revoking an org with many live contributions, memory and state size.
 *
 * <p>With one wire format, the topics carry it (the Confluent one on a schema registry the run
 * starts). With both, (a)–(c) run for each format on the same events, twice in alternation
 * (single-object, Confluent, single-object, Confluent), each pass on its own topics and
 * application: the first round is reported as cold, the second as warm, and the warm difference
 * in CPU per event is what the Confluent format costs. Latency and revocation need one format.
 */
public final class BenchRun {
  private final long events;
  private final int orgs;
  private final int partitions;
  private final long revokeCount;
  private final PrintStream out;
  private final Map<String, String> settings;
  private final List<WireFormat> formats;
  private final Map<String, Object> results = new LinkedHashMap<>();

  /**
   * @param settings gatekeeper settings to apply on top of the benchmark's own (e.g.
   *     aggregates.enabled=false)
   * @param formats one wire format, or both to compare them
   */
  public BenchRun(long events, int orgs, int partitions, long revokeCount, Map<String, String> settings, List<WireFormat> formats,
      PrintStream out) {
    if (formats.isEmpty() || formats.size() != Set.copyOf(formats).size()) {
      throw new IllegalArgumentException("give one wire format or each once");
    }
    this.formats = List.copyOf(formats);
    this.settings = Map.copyOf(settings);
    this.events = events;
    this.orgs = orgs;
    this.partitions = partitions;
    this.revokeCount = revokeCount;
    this.out = out;
  }

  public Map<String, Object> run() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createTempDirectory("gatekeeper-bench-");
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults().withMaxHeap("1g"));
        RegistryProcess registry = formats.contains(WireFormat.CONFLUENT)
            ? RegistryProcess.start(RegistryHome.locate(), RegistryDataDir.of(work.resolve("registry")), 0, "256m", Duration.ofSeconds(90))
            : null) {
      if (formats.size() == 1) {
        results.put("format", formats.get(0).setting());
        pass(broker, registry, work, run, formats.get(0), "", true);
      } else {
        results.put("format", "both, alternating");
        for (int round = 1; round <= 2; round++) {
          for (WireFormat format : formats) {
            String tag = "_" + format.setting().replace('-', '_') + (round == 1 ? "_cold" : "_warm");
            out.printf("== %s, %s pass ==%n", format.setting(), round == 1 ? "first (cold)" : "second (warm)");
            pass(broker, registry, work, run + "-" + format.setting() + "-" + round, format, tag, false);
          }
        }
        results.put("confluent_minus_single_object_cpu_us_per_event_warm", round(
            (double) results.get("gatekeeper_jvm_cpu_us_per_event_confluent_warm")
                - (double) results.get("gatekeeper_jvm_cpu_us_per_event_single_object_warm"), 1));
      }
      results.put("peak_rss_gatekeeper_mib", Memory.peakRssMib(ProcessHandle.current().pid()));
      results.put("peak_heap_gatekeeper_mib", Memory.peakHeapMib());
      results.put("peak_rss_broker_mib", Memory.peakRssMib(broker.pid()));
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return results;
  }

  /**
   * (a)–(c) on fresh topics in {@code format}; results keyed with {@code tag} appended, and, when
   * {@code full}, then the latency and revocation phases.
   */
  private void pass(EmbeddedBroker broker, RegistryProcess registry, Path work, String run, WireFormat format, String tag, boolean full)
      throws Exception {
    AppConfig config = config(broker.bootstrapServers(), work.resolve(run), run, settings, format, registry);
    TopicCatalog catalog = config.catalog();
    try (Admin admin = Admin.create(config.clientProperties())) {
      createTopics(admin, catalog, run);
      Offsets offsets = new Offsets(admin);
      out.printf("generating %,d events for %,d orgs (%s format)...%n", events, orgs, format.setting());
      BenchInput input = new BenchInput(events, orgs, catalog);
      produceRaw(config, input, tag);
      double baseline = passThrough(config, catalog, offsets, run, tag);
      try (GatekeeperService gatekeeper = new GatekeeperService(config, catalog)) {
        double gate = gatekeeper(gatekeeper, config, catalog, offsets, broker.pid(), tag);
        results.put("ratio_gatekeeper_to_baseline" + tag, round(gate / baseline, 3));
        if (full) {
          new LatencyPhase(config, catalog, out).run(gate / 2, Duration.ofSeconds(15), results);
          new RevocationPhase(config, catalog, offsets, out).run(revokeCount, work.resolve(run), results);
        }
      }
    }
  }

  private void produceRaw(AppConfig config, BenchInput input, String tag) {
    Properties p = new Properties();
    p.putAll(config.clientProperties());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    long t0 = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      input.records.forEach(producer::send);
      producer.flush();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double rate = input.records.size() / secs;
    results.put("events", input.events);
    results.put("input_records", input.records.size());
    results.put("input_mib" + tag, round(input.bytes / 1048576.0, 1));
    results.put("produce_records_per_s" + tag, Math.round(rate));
    out.printf("(a) produced %,d records in %.1f s: %,.0f records/s%n", input.records.size(), secs, rate);
  }

  private double passThrough(AppConfig config, TopicCatalog catalog, Offsets offsets, String run, String tag) throws Exception {
    String app = "bench-passthrough-" + run;
    Properties props = StreamsDefaults.of(app, config.bootstrapServers(), config.stateDir().resolveSibling("passthrough"));
    String input = config.topics().inputTopics().get(0);
    try (KafkaStreams streams = new KafkaStreams(PassThroughTopology.build(input, "bench-passthrough-out-" + run, props, catalog.serdes().dataEvent), props)) {
      var ends = offsets.ends(List.of(input));
      long t0 = startAndAwaitRunning(streams);
      long t1 = offsets.awaitCommitted(app, ends, Duration.ofMinutes(10));
      double rate = events / ((t1 - t0) / 1e9);
      results.put("passthrough_events_per_s" + tag, Math.round(rate));
      out.printf("(b) pass-through (same serdes, exactly_once_v2): %,.0f events/s%n", rate);
      streams.close(Duration.ofSeconds(30));
      return rate;
    }
  }

  private double gatekeeper(GatekeeperService gatekeeper, AppConfig config, TopicCatalog catalog, Offsets offsets, long brokerPid, String tag)
      throws Exception {
    var ends = offsets.ends(List.of(config.topics().inputTopics().get(0), config.topics().settings()));
    gatekeeper.start();
    if (!gatekeeper.awaitRunning(Duration.ofSeconds(120))) {
      throw new IllegalStateException("the gatekeeper did not reach RUNNING");
    }
    long t0 = System.nanoTime();
    long selfCpu0 = Memory.cpuMillis(ProcessHandle.current().pid());
    long brokerCpu0 = Memory.cpuMillis(brokerPid);
    long t1 = offsets.awaitCommitted(config.applicationId(), ends, Duration.ofMinutes(10));
    double rate = events / ((t1 - t0) / 1e9);
    results.put("gatekeeper_events_per_s" + tag, Math.round(rate));
    // CPU per event is steadier than a rate on shared cores: what the work costs, not how it was scheduled.
    results.put("gatekeeper_jvm_cpu_us_per_event" + tag, round((Memory.cpuMillis(ProcessHandle.current().pid()) - selfCpu0) * 1000.0 / events, 1));
    results.put("broker_cpu_us_per_event" + tag, round((Memory.cpuMillis(brokerPid) - brokerCpu0) * 1000.0 / events, 1));
    ContributionMix mix = ContributionMix.read(config.clientProperties(), offsets.ends(List.of(config.topics().contributions())),
        catalog.serdes().contribution);
    results.put("contributed_metadata_records" + tag, mix.metadata);
    results.put("contributed_in_app_records" + tag, mix.inApp);
    out.printf("(c) gatekeeper: %,.0f events/s%n", rate);
    return rate;
  }

  private static long startAndAwaitRunning(KafkaStreams streams) throws InterruptedException {
    java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        running.countDown();
      }
    });
    streams.start();
    if (!running.await(120, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("the pass-through app did not reach RUNNING");
    }
    return System.nanoTime();
  }

  private void createTopics(Admin admin, TopicCatalog catalog, String run) {
    List<Topic<?, ?>> specs = new ArrayList<>(catalog.all());
    // The pass-through baseline's output: bytes copied as they are, kept by the broker's defaults.
    specs.add(new Topic<>("bench-passthrough-out-" + run, Serdes.ByteArray(), Serdes.ByteArray(), byte[].class,
        Topic.Role.OUTPUT, null, TopicLayout.retained(null)));
    for (TopicCreator.Result r : new TopicCreator(admin, Duration.ofSeconds(30)).create(specs, partitions, (short) 1)) {
      if (r.problem() != null) {
        throw new IllegalStateException("cannot create " + r.topic() + ": " + r.problem());
      }
    }
  }

  private static AppConfig config(String bootstrap, Path work, String run, Map<String, String> settings, WireFormat format,
      RegistryProcess registry) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put(ConfigKey.BOOTSTRAP_SERVERS.key(), bootstrap);
    flags.put(ConfigKey.APPLICATION_ID.key(), "bench-gatekeeper-" + run);
    flags.put(ConfigKey.STATE_DIR.key(), work.resolve("gatekeeper").toString());
    flags.put(ConfigKey.HEALTH_PORT.key(), "0");
    flags.put(ConfigKey.API_PORT.key(), "0");
    for (var t : Map.of("data-events", "events", "org-settings", "settings", "contributions", "contributions",
        "decisions", "decisions", "dlq", "dlq").entrySet()) {
      flags.put("topics." + t.getKey(), "bench-" + t.getValue() + "-" + run);
    }
    flags.put(ConfigKey.SERDE_FORMAT.key(), format.setting());
    if (registry != null) {
      flags.put(ConfigKey.SCHEMA_REGISTRY_URL.key(), registry.confluentUrl().toString());
    }
    flags.putAll(settings);
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    Map<String, String> env = Map.of(ConfigKey.HMAC_SECRET_ENV, Base64.getEncoder().encodeToString(key));
    return AppConfig.from(LayeredConfig.load(null, Map.of(), flags), env, true);
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
