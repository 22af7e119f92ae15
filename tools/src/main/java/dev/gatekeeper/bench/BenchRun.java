package dev.gatekeeper.bench;

import dev.gatekeeper.broker.BrokerOptions;
import dev.gatekeeper.broker.EmbeddedBroker;
import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.config.LayeredConfig;
import dev.gatekeeper.io.DirectoryTrees;
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
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One benchmark run on an embedded broker, everything side by side on the same pre-generated
 * input, in one JVM: three kinds of throughput pass — (1) a bytes pass-through Streams app, the
 * ceiling of Kafka Streams with exactly_once_v2 on the machine, (2) an Avro pass-through with the
 * run's wire-format serde, (3) the gatekeeper — then the gatekeeper's end-to-end latency at half
 * its warm capacity, the cost of revoking an org with many live contributions, memory and state.
 *
 * <p>The passes run in rounds, each round one pass of every kind (and of every wire format, when
 * both are compared) in the same order, so that drift on shared cores hits every kind alike. Each
 * pass has its own topics and application id and produces its input anew (the producer's rate is
 * measured too). Round 0 is cold: the JVM compiles as it goes and the broker has carried no load;
 * it is reported apart. Rounds 1..repeats are warm and reported as median and min–max. The ratio
 * of the gatekeeper to the Avro pass-through is taken on the warm medians (and per round, for its
 * spread). Latency and revocation follow the last warm gatekeeper pass and need one format.
 */
public final class BenchRun {
  private final long events;
  private final int orgs;
  private final int partitions;
  private final long revokeCount;
  private final int repeats;
  private final PrintStream out;
  private final Map<String, String> settings;
  private final List<WireFormat> formats;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final Map<WireFormat, Map<PhaseKind, KindFigures>> figures = new LinkedHashMap<>();
  private final Map<WireFormat, List<Double>> produce = new LinkedHashMap<>();

  /**
   * @param settings gatekeeper settings to apply on top of the benchmark's own (e.g.
   *     aggregates.enabled=false)
   * @param formats one wire format, or both to compare them
   * @param repeats warm passes of each kind after the cold one, at least 1
   */
  public BenchRun(long events, int orgs, int partitions, long revokeCount, int repeats, Map<String, String> settings,
      List<WireFormat> formats, PrintStream out) {
    if (formats.isEmpty() || formats.size() != Set.copyOf(formats).size()) {
      throw new IllegalArgumentException("give one wire format or each once");
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1");
    }
    this.formats = List.copyOf(formats);
    this.settings = Map.copyOf(settings);
    this.events = events;
    this.orgs = orgs;
    this.partitions = partitions;
    this.revokeCount = revokeCount;
    this.repeats = repeats;
    this.out = out;
    for (WireFormat f : formats) {
      Map<PhaseKind, KindFigures> byKind = new LinkedHashMap<>();
      for (PhaseKind k : PhaseKind.values()) {
        byKind.put(k, new KindFigures());
      }
      figures.put(f, byKind);
      produce.put(f, new ArrayList<>());
    }
  }

  public Map<String, Object> run() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createTempDirectory("gatekeeper-bench-");
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults().withMaxHeap("1g"));
        RegistryProcess registry = formats.contains(WireFormat.CONFLUENT)
            ? RegistryProcess.start(RegistryHome.locate(), RegistryDataDir.of(work.resolve("registry")), 0, "256m", Duration.ofSeconds(90))
            : null) {
      results.put("format", formats.size() == 1 ? formats.get(0).setting() : "both, alternating");
      results.put("repeats", repeats);
      for (int round = 0; round <= repeats; round++) {
        for (WireFormat format : formats) {
          for (PhaseKind kind : PhaseKind.values()) {
            boolean last = round == repeats && kind == PhaseKind.GATEKEEPER;
            String id = run + "-" + format.setting() + "-" + round + "-" + kind.key.replace('_', '-');
            out.printf("== round %d (%s), %s, %s ==%n", round, round == 0 ? "cold" : "warm", format.setting(), kind.label);
            pass(broker, registry, work, id, format, kind, last && formats.size() == 1);
          }
        }
      }
      summarise();
      results.put("peak_rss_gatekeeper_mib", Memory.peakRssMib(ProcessHandle.current().pid()));
      results.put("peak_heap_gatekeeper_mib", Memory.peakHeapMib());
      results.put("peak_rss_broker_mib", Memory.peakRssMib(broker.pid()));
    } finally {
      DirectoryTrees.delete(work);
    }
    return results;
  }

  /**
   * The throughput passes as a Markdown table: one row per kind (and format), cold apart from
   * warm, each warm figure as median (min–max). Call after {@link #run()}.
   */
  public List<String> throughputTable() {
    List<String> lines = new ArrayList<>();
    lines.add("| kind | cold ev/s | warm median ev/s | warm min–max ev/s | CPU µs/event (JVM), cold | CPU µs/event (JVM), warm median (min–max) "
        + "| broker CPU µs/event, warm median (min–max) |");
    lines.add("|---|---|---|---|---|---|---|");
    for (var byFormat : figures.entrySet()) {
      for (var e : byFormat.getValue().entrySet()) {
        KindFigures k = e.getValue();
        String label = e.getKey().label + (formats.size() == 1 ? "" : " (" + byFormat.getKey().setting() + ")");
        Spread rate = k.warmRate();
        lines.add(String.format(java.util.Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f–%,.0f | %.1f | %s | %s |", label, k.cold().eventsPerS(),
            rate.median(), rate.min(), rate.max(), k.cold().jvmCpuUsPerEvent(), cpu(k.warmJvmCpu()), cpu(k.warmBrokerCpu())));
      }
    }
    return lines;
  }

  private static String cpu(Spread s) {
    return String.format(java.util.Locale.ROOT, "%.1f (%.1f–%.1f)", s.median(), s.min(), s.max());
  }

  /** The ratios and every pass's figures, into the results. */
  private void summarise() {
    Map<String, Object> throughput = new LinkedHashMap<>();
    for (WireFormat format : formats) {
      Map<PhaseKind, KindFigures> byKind = figures.get(format);
      KindFigures bytes = byKind.get(PhaseKind.BYTES_PASSTHROUGH);
      KindFigures avro = byKind.get(PhaseKind.AVRO_PASSTHROUGH);
      KindFigures gate = byKind.get(PhaseKind.GATEKEEPER);
      Map<String, Object> f = new LinkedHashMap<>();
      List<Double> rates = produce.get(format);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("cold", Math.round(rates.get(0)));
      p.put("warm", Spread.of(rates.subList(1, rates.size())).toMap(0));
      f.put("produce_records_per_s", p);
      byKind.forEach((k, v) -> f.put(k.key, v.toMap()));
      f.put("ratio_gatekeeper_to_avro_passthrough", ratios(gate, avro));
      f.put("ratio_avro_to_bytes_passthrough", ratios(avro, bytes));
      throughput.put(format.setting(), f);
      String tag = formats.size() == 1 ? "" : "_" + format.setting().replace('-', '_');
      results.put("ratio_gatekeeper_to_avro_passthrough_warm" + tag, round(gate.warmRate().median() / avro.warmRate().median(), 3));
      results.put("ratio_gatekeeper_to_avro_passthrough_cold" + tag, round(gate.cold().eventsPerS() / avro.cold().eventsPerS(), 3));
      results.put("ratio_avro_to_bytes_passthrough_warm" + tag, round(avro.warmRate().median() / bytes.warmRate().median(), 3));
    }
    if (formats.size() > 1) {
      results.put("confluent_minus_single_object_gatekeeper_jvm_cpu_us_per_event_warm", round(
          figures.get(WireFormat.CONFLUENT).get(PhaseKind.GATEKEEPER).warmJvmCpu().median()
              - figures.get(WireFormat.SINGLE_OBJECT).get(PhaseKind.GATEKEEPER).warmJvmCpu().median(), 1));
    }
    results.put("throughput", throughput);
  }

  /** {@code a / b} in events/s: cold, on the warm medians, and per warm round (same round, same drift). */
  private static Map<String, Object> ratios(KindFigures a, KindFigures b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cold", round(a.cold().eventsPerS() / b.cold().eventsPerS(), 3));
    m.put("warm_medians", round(a.warmRate().median() / b.warmRate().median(), 3));
    List<Double> perRound = new ArrayList<>();
    for (int i = 0; i < a.warmRate().values().size(); i++) {
      perRound.add(a.warmRate().values().get(i) / b.warmRate().values().get(i));
    }
    m.put("warm_per_round", Spread.of(perRound).toMap(3));
    return m;
  }

  /**
   * One pass of {@code kind} on fresh topics in {@code format}: create them, produce the input,
   * measure; when {@code full}, then the latency and revocation phases on the gatekeeper.
   */
  private void pass(EmbeddedBroker broker, RegistryProcess registry, Path work, String id, WireFormat format, PhaseKind kind, boolean full)
      throws Exception {
    AppConfig config = config(broker.bootstrapServers(), work.resolve(id), id, settings, format, registry);
    TopicCatalog catalog = config.catalog();
    try (Admin admin = Admin.create(config.clientProperties())) {
      createTopics(admin, catalog, id);
      Offsets offsets = new Offsets(admin);
      offsets.awaitReady(List.of(config.topics().inputTopics().get(0), config.topics().settings()), Duration.ofSeconds(60));
      BenchInput input = new BenchInput(events, orgs, catalog);
      produceRaw(config, input, format);
      KindFigures byKind = figures.get(format).get(kind);
      switch (kind) {
        case BYTES_PASSTHROUGH -> byKind.add(passThrough(config, offsets, id, broker.pid(), Serdes.ByteArray(), Serdes.ByteArray()));
        case AVRO_PASSTHROUGH -> byKind.add(passThrough(config, offsets, id, broker.pid(), Serdes.String(), catalog.serdes().dataEvent));
        case GATEKEEPER -> {
          try (GatekeeperService gatekeeper = new GatekeeperService(config, catalog)) {
            byKind.add(gatekeeper(gatekeeper, config, catalog, offsets, broker.pid()));
            if (full) {
              new LatencyPhase(config, catalog, out).run(byKind.warmRate().median() / 2, Duration.ofSeconds(15), results);
              new RevocationPhase(config, catalog, offsets, out).run(revokeCount, work.resolve(id), results);
            }
          }
        }
      }
    }
  }

  private void produceRaw(AppConfig config, BenchInput input, WireFormat format) {
    Properties p = new Properties();
    p.putAll(config.clientProperties());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
    long t0 = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      input.records.forEach(r -> producer.send(r, (meta, e) -> {
        if (e != null) {
          failed.compareAndSet(null, e);
        }
      }));
      producer.flush();
    }
    // A lost batch would leave less input than the rates are computed for: better no figure than a wrong one.
    if (failed.get() != null) {
      throw new IllegalStateException("the benchmark's input was not all written", failed.get());
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double rate = input.records.size() / secs;
    results.put("events", input.events);
    results.put("input_records", input.records.size());
    results.put("input_mib" + (formats.size() == 1 ? "" : "_" + format.setting().replace('-', '_')), round(input.bytes / 1048576.0, 1));
    // Every pass produces its input; the first of a format is cold, all later ones warm.
    produce.get(format).add(rate);
    out.printf("produced %,d records in %.1f s: %,.0f records/s%n", input.records.size(), secs, rate);
  }

  private <K, V> PassFigures passThrough(AppConfig config, Offsets offsets, String id, long brokerPid, Serde<K> keySerde, Serde<V> valueSerde)
      throws Exception {
    String app = "bench-passthrough-" + id;
    Properties props = StreamsDefaults.of(app, config.bootstrapServers(), config.stateDir().resolveSibling("passthrough"));
    String input = config.topics().inputTopics().get(0);
    try (KafkaStreams streams = new KafkaStreams(PassThroughTopology.build(input, "bench-passthrough-out-" + id, props, keySerde, valueSerde), props)) {
      var ends = offsets.ends(List.of(input));
      startAndAwaitRunning(streams);
      PassFigures f = measure(brokerPid, () -> offsets.awaitCommitted(app, ends, Duration.ofMinutes(10)));
      streams.close(Duration.ofSeconds(30));
      return f;
    }
  }

  private PassFigures gatekeeper(GatekeeperService gatekeeper, AppConfig config, TopicCatalog catalog, Offsets offsets, long brokerPid)
      throws Exception {
    var ends = offsets.ends(List.of(config.topics().inputTopics().get(0), config.topics().settings()));
    gatekeeper.start();
    if (!gatekeeper.awaitRunning(Duration.ofSeconds(120))) {
      throw new IllegalStateException("the gatekeeper did not reach RUNNING");
    }
    PassFigures f = measure(brokerPid, () -> offsets.awaitCommitted(config.applicationId(), ends, Duration.ofMinutes(10)));
    ContributionMix mix = ContributionMix.read(config.clientProperties(), offsets.ends(List.of(config.topics().contributions())),
        catalog.serdes().contribution);
    results.put("contributed_metadata_records", mix.metadata);
    results.put("contributed_in_app_records", mix.inApp);
    return f;
  }

  /**
   * Times {@code awaitDone} (which returns the {@link System#nanoTime()} at which the input was
   * all committed) and the CPU this JVM and the broker spent meanwhile. CPU per event is steadier
   * than a rate on shared cores: what the work costs, not how it was scheduled.
   */
  private PassFigures measure(long brokerPid, java.util.concurrent.Callable<Long> awaitDone) throws Exception {
    long self = ProcessHandle.current().pid();
    long t0 = System.nanoTime();
    long selfCpu0 = Memory.cpuMillis(self);
    long brokerCpu0 = Memory.cpuMillis(brokerPid);
    long t1 = awaitDone.call();
    PassFigures f = new PassFigures(events / ((t1 - t0) / 1e9), (Memory.cpuMillis(self) - selfCpu0) * 1000.0 / events,
        (Memory.cpuMillis(brokerPid) - brokerCpu0) * 1000.0 / events);
    out.printf(java.util.Locale.ROOT, "%,.0f events/s; CPU per event: JVM %.1f µs, broker %.1f µs%n", f.eventsPerS(), f.jvmCpuUsPerEvent(),
        f.brokerCpuUsPerEvent());
    return f;
  }

  private static void startAndAwaitRunning(KafkaStreams streams) throws InterruptedException {
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
