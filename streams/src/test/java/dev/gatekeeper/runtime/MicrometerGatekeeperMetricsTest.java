package dev.gatekeeper.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.deid.Placeholder;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.Outcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The counters' Prometheus names and labels, which dashboards and alerts depend on. */
class MicrometerGatekeeperMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerGatekeeperMetrics metrics = new MicrometerGatekeeperMetrics(registry);

  @Test
  void scrapesEachCounterUnderItsDocumentedNameAndLabels() {
    metrics.decided(Outcome.DROPPED, Reason.NO_SETTINGS);
    metrics.decided(Outcome.DROPPED, Reason.NO_SETTINGS);
    metrics.decided(Outcome.REVOKED, Reason.METADATA_OFF);
    metrics.receipt();
    metrics.deadLetter("data-events", "SerializationException");
    metrics.placeholders(Placeholder.EMAIL, 3);
    metrics.bucketPublished();
    metrics.bucketWithdrawn();

    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("gatekeeper_decisions_total{outcome=\"DROPPED\",reason=\"NO_SETTINGS\"} 2.0")
        .contains("gatekeeper_decisions_total{outcome=\"REVOKED\",reason=\"METADATA_OFF\"} 1.0")
        .contains("gatekeeper_revocation_receipts_total 1.0")
        .contains("gatekeeper_dead_letters_total{cause=\"SerializationException\",input=\"data-events\"} 1.0")
        .contains("gatekeeper_placeholders_total{type=\"EMAIL\"} 3.0")
        .contains("gatekeeper_placeholders_total{type=\"NAME\"} 0.0")
        .contains("gatekeeper_aggregate_buckets_published_total 1.0")
        .contains("gatekeeper_aggregate_buckets_withdrawn_total 1.0");
  }

  @Test
  void countsEveryIncrementFromConcurrentStreamThreads() throws Exception {
    int threads = 4;
    int each = 10_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            metrics.decided(Outcome.CONTRIBUTED, Reason.CONTRIBUTED);
            metrics.deadLetter("org-settings", "InvalidOrgSettings");
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(registry.get(MicrometerGatekeeperMetrics.DECISIONS).counters()).hasSize(1);
    assertThat(registry.get(MicrometerGatekeeperMetrics.DECISIONS).counter().count()).isEqualTo(threads * each);
    assertThat(registry.get(MicrometerGatekeeperMetrics.DEAD_LETTERS).counter().count()).isEqualTo(threads * each);
  }
}
