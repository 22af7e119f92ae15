package dev.gatekeeper.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.schema.DataType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketingTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long T = Instant.parse("2026-09-02T10:15:00Z").toEpochMilli();
  private final Bucketing bucketing = new Bucketing(AggregateConfig.defaults());

  @Test
  void labelsNumbersWithTheHalfOpenIntervalTheyFallIn() {
    NumericBuckets b = NumericBuckets.defaults();
    assertThat(b.label("0")).contains("[0,1)");
    assertThat(b.label("1")).contains("[1,2)");
    assertThat(b.label("199.5")).contains("[100,200)");
    assertThat(b.label("200")).contains("[200,500)");
    assertThat(b.label("-3")).contains("(-inf,0)");
    assertThat(b.label("99999999999")).contains("[10000000,+inf)");
  }

  @Test
  void treatsAnythingButAPlainDecimalAsCategorical() {
    NumericBuckets b = NumericBuckets.defaults();
    assertThat(b.label("1e3")).isEmpty();
    assertThat(b.label("NaN")).isEmpty();
    assertThat(b.label(" 5")).isEmpty();
    assertThat(b.label("007")).isEmpty();
    assertThat(b.label("Bug")).isEmpty();
  }

  @Test
  void refusesEdgesThatDoNotIncrease() {
    assertThatThrownBy(() -> NumericBuckets.parse("0,10,10")).hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> NumericBuckets.parse("0,ten")).hasMessageContaining("'ten' is not a number");
  }

  @Test
  void encodesBucketKeysThatParseBackEvenWithSeparatorsInValues() {
    BucketKey k = new BucketKey("marketplace:a|b", "status", "100%|done", 3 * DAY, "eu");
    assertThat(k.encode()).isEqualTo("marketplace:a%7Cb|status|100%25%7Cdone|1970-01-04T00:00:00Z|eu");
    assertThat(BucketKey.parse(k.encode())).isEqualTo(k);
    BucketKey global = new BucketKey("jira", "issueType", "Bug", 0, null);
    assertThat(BucketKey.parse(global.encode())).isEqualTo(global);
  }

  @Test
  void countsMetadataInItsDayWithSortedBucketedValues() {
    AggregateShare share = bucketing.share(DataType.METADATA, Map.of("wordCount", "137", "issueType", "Bug"), T, null, T);
    assertThat(share.windowStart()).isEqualTo(Instant.parse("2026-09-02T00:00:00Z").toEpochMilli());
    assertThat(share.values()).containsExactly(
        new AggregateShare.AttributeValue("issueType", "Bug"), new AggregateShare.AttributeValue("wordCount", "[100,200)"));
  }

  @Test
  void countsNoInAppDataNoFreeTextAndNothingPastTheGrace() {
    assertThat(bucketing.share(DataType.IN_APP, Map.of("issueType", "Bug"), T, null, T)).isNull();
    assertThat(bucketing.share(DataType.METADATA, Map.of("source", "x".repeat(65)), T, null, T)).isNull();
    assertThat(bucketing.share(DataType.METADATA, Map.of(), T, null, T)).isNull();
    long windowEnd = Instant.parse("2026-09-03T00:00:00Z").toEpochMilli();
    assertThat(bucketing.share(DataType.METADATA, Map.of("issueType", "Bug"), T, null, windowEnd + DAY - 1)).isNotNull();
    assertThat(bucketing.share(DataType.METADATA, Map.of("issueType", "Bug"), T, null, windowEnd + DAY)).isNull();
  }
}
