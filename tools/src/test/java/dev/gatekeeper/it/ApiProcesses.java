package dev.gatekeeper.it;

import dev.gatekeeper.config.ConfigKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code gatekeeper run} child processes with their admin API on, and requests to it. */
final class ApiProcesses {
  static final String TOKEN = "it-admin-api-token-0123456789abcdef";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ApiProcesses() {}

  /** A file holding {@link #TOKEN}, as an operator's api.token-file. */
  static Path tokenFile(Path dir) throws IOException {
    Path f = dir.resolve("api-token");
    Files.writeString(f, TOKEN + "\n");
    return f;
  }

  /** {@code run} with its own state directory and its admin API on 127.0.0.1:{@code port}, token required. */
  static Process start(RealGatekeeper gk, Path log, int port, Path tokenFile) throws IOException {
    Path state = Files.createTempDirectory(gk.config.stateDir(), "instance-");
    return GatekeeperProcess.start(gk.config, log, 0, List.of(
        ConfigKey.API_PORT.key() + "=" + port,
        ConfigKey.API_TOKEN_FILE.key() + "=" + tokenFile,
        ConfigKey.STATE_DIR.key() + "=" + state));
  }

  static HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(int port, String path, String body, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token);
    return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void stop(Process p) throws InterruptedException {
    if (p != null) {
      p.destroy();
      p.waitFor();
    }
  }
}
