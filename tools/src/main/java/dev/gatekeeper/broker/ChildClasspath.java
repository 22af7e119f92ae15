package dev.gatekeeper.broker;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path a child JVM needs to load the same classes as this one.
 *
 * <p>{@code java.class.path} is not always the list of jars: surefire and failsafe (and some
 * IDEs) start the JVM with one "manifest-only" jar whose {@code Class-Path} attribute names the
 * real entries, and delete that jar when they finish. The JVM follows {@code Class-Path} on its
 * own, so a child given the same string would work, but only while the temporary jar exists; this
 * class lists the referenced entries explicitly, so the child depends on nothing temporary.
 */
public final class ChildClasspath {
  private ChildClasspath() {}

  /** The entries of this JVM's class path, with every jar's {@code Class-Path} expanded. */
  public static List<String> ofCurrentJvm() {
    return expand(System.getProperty("java.class.path", ""));
  }

  /**
   * Expands a class path string: each entry is kept in order (made absolute), followed by what
   * its manifest's {@code Class-Path} references (recursively, as the JVM resolves it);
   * duplicates are dropped.
   */
  public static List<String> expand(String classPath) {
    Set<String> result = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        // Absolute, so the child does not depend on sharing this JVM's working directory.
        pending.addLast(Path.of(entry).toAbsolutePath().toString());
      }
    }
    while (!pending.isEmpty()) {
      String entry = pending.removeFirst();
      if (!result.add(entry)) {
        continue;
      }
      List<String> referenced = manifestClassPath(Path.of(entry));
      // Depth first, right after the jar that names them: the order the JVM searches them.
      for (int i = referenced.size() - 1; i >= 0; i--) {
        pending.addFirst(referenced.get(i));
      }
    }
    return List.copyOf(result);
  }

  private static List<String> manifestClassPath(Path entry) {
    if (!entry.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
      return List.of();
    }
    try (JarFile jar = new JarFile(entry.toFile(), false)) {
      Manifest manifest = jar.getManifest();
      String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (value == null || value.isBlank()) {
        return List.of();
      }
      // Class-Path holds space-separated URLs, relative to the jar's own location.
      URI base = entry.toAbsolutePath().toUri();
      List<String> entries = new ArrayList<>();
      for (String url : value.trim().split("\\s+")) {
        URI resolved = base.resolve(url);
        if ("file".equals(resolved.getScheme())) {
          entries.add(Path.of(resolved).toString());
        }
      }
      return entries;
    } catch (IOException | IllegalArgumentException e) {
      // Not a readable jar or a malformed URL: the JVM skips such entries too.
      return List.of();
    }
  }
}
