package dev.gatekeeper.it;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Python with confluent-kafka and avro, running {@code python/confluent_client.py} as a
 * child process. Its standard output (JSON Lines) is parsed, never logged; its standard error
 * carries no record content by the script's design and is quoted in failures.
 */
final class PythonClient {
  static final Path INTERPRETER = Path.of("/usr/bin/python3");
  static final String INSTALL = "apt-get install python3-confluent-kafka python3-avro";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path script;
  private final Path workDir;
  private final String problem;

  private PythonClient(Path script, Path workDir, String problem) {
    this.script = script;
    this.workDir = workDir;
    this.problem = problem;
  }

  /**
   * The client; {@linkplain #usable() unusable} when {@link #INTERPRETER} cannot import both
   * modules. Then the test must fail when the environment variable {@code CI} is {@code true}
   * (this method fails it) and be skipped elsewhere with {@link #problem()} as the reason, so that
   * {@code mvn verify} passes on a machine with only Java and Maven.
   */
  static PythonClient locate(Path workDir) throws IOException, InterruptedException, URISyntaxException {
    Path script = Path.of(PythonClient.class.getResource("/python/confluent_client.py").toURI());
    String missing = missing(workDir);
    if (missing == null) {
      return new PythonClient(script, workDir, null);
    }
    String problem = "PythonClientIT needs " + INTERPRETER + " with the confluent_kafka and avro modules ("
        + missing + "); install them with: " + INSTALL;
    if ("true".equals(System.getenv("CI"))) {
      fail(problem);
    }
    return new PythonClient(script, workDir, problem);
  }

  boolean usable() {
    return problem == null;
  }

  /** Why the client is not usable, and how to make it so; null when it is. */
  String problem() {
    return problem;
  }

  private static String missing(Path workDir) throws IOException, InterruptedException {
    if (!Files.isExecutable(INTERPRETER)) {
      return INTERPRETER + " not found";
    }
    Result probe = run(workDir, Duration.ofSeconds(30), List.of(INTERPRETER.toString(), "-c", "import confluent_kafka, avro"));
    if (probe.exit == 0) {
      return null;
    }
    List<String> lines = probe.stderr.strip().lines().toList();
    return lines.isEmpty() ? "the import failed" : lines.get(lines.size() - 1);
  }

  /** Runs the script with {@code args}; fails the test if it outlives {@code timeout}. */
  Result run(Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(INTERPRETER.toString(), script.toString()));
    command.addAll(List.of(args));
    return run(workDir, timeout, command);
  }

  private static Result run(Path workDir, Duration timeout, List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "python-", ".out");
    Path err = Files.createTempFile(workDir, "python-", ".err");
    Process p = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail(command.get(command.size() > 2 ? 2 : 1) + " did not finish within " + timeout + "; its standard error: "
          + Files.readString(err, StandardCharsets.UTF_8));
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return new Result(p.exitValue(), lines, Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Exit status, the JSON lines of standard output, and standard error. */
  record Result(int exit, List<JsonNode> lines, String stderr) {
    /** The closing {"summary": ...} line. */
    JsonNode summary() {
      return lines.stream().filter(l -> l.has("summary")).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no summary line; exit " + exit + ", standard error: " + stderr));
    }

    /** The lines that have {@code field}. */
    List<JsonNode> with(String field) {
      return lines.stream().filter(l -> l.has(field)).toList();
    }
  }
}
