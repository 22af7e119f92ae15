package dev.gatekeeper.json;

import static dev.gatekeeper.json.Fixtures.CANARY;
import static dev.gatekeeper.json.Fixtures.ORG_SETTINGS;
import static dev.gatekeeper.json.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatekeeper.schema.OrgSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PlainJson#problems} lists every problem that {@link PlainJson#fromJson} stops at the first of. */
class PlainJsonProblemsTest {

  @Test
  void aValidRecordHasNoProblems() {
    assertThat(PlainJson.problems(json(ORG_SETTINGS), OrgSettings.class)).isEmpty();
  }

  @Test
  void listsEveryProblemWithItsPathAndNeverTheValue() {
    ObjectNode settings = json(ORG_SETTINGS);
    settings.remove("orgId");
    settings.put("cloudEnvironment", CANARY);
    ArrayNode products = (ArrayNode) settings.get("products");
    ((ObjectNode) products.get(0)).put("plan", CANARY);
    products.addObject().put("siteId", "s2").put("plan", "FREE");
    settings.put("updatedAt", CANARY);

    List<PlainJsonException> problems = PlainJson.problems(settings, OrgSettings.class);

    assertThat(problems).extracting(PlainJsonException::path)
        .containsExactly("orgId", "cloudEnvironment", "products[0].plan", "products[1].app", "updatedAt");
    assertThat(problems).extracting(PlainJsonException::getMessage).noneMatch(m -> m.contains(CANARY));
    // fromJson reports the first of them, with the same path and problem.
    assertThatThrownBy(() -> PlainJson.fromJson(settings, OrgSettings.class))
        .isInstanceOf(PlainJsonException.class)
        .hasMessage(problems.get(0).getMessage());
  }

  @Test
  void aNonObjectOrNothingIsOneProblemAtTheRoot() {
    assertThat(PlainJson.problems(Fixtures.MAPPER.getNodeFactory().textNode(CANARY), OrgSettings.class))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo(PlainJsonException.ROOT));
    assertThat(PlainJson.problems(null, OrgSettings.class)).singleElement()
        .satisfies(p -> assertThat(p.problem()).isEqualTo("no value"));
  }
}
