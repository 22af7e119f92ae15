package dev.gatekeeper.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to start a broker.
 *
 * @param port PLAINTEXT port on {@value FreePorts#HOST}; 0 picks a free one
 * @param dataDir kept across restarts; {@code null} for a temporary one deleted on close
 * @param maxHeap the child's {@code -Xmx}, e.g. {@code 512m}
 * @param brokerProperties extra broker settings, overriding the defaults of {@link
 *     BrokerProperties} (except its managed keys)
 * @param jvmOptions extra options for the child JVM, after the defaults, so they win
 * @param startTimeout how long {@link EmbeddedBroker#start} waits for the broker to be ready
 * @param ssl an additional SSL listener, or null
 */
public record BrokerOptions(
    int port,
    Path dataDir,
    String maxHeap,
    Map<String, String> brokerProperties,
    List<String> jvmOptions,
    Duration startTimeout,
    Ssl ssl) {
  private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

  public BrokerOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
    if (!HEAP.matcher(maxHeap).matches()) {
      throw new IllegalArgumentException("not a heap size such as 512m: " + maxHeap);
    }
    brokerProperties = Map.copyOf(brokerProperties);
    jvmOptions = List.copyOf(jvmOptions);
    Objects.requireNonNull(startTimeout, "startTimeout");
  }

  /** A free port, a temporary directory, a 512 MiB heap, 60 s to start. */
  public static BrokerOptions defaults() {
    return new BrokerOptions(0, null, "512m", Map.of(), List.of(), Duration.ofSeconds(60), null);
  }

  public BrokerOptions withPort(int port) {
    return new BrokerOptions(port, dataDir, maxHeap, brokerProperties, jvmOptions, startTimeout, ssl);
  }

  public BrokerOptions withDataDir(Path dir) {
    return new BrokerOptions(port, dir, maxHeap, brokerProperties, jvmOptions, startTimeout, ssl);
  }

  public BrokerOptions withMaxHeap(String size) {
    return new BrokerOptions(port, dataDir, size, brokerProperties, jvmOptions, startTimeout, ssl);
  }

  public BrokerOptions withBrokerProperty(String key, String value) {
    Map<String, String> props = new LinkedHashMap<>(brokerProperties);
    props.put(key, value);
    return new BrokerOptions(port, dataDir, maxHeap, props, jvmOptions, startTimeout, ssl);
  }

  public BrokerOptions withJvmOption(String option) {
    List<String> options = new ArrayList<>(jvmOptions);
    options.add(option);
    return new BrokerOptions(port, dataDir, maxHeap, brokerProperties, options, startTimeout, ssl);
  }

  public BrokerOptions withStartTimeout(Duration timeout) {
    return new BrokerOptions(port, dataDir, maxHeap, brokerProperties, jvmOptions, timeout, ssl);
  }

  /** Adds an SSL listener on its own free port, serving the key in a PKCS12 keystore. */
  public BrokerOptions withSslListener(Path keystore, String password) {
    return new BrokerOptions(port, dataDir, maxHeap, brokerProperties, jvmOptions, startTimeout, new Ssl(keystore, password));
  }

  /** A PKCS12 keystore holding the broker's key and certificate, and its password. */
  public record Ssl(Path keystore, String password) {
    public Ssl {
      Objects.requireNonNull(keystore, "keystore");
      Objects.requireNonNull(password, "password");
    }
  }
}
