package dev.gatekeeper.demo;

import dev.gatekeeper.broker.BrokerOptions;
import dev.gatekeeper.broker.EmbeddedBroker;
import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.config.LayeredConfig;
import dev.gatekeeper.io.DirectoryTrees;
import dev.gatekeeper.ops.SchemaSubjects;
import dev.gatekeeper.ops.TopicCreator;
import dev.gatekeeper.registry.RegistryClient;
import dev.gatekeeper.registry.RegistryDataDir;
import dev.gatekeeper.registry.RegistryHome;
import dev.gatekeeper.registry.RegistryProcess;
import dev.gatekeeper.serde.WireFormat;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;

/**
 * The one-command demo: an embedded broker, a schema registry (for the Confluent format, the
 * default), the topics, the gatekeeper, and a synthetic workload for a while, with progress every
 * few seconds and a summary at the end. The workload is published as upstream apps publish: in
 * the demo's wire format. Everything it starts it stops, and its temporary directories are
 * removed.
 */
public final class DemoRun {
  private final Duration duration;
  private final int orgs;
  private final int partitions;
  private final PrintStream out;
  private final WireFormat format;

  public DemoRun(Duration duration, int orgs, int partitions, WireFormat format, PrintStream out) {
    this.format = format;
    this.duration = duration;
    this.orgs = orgs;
    this.partitions = partitions;
    this.out = out;
  }

  /** Runs the demo; returns true when every event sent was decided. */
  public boolean run() throws Exception {
    Path work = workDirectory();
    long t0 = System.nanoTime();
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults())) {
      out.printf("broker ready at %s in %.1f s (pid %d)%n", broker.bootstrapServers(), secondsSince(t0), broker.pid());
      try (RegistryProcess registry = format == WireFormat.CONFLUENT ? startRegistry(work) : null) {
        return run(broker, registry, work);
      }
    } finally {
      DirectoryTrees.delete(work);
    }
  }

  private boolean run(EmbeddedBroker broker, RegistryProcess registry, Path work) throws Exception {
    AppConfig config = config(broker.bootstrapServers(), registry, work);
    TopicCatalog catalog = config.catalog();
    try (Admin admin = Admin.create(config.clientProperties())) {
      new TopicCreator(admin, Duration.ofSeconds(30)).create(catalog.all(), partitions, (short) 1)
          .forEach(r -> {
            if (r.problem() != null) {
              throw new IllegalStateException("cannot create topic " + r.topic() + ": " + r.problem());
            }
          });
    }
    out.printf("topics created (%d partitions)%n", partitions);
    if (registry != null) {
      int subjects = new SchemaSubjects(new RegistryClient(config.wire().registry().orElseThrow()), true).prepare(catalog).size();
      out.printf("%d output schemas registered (compatibility BACKWARD); topics carry the Confluent wire format%n", subjects);
    }
    long t1 = System.nanoTime();
    try (GatekeeperService service = new GatekeeperService(config, catalog)) {
      service.start();
      if (!service.awaitRunning(Duration.ofSeconds(90))) {
        throw new IllegalStateException("the gatekeeper did not reach RUNNING; state " + service.state());
      }
      out.printf("gatekeeper running in %.1f s; an ephemeral HMAC key is in use (demo only)%n", secondsSince(t1));
      return drive(config, catalog, service);
    }
  }

  private RegistryProcess startRegistry(Path work) throws InterruptedException {
    long t = System.nanoTime();
    RegistryProcess registry =
        RegistryProcess.start(RegistryHome.locate(), RegistryDataDir.of(work.resolve("registry")), 0, "256m", Duration.ofSeconds(90));
    out.printf("schema registry (Apicurio %s) ready at %s in %.1f s (pid %d)%n", RegistryHome.VERSION, registry.confluentUrl(),
        secondsSince(t), registry.pid());
    return registry;
  }

  private boolean drive(AppConfig config, TopicCatalog catalog, GatekeeperService service) throws InterruptedException {
    AtomicLong decided = new AtomicLong();
    WorkloadProducer producer = new WorkloadProducer(
        config.clientProperties(), new Workload(20260817L, orgs, 0.002, System::currentTimeMillis), catalog, decided::get, 50_000);
    Thread producing = new Thread(producer, "demo-workload");
    try (OutputMonitor monitor = new OutputMonitor(config.clientProperties(), catalog)) {
      Progress progress = new Progress(out);
      producing.start();
      long end = System.nanoTime() + duration.toNanos();
      while (System.nanoTime() < end && service.state().isRunningOrRebalancing()) {
        monitor.poll(Duration.ofMillis(200));
        decided.set(monitor.eventDecisions());
        producer.decisionsAdvanced();
        progress.maybePrint(monitor.snapshot(), producer.eventsSent());
      }
      producer.stop();
      producing.join();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (monitor.eventDecisions() < producer.eventsSent() && System.nanoTime() < deadline
          && service.state().isRunningOrRebalancing()) {
        monitor.poll(Duration.ofMillis(200));
      }
      OutputMonitor.Snapshot last = monitor.snapshot();
      progress.summary(last, producer.eventsSent(), producer.settingsSent(), producer.garbageSent());
      if (last.contributed() + last.dropped() != producer.eventsSent()) {
        out.println(lagReport(config));
        if (producer.failed() > 0) {
          out.println("sends that failed: " + producer.failed() + " " + producer.failures());
        }
      }
      return last.contributed() + last.dropped() == producer.eventsSent();
    } finally {
      producer.stop();
      producing.join();
    }
  }

  /** The gatekeeper's committed input positions against the end of each input partition. */
  private static String lagReport(AppConfig config) {
    try (Admin admin = Admin.create(config.clientProperties())) {
      var committed = admin.listConsumerGroupOffsets(config.applicationId()).partitionsToOffsetAndMetadata().get();
      Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get();
      StringBuilder sb = new StringBuilder("gatekeeper input lag (committed / end):");
      committed.forEach((tp, om) -> sb.append("\n  ").append(tp).append(": ").append(om.offset()).append(" / ").append(ends.get(tp).offset()));
      return sb.toString();
    } catch (Exception e) {
      return "gatekeeper input lag unavailable (" + e.getClass().getSimpleName() + ")";
    }
  }

  private AppConfig config(String bootstrap, RegistryProcess registry, Path work) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> flags = new java.util.HashMap<>(Map.of(
        ConfigKey.BOOTSTRAP_SERVERS.key(), bootstrap,
        ConfigKey.APPLICATION_ID.key(), "gatekeeper-demo",
        ConfigKey.STATE_DIR.key(), work.resolve("state").toString(),
        ConfigKey.HEALTH_PORT.key(), "0",
        ConfigKey.API_PORT.key(), "0",
        ConfigKey.SERDE_FORMAT.key(), format.setting()));
    if (registry != null) {
      flags.put(ConfigKey.SCHEMA_REGISTRY_URL.key(), registry.confluentUrl().toString());
    }
    Map<String, String> env = Map.of(ConfigKey.HMAC_SECRET_ENV, Base64.getEncoder().encodeToString(key));
    return AppConfig.from(LayeredConfig.load(null, Map.of(), flags), env, true);
  }

  /**
   * The demo's state directory: in the working directory, since Kafka Streams rightly warns that
   * an OS temp directory may be cleared under a running instance; the OS temp directory (and that
   * warning) only where the working directory is read-only. Deleted when the demo ends.
   */
  private static Path workDirectory() throws IOException {
    Path here = Path.of("").toAbsolutePath();
    if (Files.isWritable(here)) {
      return Files.createTempDirectory(here, ".gatekeeper-demo-");
    }
    return Files.createTempDirectory("gatekeeper-demo-");
  }

  private static double secondsSince(long t) {
    return (System.nanoTime() - t) / 1e9;
  }

}
