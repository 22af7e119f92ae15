package dev.gatekeeper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredConfigTest {
  @TempDir Path dir;

  @Test
  void laterLayersWinDefaultsFileEnvironmentFlags() throws Exception {
    Path file = dir.resolve("gatekeeper.properties");
    Files.writeString(file, "policy.review-window=10d\napplication.id=from-file\nbootstrap.servers=file:9092\n");
    LayeredConfig c = LayeredConfig.load(file,
        Map.of("GATEKEEPER_APPLICATION_ID", "from-env", "GATEKEEPER_BOOTSTRAP_SERVERS", "env:9092"),
        Map.of("bootstrap.servers", "flag:9092"));
    assertThat(c.get(ConfigKey.HISTORY_RETENTION)).isEqualTo("35d");
    assertThat(c.get(ConfigKey.REVIEW_WINDOW)).isEqualTo("10d");
    assertThat(c.get(ConfigKey.APPLICATION_ID)).isEqualTo("from-env");
    assertThat(c.get(ConfigKey.BOOTSTRAP_SERVERS)).isEqualTo("flag:9092");
    assertThat(c.source(ConfigKey.BOOTSTRAP_SERVERS)).isEqualTo(LayeredConfig.Source.FLAG);
  }

  @Test
  void passesKafkaClientPropertiesThroughFromEveryLayer() {
    LayeredConfig c = LayeredConfig.load(null,
        Map.of("GATEKEEPER_KAFKA_SECURITY_PROTOCOL", "SSL"), Map.of("kafka.sasl.mechanism", "PLAIN"));
    assertThat(c.kafkaProperties()).containsEntry("security.protocol", "SSL").containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void redactsSecretsInTheDump() {
    LayeredConfig c = LayeredConfig.load(null, Map.of(),
        Map.of("kafka.sasl.jaas.config", "canary-jaas-secret", "kafka.ssl.keystore.password", "canary-password"));
    String dump = String.join("\n", c.describe());
    assertThat(dump).doesNotContain("canary").contains("kafka.sasl.jaas.config = <redacted>");
  }

  @Test
  void validationNamesEveryBadKeyAndWhatToSet() {
    LayeredConfig c = LayeredConfig.load(null, Map.of(),
        Map.of("policy.review-window", "a month", "health.port", "99999", "history.cache-size", "-1"));
    assertThatThrownBy(() -> AppConfig.from(c, Map.of(), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("policy.review-window is 'a month'; expected a duration")
        .hasMessageContaining("health.port")
        .hasMessageContaining("history.cache-size")
        .hasMessageContaining("no HMAC secret");
  }

  @Test
  void refusesAnAggregatesRetentionShorterThanTheGraceSayingWhatToSet() {
    LayeredConfig c = LayeredConfig.load(null, Map.of(), Map.of("aggregates.grace", "3d", "aggregates.retention", "2d"));
    assertThatThrownBy(() -> AppConfig.from(c, Map.of(), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("aggregates.retention is shorter than aggregates.grace (72h against 48h)")
        .hasMessageContaining("set it to at least the grace");
  }

  @Test
  void theHealthPortListensOnLoopbackUnlessHealthHostSaysOtherwise() {
    Map<String, String> secret = Map.of(ConfigKey.HMAC_SECRET_ENV, "a-test-secret-of-at-least-32-bytes!!");
    assertThat(AppConfig.from(LayeredConfig.load(null, Map.of(), Map.of()), secret, true).healthHost()).isEqualTo("127.0.0.1");
    assertThat(AppConfig.from(LayeredConfig.load(null, Map.of("GATEKEEPER_HEALTH_HOST", "0.0.0.0"), Map.of()), secret, true)
        .healthHost()).isEqualTo("0.0.0.0");
    for (String bad : new String[] {"256.0.0.1", "gatekeeper.example.org", "::zz"}) {
      assertThatThrownBy(() -> AppConfig.from(LayeredConfig.load(null, Map.of(), Map.of("health.host", bad)), secret, true))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("health.host is '" + bad + "'; expected an IP address of this machine such as 127.0.0.1, 0.0.0.0");
    }
  }

  @Test
  void refusesAggregateAndRoutingSettingsThatWouldWeakenThePromise() {
    LayeredConfig c = LayeredConfig.load(null, Map.of(), Map.of(
        "aggregates.k", "1", "aggregates.numeric-edges", "10,5", "routing.regional", "true", "routing.regions", "eu,../x"));
    assertThatThrownBy(() -> AppConfig.from(c, Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("aggregates.k is '1'; expected a whole number of at least 2")
        .hasMessageContaining("aggregates.numeric-edges")
        .hasMessageContaining("routing.regions names '../x'");
    LayeredConfig noRegions = LayeredConfig.load(null, Map.of(), Map.of("routing.regional", "true"));
    assertThatThrownBy(() -> AppConfig.from(noRegions, Map.of(), false))
        .hasMessageContaining("routing.regions is empty but routing.regional is true");
  }

  @Test
  void buildsRoutingAndAggregatesFromTheirSettings() {
    AppConfig config = AppConfig.from(LayeredConfig.load(null, Map.of(), Map.of(
            "routing.regional", "true", "routing.regions", "eu, us", "aggregates.k", "25", "aggregates.window", "7d")),
        Map.of(ConfigKey.HMAC_SECRET_ENV, "0123456789abcdef0123456789abcdef"), true);
    assertThat(config.routing().regions()).containsExactlyInAnyOrder("eu", "us");
    assertThat(config.routing().sortedRegions()).containsExactly("eu", "us");
    assertThat(config.routing().aggregateRegions()).containsExactly("eu", "us");
    assertThat(config.gatekeeper().aggregates().k()).isEqualTo(25);
    assertThat(config.gatekeeper().aggregates().window()).isEqualTo(java.time.Duration.ofDays(7));
  }

  @Test
  void readsTheSecretFromTheEnvironmentAndNeverPrintsIt() {
    String secret = "canary-secret-0123456789abcdef0123456789";
    AppConfig config = AppConfig.from(LayeredConfig.load(null, Map.of(), Map.of()),
        Map.of(ConfigKey.HMAC_SECRET_ENV, secret), true);
    assertThat(config.gatekeeper().deid().toString()).doesNotContain("canary");
    assertThat(config.gatekeeper().toString()).doesNotContain("canary");
  }

  @Test
  void refusesAShortSecret() {
    assertThatThrownBy(() -> AppConfig.from(LayeredConfig.load(null, Map.of(), Map.of()),
        Map.of(ConfigKey.HMAC_SECRET_ENV, "short"), true))
        .hasMessageContaining("must be at least 32");
  }

  @Test
  void saslSettingsReachEveryClientStreamsCreates() {
    AppConfig config = AppConfig.from(LayeredConfig.load(null,
            Map.of("GATEKEEPER_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
            Map.of("kafka.sasl.mechanism", "SCRAM-SHA-512", "kafka.sasl.jaas.config", "x required;")),
        Map.of(ConfigKey.HMAC_SECRET_ENV, "0123456789abcdef0123456789abcdef"), true);
    org.apache.kafka.streams.StreamsConfig streams = new org.apache.kafka.streams.StreamsConfig(config.streamsProperties());
    for (Map<String, Object> client : java.util.List.of(
        streams.getProducerConfigs("p"), streams.getMainConsumerConfigs("g", "c", 0),
        streams.getRestoreConsumerConfigs("r"), streams.getAdminConfigs("a"))) {
      assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }
    assertThat(config.clientProperties()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.jaas.config", "x required;");
    assertThat(streams.getProducerConfigs("p")).containsEntry("acks", "all");
  }

  @Test
  void theWireFormatIsConfluentWhenARegistryIsConfiguredAndSingleObjectOtherwise() {
    AppConfig without = AppConfig.from(LayeredConfig.load(null, Map.of(), Map.of()), Map.of(), false);
    AppConfig with = AppConfig.from(LayeredConfig.load(null, Map.of(),
        Map.of("schema.registry.url", "http://127.0.0.1:8085/apis/ccompat/v7/")), Map.of(), false);
    AppConfig forced = AppConfig.from(LayeredConfig.load(null, Map.of(), Map.of(
        "schema.registry.url", "http://127.0.0.1:8085/apis/ccompat/v7", "serde.format", "single-object",
        "schema.registry.auto-register", "false")), Map.of(), false);

    assertThat(without.wire().format()).isEqualTo(dev.gatekeeper.serde.WireFormat.SINGLE_OBJECT);
    assertThat(without.wire().registry()).isEmpty();
    assertThat(with.wire().format()).isEqualTo(dev.gatekeeper.serde.WireFormat.CONFLUENT);
    assertThat(with.wire().registry().orElseThrow().url()).hasToString("http://127.0.0.1:8085/apis/ccompat/v7");
    assertThat(with.wire().autoRegister()).isTrue();
    assertThat(forced.wire().format()).as("reads Confluent input, writes single-object").isEqualTo(dev.gatekeeper.serde.WireFormat.SINGLE_OBJECT);
    assertThat(forced.wire().registry()).isPresent();
    assertThat(forced.wire().autoRegister()).isFalse();
  }

  @Test
  void refusesTheConfluentFormatWithoutARegistryAndSaysWhatToSet() {
    assertThatThrownBy(() -> AppConfig.from(LayeredConfig.load(null, Map.of(), Map.of("serde.format", "confluent")), Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("serde.format is confluent but schema.registry.url is empty")
        .hasMessageContaining("./gatekeeper registry");
    assertThatThrownBy(() -> AppConfig.from(LayeredConfig.load(null, Map.of(), Map.of("serde.format", "protobuf")), Map.of(), false))
        .hasMessageContaining("serde.format is 'protobuf'; expected confluent, single-object or auto");
  }

  @Test
  void refusesRegistryCredentialsInTheUrlWithoutQuotingThem() {
    assertThatThrownBy(() -> AppConfig.from(LayeredConfig.load(null, Map.of(),
            Map.of("schema.registry.url", "http://admin:canary-pw@registry:8081")), Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must not contain credentials")
        .hasMessageNotContaining("canary-pw");
  }

  @Test
  void redactsTheRegistryPasswordsInTheDump() {
    LayeredConfig c = LayeredConfig.load(null, Map.of("GATEKEEPER_SCHEMA_REGISTRY_BASIC_AUTH_PASSWORD", "canary-registry-pw"),
        Map.of("schema.registry.url", "https://registry:8081", "schema.registry.basic.auth.user", "gatekeeper",
            "schema.registry.ssl.truststore.password", "canary-store-pw"));

    assertThat(String.join("\n", c.describe()))
        .contains("schema.registry.basic.auth.user = gatekeeper")
        .contains("schema.registry.basic.auth.password = <redacted>  (environment)")
        .doesNotContain("canary");
    AppConfig config = AppConfig.from(c, Map.of(), false);
    assertThat(config.wire().registry().orElseThrow().password()).contains("canary-registry-pw");
    assertThat(config.wire().registry().orElseThrow().toString()).doesNotContain("canary");
  }
}
