package dev.gatekeeper.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.policy.SettingsValidation.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
  static final String VALID = """
      {"orgId": "o1", "cloudEnvironment": "COMMERCIAL",
       "products": [{"siteId": "s1", "app": "jira", "plan": "FREE"}],
       "compliance": {}, "updatedAt": "2026-09-01T00:00:00Z"}""";

  @TempDir Path dir;

  private SettingsFile read(String text, String org) throws Exception {
    Path file = dir.resolve("settings.json");
    Files.writeString(file, text);
    return SettingsFile.read(file, org);
  }

  @Test
  void aCompleteRecordIsValidForItsOwnOrg() throws Exception {
    SettingsFile parsed = read(VALID, null);

    assertThat(parsed.valid()).isTrue();
    assertThat(parsed.orgId()).isEqualTo("o1");
    assertThat(parsed.settings()).hasValueSatisfying(s -> assertThat(s.getProducts()).hasSize(1));
  }

  @Test
  void listsEveryShapeProblemWithItsField() throws Exception {
    SettingsFile parsed = read("""
        {"orgId": "o1", "cloudEnvironment": "MOON",
         "products": [{"siteId": "s1", "plan": "GOLD"}],
         "compliance": {}}""", null);

    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.settings()).isEmpty();
    assertThat(parsed.orgId()).isEqualTo("o1");
    assertThat(parsed.problems()).extracting(Problem::field)
        .containsExactly("cloudEnvironment", "products[0].app", "products[0].plan", "updatedAt");
  }

  @Test
  void appliesTheServicesRulesOnceTheShapeIsRight() throws Exception {
    SettingsFile parsed = read(VALID.replace("\"app\": \"jira\"", "\"app\": \"\""), "o2");

    assertThat(parsed.orgId()).isEqualTo("o2");
    assertThat(parsed.problems()).extracting(Problem::field).containsExactly("orgId", "products[0].app");
  }

  @Test
  void aFileThatIsNotJsonIsOneProblemThatQuotesNothing() throws Exception {
    SettingsFile parsed = read("{\"orgId\": \"canary-value\", oops", null);

    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("is not JSON (line 1");
      assertThat(p.message()).doesNotContain("canary");
    });
  }
}
