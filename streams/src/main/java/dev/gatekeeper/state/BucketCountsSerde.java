package dev.gatekeeper.state;

import dev.gatekeeper.aggregate.BucketCounts;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Compact binary form of {@link BucketCounts}: bucket totals in their store, changes on the repartition topic. */
public final class BucketCountsSerde extends BinaryCodec<BucketCounts> {
  private static final int FORMAT = 1;

  @Override
  int format() {
    return FORMAT;
  }

  @Override
  void write(BucketCounts c, DataOutputStream out) throws IOException {
    out.writeLong(c.orgs());
    out.writeLong(c.records());
  }

  @Override
  BucketCounts read(int format, DataInputStream in) throws IOException {
    if (format != FORMAT) {
      throw unknownFormat("bucket counts", format);
    }
    return new BucketCounts(in.readLong(), in.readLong());
  }
}
