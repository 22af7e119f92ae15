package dev.gatekeeper.it;

import dev.gatekeeper.registry.RegistryDataDir;
import dev.gatekeeper.registry.RegistryHome;
import dev.gatekeeper.registry.RegistryProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@link TestRegistry} as {@link RegistryProcess}: a child JVM with file-backed storage. */
final class ProcessRegistry implements TestRegistry {
  /** A cold first start can take 20 s on a busy machine. */
  private static final Duration READY = Duration.ofSeconds(90);

  private final RegistryDataDir dataDir;
  private RegistryProcess process;

  private ProcessRegistry(RegistryDataDir dataDir, RegistryProcess process) {
    this.dataDir = dataDir;
    this.process = process;
  }

  static ProcessRegistry start(Path dir) throws InterruptedException {
    RegistryDataDir dataDir = RegistryDataDir.of(dir);
    return new ProcessRegistry(dataDir, launch(dataDir));
  }

  private static RegistryProcess launch(RegistryDataDir dataDir) throws InterruptedException {
    return RegistryProcess.start(RegistryHome.locate(), dataDir, 0, "256m", READY);
  }

  @Override
  public URI url() {
    return process.confluentUrl();
  }

  @Override
  public boolean keepsSchemasAcrossRestarts() {
    return true;
  }

  @Override
  public void restart() throws InterruptedException {
    process.close();
    process = launch(dataDir);
  }

  @Override
  public void close() {
    process.close();
  }

  /** The child's pid and resident memory, which the registry IT prints. */
  @Override
  public String toString() {
    return "registry child JVM pid " + process.pid() + ", RSS " + rssKb(process.pid()) + " KB";
  }

  private static String rssKb(long pid) {
    try {
      Process ps = new ProcessBuilder(List.of("ps", "-o", "rss=", "-p", Long.toString(pid))).redirectErrorStream(true).start();
      String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      ps.waitFor();
      return out.isEmpty() ? "?" : out;
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
