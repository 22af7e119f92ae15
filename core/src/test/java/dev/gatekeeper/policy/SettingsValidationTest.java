package dev.gatekeeper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.Compliance;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.Product;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsValidationTest {
  private static OrgSettings settings(String orgId, Product... products) {
    return OrgSettings.newBuilder()
        .setOrgId(orgId)
        .setCloudEnvironment(CloudEnvironment.COMMERCIAL)
        .setCompliance(Compliance.newBuilder().build())
        .setProducts(List.of(products))
        .setUpdatedAt(Instant.parse("2026-09-01T00:00:00Z"))
        .build();
  }

  private static Product product(String siteId, String app) {
    return Product.newBuilder().setSiteId(siteId).setApp(app).setPlan(Plan.FREE).build();
  }

  @Test
  void aRecordForItsOwnOrgWithCompleteProductsHasNoProblem() {
    assertThat(SettingsValidation.problems("o1", settings("o1", product("s1", "jira")))).isEmpty();
    assertThat(SettingsValidation.summary(List.of())).isNull();
  }

  @Test
  void listsEveryProblemWithItsFieldNotJustTheFirst() {
    List<SettingsValidation.Problem> problems =
        SettingsValidation.problems("o1", settings("o2", product("s1", "jira"), product("", "confluence"), product("s3", "")));

    assertThat(problems).extracting(SettingsValidation.Problem::field)
        .containsExactly("orgId", "products[1].siteId", "products[2].app");
    assertThat(SettingsValidation.summary(problems))
        .startsWith("orgId: differs from the record key")
        .contains("; products[1].siteId: is empty")
        .doesNotContain("o2");
  }
}
