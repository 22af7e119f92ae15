package dev.gatekeeper.broker;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code server.properties} of a single-node development broker: KRaft combined mode (one
 * process is broker and controller, node id 1), both listeners on {@value FreePorts#HOST}, and
 * every internal topic with one replica, so that transactions and {@code exactly_once_v2} work
 * on one node.
 *
 * <p>Extra properties override the defaults, except the {@link #MANAGED_KEYS} that wire the node
 * to its ports and storage: those are rejected, because a broker that disagrees with its launcher
 * about them cannot be reached or restarted.
 */
public final class BrokerProperties {
  /** Keys the builder derives from ports and the data directory; extras may not set them. */
  public static final Set<String> MANAGED_KEYS =
      Set.of(
          "process.roles",
          "node.id",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "inter.broker.listener.name",
          "controller.listener.names",
          "controller.quorum.voters",
          "controller.quorum.bootstrap.servers",
          "log.dirs",
          "log.dir",
          "metadata.log.dir");

  static final int NODE_ID = 1;

  private int brokerPort;
  private int controllerPort;
  private int sslPort;
  private Path sslKeystore;
  private String sslPassword;
  private Path logDir;
  private final Map<String, String> extra = new LinkedHashMap<>();

  private BrokerProperties() {}

  public static BrokerProperties builder() {
    return new BrokerProperties();
  }

  /** The PLAINTEXT port clients bootstrap from. */
  public BrokerProperties brokerPort(int port) {
    this.brokerPort = checkPort(port);
    return this;
  }

  /** The CONTROLLER port of the KRaft quorum; only this node connects to it. */
  public BrokerProperties controllerPort(int port) {
    this.controllerPort = checkPort(port);
    return this;
  }

  /** An additional SSL listener serving the key and certificate in a PKCS12 keystore. */
  public BrokerProperties sslListener(int port, Path keystore, String password) {
    this.sslPort = checkPort(port);
    this.sslKeystore = keystore.toAbsolutePath();
    this.sslPassword = password;
    return this;
  }

  /** Where the broker keeps partitions and the metadata log ({@code meta.properties} too). */
  public BrokerProperties logDir(Path dir) {
    this.logDir = dir.toAbsolutePath();
    return this;
  }

  /**
   * Adds properties that override the defaults.
   *
   * @throws IllegalArgumentException if one of them is a {@linkplain #MANAGED_KEYS managed key}
   */
  public BrokerProperties extra(Map<String, String> properties) {
    properties.forEach(
        (key, value) -> {
          if (MANAGED_KEYS.contains(key)) {
            throw new IllegalArgumentException(
                "broker property '" + key + "' is set by the embedded broker itself and cannot be overridden");
          }
          extra.put(key, Objects.requireNonNull(value, key));
        });
    return this;
  }

  /** The complete configuration. */
  public Properties build() {
    if (brokerPort == 0 || controllerPort == 0 || logDir == null) {
      throw new IllegalStateException("broker port, controller port and log dir are required");
    }
    if (brokerPort == controllerPort) {
      throw new IllegalStateException("broker and controller need two different ports, got " + brokerPort + " twice");
    }
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", Integer.toString(NODE_ID));
    // A static voter set keeps the controller endpoint in configuration rather than in the
    // metadata log, so a restart may pick a new controller port.
    p.setProperty("controller.quorum.voters", NODE_ID + "@" + FreePorts.HOST + ":" + controllerPort);
    String ssl = sslPort == 0 ? "" : ",SSL://" + FreePorts.HOST + ":" + sslPort;
    p.setProperty(
        "listeners",
        "PLAINTEXT://" + FreePorts.HOST + ":" + brokerPort + ",CONTROLLER://" + FreePorts.HOST + ":" + controllerPort + ssl);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + FreePorts.HOST + ":" + brokerPort + ssl);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT" + (sslPort == 0 ? "" : ",SSL:SSL"));
    if (sslPort != 0) {
      p.setProperty("ssl.keystore.type", "PKCS12");
      p.setProperty("ssl.keystore.location", sslKeystore.toString());
      p.setProperty("ssl.keystore.password", sslPassword);
      p.setProperty("ssl.key.password", sslPassword);
    }
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("log.dirs", logDir.toString());
    p.setProperty("metadata.log.dir", logDir.toString());

    // One node: every replication factor and min ISR is 1. The transaction state log matters
    // most, since transactional producers and exactly_once_v2 cannot start without it.
    p.setProperty("default.replication.factor", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    // Few partitions for internal topics: creating 50 of each on first use costs seconds here.
    p.setProperty("offsets.topic.num.partitions", "1");
    p.setProperty("transaction.state.log.num.partitions", "1");
    p.setProperty("num.partitions", "1");

    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // Topics are created on purpose (the app's contract names them); a typo must fail.
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    // The cleaner preallocates this buffer on the heap (128 MiB by default); compacted
    // development topics need far less.
    p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));

    extra.forEach(p::setProperty);
    return p;
  }

  /** Writes {@link #build()} to {@code file}, one sorted line per key, replacing the file. */
  public void writeTo(Path file) throws IOException {
    StringWriter out = new StringWriter();
    build().store(out, null);
    // store() adds a date comment and uses hash order; drop the one and sort the other so
    // that two starts with the same settings write the same file.
    String body =
        Arrays.stream(out.toString().split("\\R"))
            .filter(line -> !line.startsWith("#") && !line.isBlank())
            .sorted()
            .collect(Collectors.joining("\n", "# written by the gatekeeper embedded broker on every start\n", "\n"));
    Files.writeString(file, body, StandardCharsets.UTF_8);
  }

  private static int checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
    return port;
  }
}
