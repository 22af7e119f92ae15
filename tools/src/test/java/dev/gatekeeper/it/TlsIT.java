package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.broker.BrokerOptions;
import dev.gatekeeper.broker.EmbeddedBroker;
import dev.gatekeeper.ops.Admins;
import dev.gatekeeper.ops.ClusterCheck;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to the broker: a certificate made at test time, an SSL listener, and the gatekeeper's
 * every client (admin, producer, consumers, Streams) configured through {@code kafka.*}.
 */
class TlsIT {
  private static final String PASSWORD = "test-only-store-password";
  @TempDir Path dir;

  @Test
  void runsOverTlsAndRefusesAnUntrustedBroker() throws Exception {
    Path keystore = dir.resolve("broker.p12");
    Path truststore = dir.resolve("trust.p12");
    Path cert = dir.resolve("broker.crt");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
        "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(),
        "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults().withSslListener(keystore, PASSWORD))) {
      Map<String, String> tls = Map.of(
          "kafka.security.protocol", "SSL",
          "kafka.ssl.truststore.location", truststore.toString(),
          "kafka.ssl.truststore.password", PASSWORD,
          "kafka.ssl.truststore.type", "PKCS12");
      RealGatekeeper gk = new RealGatekeeper(broker.sslBootstrapServers(), 1, tls);
      assertThat(gk.config.clientProperties()).containsEntry("security.protocol", "SSL");
      long now = System.currentTimeMillis();
      try (GatekeeperService service = gk.startInstance();
          Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
        assertThat(service.awaitRunning(Duration.ofSeconds(60))).isTrue();
        in.settings(Fixtures.settings("o1", Instant.ofEpochMilli(now - 60_000).toString()).product("s1", "jira", FREE).build());
        in.event(Fixtures.event("e1", "o1", Instant.ofEpochMilli(now).toString()).build());
        in.flush();
        await("a contribution over TLS").atMost(Duration.ofSeconds(60)).until(() -> out.poll().liveContributionIds().size() == 1);
      }

      Properties untrusting = new Properties();
      untrusting.put("bootstrap.servers", broker.sslBootstrapServers());
      untrusting.put("security.protocol", "SSL");
      try (Admin admin = Admins.create(untrusting, Duration.ofSeconds(3))) {
        assertThatThrownBy(() -> new ClusterCheck(admin, Duration.ofSeconds(3)).reachable(broker.sslBootstrapServers()))
            .isInstanceOf(ClusterCheck.Unreachable.class);
      }
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("keytool %s: %s", args[0], output).isZero();
  }
}
