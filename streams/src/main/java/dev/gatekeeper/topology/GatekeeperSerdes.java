package dev.gatekeeper.topology;

import dev.gatekeeper.registry.RegistryClient;
import dev.gatekeeper.registry.SchemaRegistry;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.serde.AvroSerde;
import dev.gatekeeper.serde.ConfluentAvroSerde;
import dev.gatekeeper.serde.WireFormat;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.serde.WireSettings;
import dev.gatekeeper.state.BucketCountsSerde;
import dev.gatekeeper.state.IndexEntrySerde;
import dev.gatekeeper.state.OrgHistorySerde;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one place the topology's serdes are built; each is passed explicitly where it is used.
 *
 * <p>Topic values use {@link WireSerde}s: written in the configured {@link WireFormat}, read in
 * either. State stores and the internal repartition topic always use Avro's single-object
 * encoding: they never leave the gatekeeper, need no registry round trip, and read every released
 * schema version.
 */
public final class GatekeeperSerdes {
  public final WireSerde<DataEvent> dataEvent;
  public final WireSerde<OrgSettings> orgSettings;
  public final WireSerde<Contribution> contribution;
  public final WireSerde<ContributionDecision> decision;
  public final WireSerde<RevocationReceipt> receipt;
  public final WireSerde<ContributionAggregate> aggregate;
  /** Data events on the internal repartition topic. */
  public final AvroSerde<DataEvent> internalDataEvent = AvroSerde.of(DataEvent.class);
  public final OrgHistorySerde orgHistory;
  public final IndexEntrySerde indexEntry = new IndexEntrySerde();
  public final BucketCountsSerde bucketCounts = new BucketCountsSerde();

  private final WireFormat format;
  private final SchemaRegistry registry;

  /** Single-object encoding without a registry. */
  public GatekeeperSerdes() {
    this(WireFormat.SINGLE_OBJECT, null, true);
  }

  /**
   * @param format what the topic serdes write
   * @param registry the schema registry, or null (then only single-object is read and written)
   * @param register whether output schemas are registered on first write, or only looked up
   */
  public GatekeeperSerdes(WireFormat format, SchemaRegistry registry, boolean register) {
    this(format, registry, register, AvroSerde.of(OrgSettings.class));
  }

  private GatekeeperSerdes(WireFormat format, SchemaRegistry registry, boolean register, AvroSerde<OrgSettings> historySettings) {
    if (format == WireFormat.CONFLUENT && registry == null) {
      throw new IllegalArgumentException("the Confluent format needs a schema registry");
    }
    this.format = format;
    this.registry = registry;
    this.dataEvent = wire(DataEvent.class, format, registry, register);
    this.orgSettings = wire(OrgSettings.class, format, registry, register);
    this.contribution = wire(Contribution.class, format, registry, register);
    this.decision = wire(ContributionDecision.class, format, registry, register);
    this.receipt = wire(RevocationReceipt.class, format, registry, register);
    this.aggregate = wire(ContributionAggregate.class, format, registry, register);
    this.orgHistory = new OrgHistorySerde(historySettings);
  }

  /** The serdes of {@code settings}, with a registry client when a registry is configured. */
  public static GatekeeperSerdes from(WireSettings settings) {
    SchemaRegistry registry = settings.registry().map(RegistryClient::new).orElse(null);
    return new GatekeeperSerdes(settings.format(), registry, settings.autoRegister());
  }

  /**
   * For upgrade tests only: the serdes of {@code settings}, except that the settings-history store
   * (and so its changelog) encodes each settings version with {@code historySettings}, such as
   * {@link AvroSerde#writingWith} an older released OrgSettings schema, as an older build wrote
   * it. Reading still accepts every released schema. The service always uses {@link #from}.
   */
  public static GatekeeperSerdes writingHistoriesWith(WireSettings settings, AvroSerde<OrgSettings> historySettings) {
    SchemaRegistry registry = settings.registry().map(RegistryClient::new).orElse(null);
    return new GatekeeperSerdes(settings.format(), registry, settings.autoRegister(), historySettings);
  }

  /** The format topic values are written in. */
  public WireFormat format() {
    return format;
  }

  /** The schema registry the topic serdes use, if any. */
  public Optional<SchemaRegistry> registry() {
    return Optional.ofNullable(registry);
  }

  /** Every topic-value serde, for start-up checks over the subjects. */
  public List<WireSerde<?>> topicSerdes() {
    return List.of(dataEvent, orgSettings, contribution, decision, receipt, aggregate);
  }

  private static <T extends SpecificRecord> WireSerde<T> wire(Class<T> type, WireFormat format, SchemaRegistry registry, boolean register) {
    ConfluentAvroSerde<T> confluent =
        registry == null ? null : register ? ConfluentAvroSerde.forValues(type, registry) : ConfluentAvroSerde.lookingUp(type, registry);
    return new WireSerde<>(type, format, AvroSerde.of(type), confluent);
  }
}
