package dev.gatekeeper.benchmarks;

import dev.gatekeeper.registry.SchemaNotFoundException;
import dev.gatekeeper.registry.SchemaRegistry;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.serde.AvroSerde;
import dev.gatekeeper.serde.ConfluentAvroSerde;
import dev.gatekeeper.serde.WireFormat;
import dev.gatekeeper.serde.WireSerde;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each wire format costs per record, warm, on one thread: encoding and decoding the
 * {@link DeidentifyBenchmark}'s 1,000 data events (three in four carry a text) through the
 * gatekeeper's {@link WireSerde}, in the Confluent format and in Avro's single-object encoding.
 * The registry answers from memory: a real client caches ids and schemas after the first record,
 * so steady state never calls it; what is measured is the framing and the schema resolution.
 * Scores in microseconds per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WireFormatBenchmark {
  private static final String TOPIC = "data-events";

  @Param({"single-object", "confluent"})
  public String format;

  private WireSerde<DataEvent> serde;
  private DataEvent[] events;
  private byte[][] encoded;
  private int next;

  /** A registry held in memory: ids from 1, one per distinct schema text. */
  private static final class MemoryRegistry implements SchemaRegistry {
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, String> schemas = new ConcurrentHashMap<>();

    @Override
    public synchronized int register(String subject, String schema) {
      return ids.computeIfAbsent(schema, s -> {
        int id = ids.size() + 1;
        schemas.put(id, s);
        return id;
      });
    }

    @Override
    public int lookup(String subject, String schema) {
      Integer id = ids.get(schema);
      if (id == null) {
        throw new SchemaNotFoundException("not registered", 404, 40403, null);
      }
      return id;
    }

    @Override
    public String schemaById(int id) {
      return schemas.get(id);
    }
  }

  /** Builds the events and their encoded forms in the chosen format. */
  @Setup
  public void setUp() {
    WireFormat wire = WireFormat.parse(format);
    MemoryRegistry registry = new MemoryRegistry();
    serde = new WireSerde<>(DataEvent.class, wire, AvroSerde.of(DataEvent.class), ConfluentAvroSerde.forValues(DataEvent.class, registry));
    Corpus.Text[] texts = Corpus.generate(ScrubberBenchmark.SEED + 1, DeidentifyBenchmark.EVENTS).texts();
    events = new DataEvent[texts.length];
    encoded = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      events[i] = DeidentifyBenchmark.event(i, texts[i]);
      encoded[i] = serde.encode(TOPIC, events[i]);
    }
  }

  /** Encodes the next event for the topic. */
  @Benchmark
  public byte[] encode() {
    return serde.encode(TOPIC, events[advance()]);
  }

  /** Decodes the next encoded event, telling the format apart by its first bytes. */
  @Benchmark
  public DataEvent decode() {
    return serde.decode(encoded[advance()]);
  }

  private int advance() {
    int i = next;
    next = i + 1 == events.length ? 0 : i + 1;
    return i;
  }
}
