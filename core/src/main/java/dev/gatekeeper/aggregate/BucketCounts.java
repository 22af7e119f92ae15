package dev.gatekeeper.aggregate;

/**
 * Distinct orgs and records of a bucket, or a change to them. Changes travel between the gate
 * (which knows each org's share) and the bucket's owner (which knows every org's): they carry no
 * org identity.
 */
public record BucketCounts(long orgs, long records) {
  public static final BucketCounts ZERO = new BucketCounts(0, 0);

  public BucketCounts plus(BucketCounts delta) {
    return new BucketCounts(orgs + delta.orgs, records + delta.records);
  }

  public boolean isZero() {
    return orgs == 0 && records == 0;
  }
}
