package dev.gatekeeper.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
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
    return get(server, path).statusCode();
  }

  private HttpResponse<String> get(HealthServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
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

  @Test
  void servesMetricsInThePrometheusTextFormatBesideHealth() throws Exception {
    AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    String text = "# TYPE gatekeeper_revocation_receipts_total counter\ngatekeeper_revocation_receipts_total 3.0\n";
    try (HealthServer server = HealthServer.start(InetAddress.getByName("127.0.0.1"), 0, state::get, () -> text)) {
      HttpResponse<String> metrics = get(server, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics.body()).isEqualTo(text);
      assertThat(status(server, "/health/ready")).isEqualTo(200);
    }
  }

  @Test
  void servesNoMetricsWhenGivenNone() throws Exception {
    try (HealthServer server = HealthServer.start(0, () -> KafkaStreams.State.RUNNING)) {
      assertThat(status(server, "/metrics")).isEqualTo(404);
    }
  }
}
