package dev.gatekeeper.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Peak memory and CPU time figures from /proc and the JVM. */
final class Memory {
  private Memory() {}

  /** Peak resident set (VmHWM) of a process in MiB, or -1 when /proc does not say. */
  static long peakRssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** CPU time (user + system) a process has used so far, in ms; -1 when the OS does not say. */
  static long cpuMillis(long pid) {
    return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(java.time.Duration::toMillis).orElse(-1L);
  }

  /** Sum of the heap pools' peak usage in MiB. */
  static long peakHeapMib() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024 * 1024);
  }

  /** Bytes under the directories named {@code name} below {@code root}. */
  static long bytesOf(Path root, String name) throws IOException {
    long total = 0;
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path d : dirs.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(name)).toList()) {
        try (Stream<Path> files = Files.walk(d)) {
          total += files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
      }
    }
    return total;
  }
}
