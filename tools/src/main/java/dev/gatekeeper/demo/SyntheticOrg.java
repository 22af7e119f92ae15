package dev.gatekeeper.demo;

import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.Compliance;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One simulated organization: its products and switches, changed by the admin actions a real
 * org goes through (opt-outs, trials ending, app and site deletions, becoming excluded).
 */
final class SyntheticOrg {
  private static final String[] APPS = {"jira", "confluence", "jira-service-management", "loom"};

  final String orgId;
  final List<String> sites = new ArrayList<>();
  final List<Product> products = new ArrayList<>();
  CloudEnvironment cloud = CloudEnvironment.COMMERCIAL;
  boolean hipaa;
  boolean government;
  ContributionSetting inApp;
  ContributionSetting metadata;
  final List<String> excluded = new ArrayList<>();
  boolean deleted;

  SyntheticOrg(String orgId, Random random) {
    this.orgId = orgId;
    int siteCount = 1 + random.nextInt(2);
    for (int s = 0; s < siteCount; s++) {
      String site = orgId + "-site-" + s;
      sites.add(site);
      Plan plan = Plan.values()[random.nextInt(Plan.values().length)];
      products.add(new Product(site, "jira", plan, false));
      if (random.nextBoolean()) {
        products.add(new Product(site, APPS[1 + random.nextInt(APPS.length - 1)], Plan.STANDARD, false));
      }
    }
    if (random.nextInt(5) == 0) {
      products.add(new Product(sites.get(0), "confluence", Plan.ENTERPRISE, true)); // an Enterprise trial
    }
    int roll = random.nextInt(40);
    hipaa = roll == 0;
    government = roll == 1;
    if (roll == 2) {
      cloud = CloudEnvironment.GOVERNMENT;
    }
  }

  OrgSettings settings(Instant at) {
    return OrgSettings.newBuilder()
        .setOrgId(orgId)
        .setCloudEnvironment(cloud)
        .setProducts(new ArrayList<>(products))
        .setCompliance(Compliance.newBuilder()
            .setHipaa(hipaa)
            .setGovernmentEntity(government)
            .setEducationalInstitution(false)
            .setRegulatedFinancialServices(false)
            .setExcludedOfferings(new ArrayList<>())
            .build())
        .setMetadataContribution(metadata)
        .setInAppContribution(inApp)
        .setInAppIncluded(new ArrayList<>())
        .setInAppExcluded(new ArrayList<>(excluded))
        .setResidencyRegion(null)
        .setUpdatedAt(at)
        .build();
  }

  /** Applies one admin action; returns its name for the demo's log of what happened. */
  String change(Random random) {
    switch (random.nextInt(7)) {
      case 0 -> {
        inApp = ContributionSetting.OFF;
        return "in-app opt-out";
      }
      case 1 -> {
        inApp = ContributionSetting.ON;
        return "in-app opt-in";
      }
      case 2 -> {
        excluded.add("container:" + container(random));
        return "container excluded";
      }
      case 3 -> {
        if (products.removeIf(Product::getTrial)) {
          return "trial ended";
        }
        metadata = ContributionSetting.OFF;
        return "metadata opt-out";
      }
      case 4 -> {
        if (products.size() > 1) {
          products.remove(products.size() - 1);
          return "app deleted";
        }
        return "no change";
      }
      case 5 -> {
        if (sites.size() > 1) {
          String site = sites.remove(sites.size() - 1);
          products.removeIf(p -> p.getSiteId().equals(site));
          return "site deleted";
        }
        excluded.add("app:jira");
        return "app excluded";
      }
      default -> {
        if (random.nextInt(10) == 0) {
          hipaa = true;
          return "became HIPAA";
        }
        Product first = products.get(0);
        products.set(0, new Product(first.getSiteId(), first.getApp(), Plan.values()[random.nextInt(4)], false));
        return "plan changed";
      }
    }
  }

  static String container(Random random) {
    return new String[] {"ENG", "OPS", "HR", "SALES", "DOCS"}[random.nextInt(5)];
  }
}
