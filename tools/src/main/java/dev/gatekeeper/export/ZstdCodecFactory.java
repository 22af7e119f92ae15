package dev.gatekeeper.export;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Zstandard for Parquet pages through zstd-jni, which Kafka's client already ships. Parquet's own
 * codec factory loads Hadoop's compression classes even for zstd, and Hadoop is not on the
 * launcher's class path: this one needs none. It offers zstd only, the codec the export writes.
 */
final class ZstdCodecFactory implements CompressionCodecFactory {
  /** zstd's default level: about deflate's ratio on text at several times its speed. */
  private static final int LEVEL = 3;

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    requireZstd(codec);
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        return BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL));
      }

      @Override
      public CompressionCodecName getCodecName() {
        return CompressionCodecName.ZSTD;
      }

      @Override
      public void release() {
        // Nothing pooled: each page is compressed into a new array.
      }
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    requireZstd(codec);
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
        return BytesInput.from(Zstd.decompress(bytes.toByteArray(), uncompressedSize));
      }

      @Override
      public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
        byte[] in = new byte[compressedSize];
        input.get(in);
        output.put(Zstd.decompress(in, uncompressedSize));
      }

      @Override
      public void release() {
        // Nothing pooled, as for the compressor.
      }
    };
  }

  @Override
  public void release() {
    // Holds no codecs between calls.
  }

  private static void requireZstd(CompressionCodecName codec) {
    if (codec != CompressionCodecName.ZSTD) {
      throw new IllegalArgumentException("the export writes Parquet with zstd only, not " + codec);
    }
  }
}
