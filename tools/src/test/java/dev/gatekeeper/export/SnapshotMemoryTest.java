package dev.gatekeeper.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.broker.ChildClasspath;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export's memory does not grow with the topic: {@link SnapshotMemoryProbe} folds and writes
 * about 100 MiB of values in a JVM with a 64 MiB heap, as Avro and as Parquet (there without
 * Hadoop on the class path, as in the launcher). Holding the latest value of each key on
 * the heap, as the export once did, fails here with an OutOfMemoryError.
 */
class SnapshotMemoryTest {
  private static final int RECORDS = 100_000;
  private static final String HEAP = "-Xmx64m";

  @TempDir Path root;

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"AVRO", "PARQUET"})
  void exportsMoreValuesThanTheHeapHolds(Format format) throws Exception {
    Path log = root.resolve("probe.log");
    Process probe = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-cp", String.join(File.pathSeparator, withoutHadoop(ChildClasspath.ofCurrentJvm())),
        SnapshotMemoryProbe.class.getName(), root.resolve("work").toString(), Integer.toString(RECORDS), format.id()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("the probe finished within 120 s").isTrue();
    } finally {
      probe.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output).contains("records=" + (RECORDS - RECORDS / 10) + " deletions=" + RECORDS / 10);
    assertThat(root.resolve("work/store")).doesNotExist();
    assertThat(root.resolve("work/out/.contributions." + format.id() + ".partial")).isNotEmptyFile();
  }

  /**
   * The class path less Hadoop, which tests compile against (provided scope) but the launcher
   * does not ship: Parquet must be written without it.
   */
  private static List<String> withoutHadoop(List<String> classPath) {
    List<String> kept = classPath.stream().filter(e -> !e.contains("/org/apache/hadoop/")).toList();
    assertThat(kept).hasSizeLessThan(classPath.size());
    return kept;
  }
}
