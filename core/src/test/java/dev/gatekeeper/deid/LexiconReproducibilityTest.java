package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The shipped lexicon is exactly what {@link LexiconBuilder} makes from the Maven Central
 * artifacts: no hand edits, nothing that can't be rebuilt. {@code -Dlexicon.write=true} rewrites
 * the file (after a change to the builder or its sources).
 */
class LexiconReproducibilityTest {
  @Test
  void shippedLexiconIsRebuiltFromMavenCentralArtifacts() throws IOException {
    byte[] rebuilt = LexiconBuilder.gzip(LexiconBuilder.build());
    Path shipped = Path.of(LexiconBuilder.RESOURCE);
    if (Boolean.getBoolean("lexicon.write")) {
      Files.write(shipped, rebuilt);
    }
    assertThat(sha256(Files.readAllBytes(shipped)))
        .as("lexicon.tsv.gz differs from a rebuild; run this test with -Dlexicon.write=true")
        .isEqualTo(sha256(rebuilt));
  }

  @Test
  void lexiconHoldsNamesOfManyLocalesAndOrdinaryWords() {
    Lexicon lexicon = Lexicon.standard();
    assertThat(lexicon.size()).isGreaterThan(100_000);
    assertThat(lexicon.flags("the") & Lexicon.STOP).isNotZero();
    assertThat(lexicon.flags("release") & Lexicon.COMMON).isNotZero();
    assertThat(lexicon.flags("Released") & Lexicon.COMMON).isNotZero();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
