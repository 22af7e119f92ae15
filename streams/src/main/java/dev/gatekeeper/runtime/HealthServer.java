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
 * Liveness and readiness over HTTP on the loopback interface, from the Streams state:
 * {@code /health/live} is 200 unless the client has failed or stopped (restart it);
 * {@code /health/ready} is 200 only while RUNNING (send traffic, count it in). The body is the
 * state name only.
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  /** Starts serving; port 0 picks a free one. */
  public static HealthServer start(int port, Supplier<KafkaStreams.State> state) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/health/live", ex -> respond(ex, isLive(state.get()), state.get()));
    server.createContext("/health/ready", ex -> respond(ex, state.get() == KafkaStreams.State.RUNNING, state.get()));
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
    byte[] body = (state.name() + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(ok ? 200 : 503, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
