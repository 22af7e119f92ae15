package dev.gatekeeper.export;

import dev.gatekeeper.io.DirectoryTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The latest record of each key read so far, kept in a local RocksDB under a scratch directory,
 * so that an export's heap does not grow with the topic: the JVM holds one record at a time, and
 * RocksDB's own memory is capped by the sizes below, whatever the number of keys, plus a table
 * reader per sorted file (one file per 32 MiB written, 102 for 5M records), each of which the
 * ordered read keeps open.
 *
 * <p>Used as an external sort: writes are blind (no read before a write), each full write buffer
 * becomes one sorted file, and nothing is compacted, so every record is written to disk once; the
 * ordered read merges the files. A stored key is the record key's UTF-8 bytes, a 0 byte and the
 * partition, so a later record of the same key in the same partition replaces the earlier one,
 * and records of one key in two partitions sit side by side, where the ordered read notices
 * them. Iteration is in unsigned byte order of the record keys, which is Unicode code point
 * order: the same topic state always gives the same order. A value is the record's offset,
 * timestamp, a tombstone flag and the raw value bytes.
 *
 * <p>The store is scratch: no write-ahead log, never reopened. {@link #close} deletes the
 * directory, after a failure too.
 */
final class LatestRecordStore implements AutoCloseable {
  /** Two of these memtables at most: what RocksDB buffers before it writes a sorted file. */
  private static final long WRITE_BUFFER_BYTES = 32L << 20;
  /** Blocks and the files' indexes, which the merge of every file needs at once. */
  private static final long BLOCK_CACHE_BYTES = 32L << 20;
  /** Larger than RocksDB's 4 KiB: fewer index entries to hold per file, better compression. */
  private static final long BLOCK_BYTES = 32L << 10;
  /** offset (long), timestamp (long), tombstone flag (byte). */
  private static final int HEADER_BYTES = Long.BYTES + Long.BYTES + 1;
  /** Separates the record key from the partition in a stored key; no record key may hold it. */
  private static final byte SEPARATOR = 0;

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final LRUCache cache;
  private final Options options;
  private final WriteOptions writeOptions;
  private final RocksDB db;

  private LatestRecordStore(Path dir, LRUCache cache, Options options, WriteOptions writeOptions, RocksDB db) {
    this.dir = dir;
    this.cache = cache;
    this.options = options;
    this.writeOptions = writeOptions;
    this.db = db;
  }

  /**
   * Creates an empty store in {@code dir}, which must not exist yet.
   *
   * @throws IOException if the directory cannot be created or RocksDB cannot open there
   */
  static LatestRecordStore create(Path dir) throws IOException {
    Files.createDirectory(dir);
    LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(cache)
        .setBlockSize(BLOCK_BYTES)
        // Indexes count against the cache instead of growing with the files.
        .setCacheIndexAndFilterBlocks(true);
    Options options = new Options()
        .setCreateIfMissing(true)
        .setWriteBufferSize(WRITE_BUFFER_BYTES)
        .setMaxWriteBufferNumber(2)
        // Compacting random keys rewrites the whole store again and again (several times its size
        // written, and twice its size on disk at peak); the ordered read merges the files instead.
        .setDisableAutoCompactions(true)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setTableFormatConfig(table);
    WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
    try {
      return new LatestRecordStore(dir, cache, options, writeOptions, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException e) {
      writeOptions.close();
      options.close();
      cache.close();
      deleteTree(dir);
      throw new IOException("cannot open the export's scratch store in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes {@code r} its key's latest record in its partition.
   *
   * @throws IllegalArgumentException if the key holds a 0 character, which would mix up the order
   * @throws UncheckedIOException if RocksDB fails, e.g. the disk is full
   */
  void put(LogRecord r) {
    byte[] key = r.key().getBytes(StandardCharsets.UTF_8);
    for (byte b : key) {
      if (b == SEPARATOR) {
        throw new IllegalArgumentException("a key holds a 0 character");
      }
    }
    try {
      db.put(writeOptions, storedKey(key, r.partition()), encode(r));
    } catch (RocksDBException e) {
      throw failed(e);
    }
  }

  /**
   * Every key's latest record that is a tombstone ({@code tombstones}) or has a value, in key
   * order. Close the cursor before the store.
   *
   * @throws ExportException if the first key has records in two partitions
   */
  Cursor inKeyOrder(boolean tombstones) throws ExportException {
    RocksIterator it = db.newIterator();
    it.seekToFirst();
    return new Cursor(it, tombstones);
  }

  /** Closes RocksDB and deletes its directory. */
  @Override
  public void close() {
    db.close();
    writeOptions.close();
    options.close();
    cache.close();
    deleteTree(dir);
  }

  /**
   * Records of one kind in key order, read one at a time from the store. It reads past the
   * records of the other kind too, so every pass notices a key in two partitions.
   */
  final class Cursor implements AutoCloseable {
    private final RocksIterator it;
    private final boolean tombstones;
    /** The stored key and value last read, whatever their kind; null before the first. */
    private byte[] lastKey;
    private byte[] lastValue;
    /** The next record to return, or null at the end. */
    private LogRecord next;

    private Cursor(RocksIterator it, boolean tombstones) throws ExportException {
      this.it = it;
      this.tombstones = tombstones;
      advance();
    }

    boolean hasNext() {
      return next != null;
    }

    /**
     * @throws ExportException if the key after this record has records in two partitions
     * @throws UncheckedIOException if RocksDB fails to read
     */
    LogRecord next() throws ExportException {
      if (next == null) {
        throw new NoSuchElementException();
      }
      LogRecord r = next;
      advance();
      return r;
    }

    private void advance() throws ExportException {
      next = null;
      while (next == null && it.isValid()) {
        byte[] key = it.key();
        byte[] value = it.value();
        if (lastKey != null && sameRecordKey(lastKey, key)) {
          throw inTwoPartitions(lastKey, lastValue, key, value);
        }
        lastKey = key;
        lastValue = value;
        if (isTombstone(value) == tombstones) {
          next = decode(key, value);
        }
        it.next();
      }
      if (next == null) {
        try {
          it.status();
        } catch (RocksDBException e) {
          throw failed(e);
        }
      }
    }

    @Override
    public void close() {
      it.close();
    }
  }

  /**
   * A key's records are ordered only within one partition, so which is the latest is unknown (the
   * partition count was changed, or a producer used another partitioner), and a stale value could
   * outlive its revocation. The message names partitions and offsets, never the key.
   */
  private static ExportException inTwoPartitions(byte[] firstKey, byte[] firstValue, byte[] secondKey, byte[] secondValue) {
    return new ExportException("one key has records in partitions " + partition(firstKey) + " (offset " + offset(firstValue)
        + ") and " + partition(secondKey) + " (offset " + offset(secondValue) + "), so its latest state is undefined; the"
        + " topic's partition count may have changed. Fix the topic (re-key it into a new topic) before exporting it");
  }

  private static byte[] storedKey(byte[] key, int partition) {
    return ByteBuffer.allocate(key.length + 1 + Integer.BYTES).put(key).put(SEPARATOR).putInt(partition).array();
  }

  private static boolean sameRecordKey(byte[] a, byte[] b) {
    return Arrays.equals(a, 0, a.length - Integer.BYTES, b, 0, b.length - Integer.BYTES);
  }

  private static int partition(byte[] storedKey) {
    return ByteBuffer.wrap(storedKey, storedKey.length - Integer.BYTES, Integer.BYTES).getInt();
  }

  private static long offset(byte[] stored) {
    return ByteBuffer.wrap(stored).getLong();
  }

  private static byte[] encode(LogRecord r) {
    byte[] value = r.isTombstone() ? new byte[0] : r.value();
    return ByteBuffer.allocate(HEADER_BYTES + value.length)
        .putLong(r.offset())
        .putLong(r.timestamp())
        .put((byte) (r.isTombstone() ? 1 : 0))
        .put(value)
        .array();
  }

  private static boolean isTombstone(byte[] stored) {
    return stored[HEADER_BYTES - 1] == 1;
  }

  private static LogRecord decode(byte[] storedKey, byte[] stored) {
    String key = new String(storedKey, 0, storedKey.length - 1 - Integer.BYTES, StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.wrap(stored);
    long offset = b.getLong();
    long timestamp = b.getLong();
    boolean tombstone = b.get() == 1;
    byte[] value = tombstone ? null : new byte[b.remaining()];
    if (value != null) {
      b.get(value);
    }
    return new LogRecord(partition(storedKey), offset, key, value, timestamp);
  }

  private UncheckedIOException failed(RocksDBException e) {
    return new UncheckedIOException(new IOException("the export's scratch store in " + dir + " failed: " + e.getMessage(), e));
  }

  private static void deleteTree(Path dir) {
    try {
      DirectoryTrees.delete(dir);
    } catch (IOException e) {
      // Best effort, as for the export's other temporary files: it is hidden, and the export
      // directory without a manifest is not an export.
    }
  }
}
