package dev.gatekeeper.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.json.PlainJsonException;
import dev.gatekeeper.policy.SettingsValidation;
import dev.gatekeeper.policy.SettingsValidation.Problem;
import dev.gatekeeper.schema.OrgSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A settings file: one org's settings record as plain JSON (the {@code value} of an
 * {@code org-settings} line in the replay format), checked in two steps, each listing every
 * problem with its field: first its shape against the OrgSettings schema, then, when the shape is
 * right, the rules the service applies to every settings record ({@link SettingsValidation}).
 * A file that passes both is one the service will accept.
 *
 * @param orgId the org the record is for: its key on the topic
 * @param settings the record, present when the shape is right
 * @param problems every problem found; empty when the record can be published
 */
public record SettingsFile(String orgId, Optional<OrgSettings> settings, List<Problem> problems) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether the record can be published. */
  public boolean valid() {
    return problems.isEmpty();
  }

  /**
   * Reads and checks {@code file}.
   *
   * @param keyOrgId the org to publish for, or null for the file's own {@code orgId}
   * @throws IOException when the file cannot be read; a file that is not JSON is a problem, not an
   *     exception
   */
  public static SettingsFile read(Path file, String keyOrgId) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file + " does not exist");
    }
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the text around the error; the location alone is enough.
      return new SettingsFile(keyOrgId, Optional.empty(), List.of(new Problem(PlainJsonException.ROOT,
          "is not JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
    }
    return check(json, keyOrgId);
  }

  /** Checks a settings record given as plain JSON. */
  public static SettingsFile check(JsonNode json, String keyOrgId) {
    List<Problem> problems = new ArrayList<>();
    for (PlainJsonException e : PlainJson.problems(json, OrgSettings.class)) {
      problems.add(new Problem(e.path(), e.problem()));
    }
    if (!problems.isEmpty()) {
      String fileOrg = json != null && json.path("orgId").isTextual() ? json.get("orgId").textValue() : null;
      return new SettingsFile(keyOrgId != null ? keyOrgId : fileOrg, Optional.empty(), List.copyOf(problems));
    }
    OrgSettings settings;
    try {
      settings = PlainJson.fromJson(json, OrgSettings.class);
    } catch (PlainJsonException e) {
      throw new IllegalStateException("PlainJson.problems found nothing but fromJson failed at " + e.path(), e);
    }
    String key = keyOrgId != null ? keyOrgId : settings.getOrgId();
    return new SettingsFile(key, Optional.of(settings), SettingsValidation.problems(key, settings));
  }
}
