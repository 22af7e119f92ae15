package dev.gatekeeper.broker;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a JVM that runs a main class from this JVM's own class path under a {@link
 * ParentWatchdog}, with standard output and error appended to a log file.
 *
 * <p>The class path goes to a java launcher argument file ({@code @file}) rather than the
 * command line: a test class path can exceed the kernel's per-argument limit, and it keeps
 * {@code ps} readable. The command line still names the main class, so {@code ps aux | grep
 * kafka.Kafka} finds a broker.
 */
final class ChildJvm {
  private final List<String> jvmOptions;
  private final Path argsFile;
  private final Path logFile;

  /**
   * @param jvmOptions options such as {@code -Xmx512m}; later ones win, as on any java command
   * @param argsFile where to write the class path argument file
   * @param logFile where the child's standard output and error are appended
   */
  ChildJvm(List<String> jvmOptions, Path argsFile, Path logFile) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.argsFile = argsFile;
    this.logFile = logFile;
  }

  /** Starts {@code mainClass} with {@code args}; the child stops by itself if this JVM dies. */
  Process start(String mainClass, List<String> args) throws IOException {
    writeArgsFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("@" + argsFile);
    command.add(ParentWatchdog.class.getName());
    command.add(Long.toString(ProcessHandle.current().pid()));
    command.add(mainClass);
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    // Nothing to send: the child sees end of input instead of a pipe nobody writes to.
    process.getOutputStream().close();
    return process;
  }

  private void writeArgsFile() throws IOException {
    String classPath = String.join(File.pathSeparator, ChildClasspath.ofCurrentJvm());
    // Inside double quotes an argument file treats backslash as an escape character.
    String quoted = "\"" + classPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    Files.writeString(argsFile, "-cp\n" + quoted + "\n", StandardCharsets.UTF_8);
  }
}
