package dev.gatekeeper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API's settings: loopback by default, a token for anything else, and application.server. */
class ApiSettingsTest {
  private static final String TOKEN = "canary-token-0123456789abcdef";
  @TempDir Path dir;

  private static AppConfig load(Map<String, String> flags) {
    return AppConfig.from(LayeredConfig.load(null, Map.of(), flags), Map.of(), false);
  }

  private Path tokenFile(String text) throws Exception {
    Path f = dir.resolve("api-token");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void listensOnLoopbackWithoutATokenByDefault() {
    AppConfig c = load(Map.of());
    assertThat(c.api().enabled()).isTrue();
    assertThat(c.api().bind()).isEqualTo("127.0.0.1");
    assertThat(c.api().token()).isEmpty();
    assertThat(c.streamsProperties().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("127.0.0.1:8090");
  }

  @Test
  void portZeroTurnsItOffAndLeavesApplicationServerUnset() {
    AppConfig c = load(Map.of("api.port", "0"));
    assertThat(c.api().enabled()).isFalse();
    assertThat(c.streamsProperties().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG)).isNull();
  }

  @Test
  void refusesANonLoopbackBindWithoutATokenAndSaysWhatToSet() {
    assertThatThrownBy(() -> load(Map.of("api.bind", "0.0.0.0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("api.bind is '0.0.0.0', not a loopback address, but api.token-file is empty: set api.token-file")
        .hasMessageContaining("api.advertised-host is empty but api.bind is the wildcard '0.0.0.0'");
  }

  @Test
  void aWildcardBindWithATokenAndAnAdvertisedHostIsAdvertisedByThatHost() throws Exception {
    Map<String, String> flags = new HashMap<>(Map.of("api.bind", "0.0.0.0", "api.port", "9000",
        "api.token-file", tokenFile(TOKEN + "\n").toString(), "api.advertised-host", "gk-1.internal"));
    AppConfig c = load(flags);
    assertThat(c.api().token()).hasValue(TOKEN);
    assertThat(c.streamsProperties().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("gk-1.internal:9000");
    assertThat(c.api().toString()).doesNotContain(TOKEN).contains("<redacted>");
  }

  @Test
  void refusesAShortOrMissingTokenFile() throws Exception {
    assertThatThrownBy(() -> load(Map.of("api.token-file", tokenFile("short").toString())))
        .hasMessageContaining("api.token-file is unusable: the token file")
        .hasMessageContaining("at least 16");
    assertThatThrownBy(() -> load(Map.of("api.token-file", dir.resolve("none").toString())))
        .hasMessageContaining("does not exist");
  }
}
