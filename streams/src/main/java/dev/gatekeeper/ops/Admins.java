package dev.gatekeeper.ops;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Admin clients for start-up checks and tooling: their calls give up within the given timeout,
 * so an unreachable cluster is reported promptly instead of after the client's 60 s default.
 */
public final class Admins {
  private Admins() {}

  public static Admin create(Properties clientProperties, Duration timeout) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(ms));
    p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(ms));
    return Admin.create(p);
  }
}
