package dev.gatekeeper.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class HealthServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private int status(HealthServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void reportsReadyOnlyWhileRunningAndLiveUntilFailedOrStopped() throws Exception {
    AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.REBALANCING);
    try (HealthServer server = HealthServer.start(0, state::get)) {
      assertThat(status(server, "/health/live")).isEqualTo(200);
      assertThat(status(server, "/health/ready")).isEqualTo(503);
      state.set(KafkaStreams.State.RUNNING);
      assertThat(status(server, "/health/ready")).isEqualTo(200);
      state.set(KafkaStreams.State.ERROR);
      assertThat(status(server, "/health/live")).isEqualTo(503);
      assertThat(status(server, "/health/ready")).isEqualTo(503);
    }
  }
}
