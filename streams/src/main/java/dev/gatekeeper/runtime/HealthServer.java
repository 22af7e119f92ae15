package dev.gatekeeper.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness, readiness and metrics over HTTP, on the loopback interface unless configured
 * otherwise ({@code health.host}): {@code /health/live} is 200 unless the client has failed or
 * stopped (restart it); {@code /health/ready} is 200 only while RUNNING (send traffic, count it
 * in); their body is the state name only. {@code /metrics} is every meter in the Prometheus text
 * format (version 0.0.4).
 */
public final class HealthServer implements AutoCloseable {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  /** Health only, on 127.0.0.1; port 0 picks a free one. */
  public static HealthServer start(int port, Supplier<KafkaStreams.State> state) throws IOException {
    return start(InetAddress.getLoopbackAddress(), port, state, null);
  }

  /**
   * Starts serving on {@code host}; port 0 picks a free one.
   *
   * @param metrics the Prometheus text for {@code /metrics}; null serves no {@code /metrics}
   */
  public static HealthServer start(InetAddress host, int port, Supplier<KafkaStreams.State> state, Supplier<String> metrics)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/health/live", ex -> respond(ex, isLive(state.get()), state.get()));
    server.createContext("/health/ready", ex -> respond(ex, state.get() == KafkaStreams.State.RUNNING, state.get()));
    if (metrics != null) {
      server.createContext("/metrics", ex -> send(ex, 200, PROMETHEUS_TEXT, metrics.get()));
    }
    server.setExecutor(null);
    server.start();
    return new HealthServer(server);
  }

  static boolean isLive(KafkaStreams.State s) {
    return s != KafkaStreams.State.ERROR && s != KafkaStreams.State.NOT_RUNNING && s != KafkaStreams.State.PENDING_ERROR;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange ex, boolean ok, KafkaStreams.State state) throws IOException {
    send(ex, ok ? 200 : 503, "text/plain; charset=utf-8", state.name() + "\n");
  }

  private static void send(HttpExchange ex, int status, String contentType, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      if (!head) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
