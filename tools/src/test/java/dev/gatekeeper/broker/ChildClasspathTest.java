package dev.gatekeeper.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildClasspathTest {
  @Test
  void expandsAManifestOnlyJarIntoTheEntriesItNames(@TempDir Path dir) throws Exception {
    Path libs = Files.createDirectories(dir.resolve("lib dir"));
    Path a = Files.createFile(libs.resolve("a.jar"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    // As surefire writes it: URLs, one relative and one absolute, separated by spaces.
    Path booter = jarWithClassPath(dir.resolve("booter.jar"), "lib%20dir/a.jar " + classes.toUri());

    assertThat(ChildClasspath.expand(booter.toString()))
        .containsExactly(booter.toString(), a.toString(), classes.toString());
  }

  @Test
  void keepsPlainEntriesInOrderWithoutDuplicates(@TempDir Path dir) throws Exception {
    Path a = Files.createFile(dir.resolve("a.jar"));
    Path b = Files.createDirectories(dir.resolve("b"));
    String classPath = String.join(File.pathSeparator, a.toString(), b.toString(), a.toString(), "");

    assertThat(ChildClasspath.expand(classPath)).containsExactly(a.toString(), b.toString());
  }

  @Test
  void theCurrentJvmsClassPathContainsKafka() {
    assertThat(ChildClasspath.ofCurrentJvm()).anySatisfy(entry -> assertThat(entry).contains("kafka_2.13"));
  }

  private static Path jarWithClassPath(Path jar, String classPath) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    // Closing the stream writes the manifest; the jar needs no other entries.
    new JarOutputStream(Files.newOutputStream(jar), manifest).close();
    return jar;
  }
}
