package dev.gatekeeper.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The latest record of each key read so far, kept in a local RocksDB under a scratch directory,
 * so that an export's heap does not grow with the topic: the JVM holds one record at a time, and
 * RocksDB's own memory is capped by the sizes below, whatever the number of keys.
 *
 * <p>Keys are the record keys' UTF-8 bytes, so iteration is in unsigned byte order, which is
 * Unicode code point order: the same topic state always gives the same order. A value is the
 * record's partition, offset, timestamp, a tombstone flag and the raw value bytes.
 *
 * <p>The store is scratch: no write-ahead log, never reopened. {@link #close} deletes the
 * directory, after a failure too.
 */
final class LatestRecordStore implements AutoCloseable {
  /** Two of these memtables at most: what RocksDB buffers before it writes a sorted file. */
  private static final long WRITE_BUFFER_BYTES = 16L << 20;
  /** Blocks, indexes and bloom filters of the files: bounded, so the filters of 5M keys stay in it. */
  private static final long BLOCK_CACHE_BYTES = 32L << 20;
  /** partition (int), offset (long), timestamp (long), tombstone flag (byte). */
  private static final int HEADER_BYTES = Integer.BYTES + Long.BYTES + Long.BYTES + 1;

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final LRUCache cache;
  private final BloomFilter filter;
  private final Options options;
  private final WriteOptions writeOptions;
  private final RocksDB db;

  private LatestRecordStore(Path dir, LRUCache cache, BloomFilter filter, Options options, WriteOptions writeOptions, RocksDB db) {
    this.dir = dir;
    this.cache = cache;
    this.filter = filter;
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
    BloomFilter filter = new BloomFilter(10);
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(cache)
        .setFilterPolicy(filter)
        // Indexes and filters count against the cache instead of growing with the files.
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    Options options = new Options()
        .setCreateIfMissing(true)
        .setWriteBufferSize(WRITE_BUFFER_BYTES)
        .setMaxWriteBufferNumber(2)
        .setTableFormatConfig(table);
    WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
    try {
      return new LatestRecordStore(dir, cache, filter, options, writeOptions, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException e) {
      writeOptions.close();
      options.close();
      filter.close();
      cache.close();
      deleteTree(dir);
      throw new IOException("cannot open the export's scratch store in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes {@code r} its key's latest record.
   *
   * @return the record it replaced, without its value bytes (partition, offset and timestamp
   *     only), or null if the key is new
   * @throws UncheckedIOException if RocksDB fails, e.g. the disk is full
   */
  LogRecord put(LogRecord r) {
    byte[] key = r.key().getBytes(StandardCharsets.UTF_8);
    try {
      byte[] before = db.get(key);
      db.put(writeOptions, key, encode(r));
      return before == null ? null : position(r.key(), before);
    } catch (RocksDBException e) {
      throw failed(e);
    }
  }

  /**
   * Every key's latest record that is a tombstone ({@code tombstones}) or has a value, in key
   * order. Close the cursor before the store.
   */
  Cursor inKeyOrder(boolean tombstones) {
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
    filter.close();
    cache.close();
    deleteTree(dir);
  }

  /** Records of one kind in key order, read one at a time from the store. */
  final class Cursor implements AutoCloseable {
    private final RocksIterator it;
    private final boolean tombstones;

    private Cursor(RocksIterator it, boolean tombstones) {
      this.it = it;
      this.tombstones = tombstones;
      skipOthers();
    }

    boolean hasNext() {
      return it.isValid();
    }

    /** @throws UncheckedIOException if RocksDB fails to read */
    LogRecord next() {
      if (!it.isValid()) {
        throw new NoSuchElementException();
      }
      LogRecord r = decode(new String(it.key(), StandardCharsets.UTF_8), it.value());
      it.next();
      skipOthers();
      return r;
    }

    private void skipOthers() {
      while (it.isValid() && isTombstone(it.value()) != tombstones) {
        it.next();
      }
      if (!it.isValid()) {
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

  private static byte[] encode(LogRecord r) {
    byte[] value = r.isTombstone() ? new byte[0] : r.value();
    return ByteBuffer.allocate(HEADER_BYTES + value.length)
        .putInt(r.partition())
        .putLong(r.offset())
        .putLong(r.timestamp())
        .put((byte) (r.isTombstone() ? 1 : 0))
        .put(value)
        .array();
  }

  private static boolean isTombstone(byte[] stored) {
    return stored[HEADER_BYTES - 1] == 1;
  }

  private static LogRecord position(String key, byte[] stored) {
    ByteBuffer b = ByteBuffer.wrap(stored);
    return new LogRecord(b.getInt(), b.getLong(), key, null, b.getLong());
  }

  private static LogRecord decode(String key, byte[] stored) {
    ByteBuffer b = ByteBuffer.wrap(stored);
    int partition = b.getInt();
    long offset = b.getLong();
    long timestamp = b.getLong();
    boolean tombstone = b.get() == 1;
    byte[] value = tombstone ? null : new byte[b.remaining()];
    if (value != null) {
      b.get(value);
    }
    return new LogRecord(partition, offset, key, value, timestamp);
  }

  private UncheckedIOException failed(RocksDBException e) {
    return new UncheckedIOException(new IOException("the export's scratch store in " + dir + " failed: " + e.getMessage(), e));
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort, as for the export's other temporary files: it is hidden, and the export
      // directory without a manifest is not an export.
    }
  }
}
