package dev.gatekeeper.topology;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.serde.AvroSerde;
import dev.gatekeeper.state.BucketCountsSerde;
import dev.gatekeeper.state.IndexEntrySerde;
import dev.gatekeeper.state.OrgHistorySerde;

/** The one place the topology's serdes are built; each is passed explicitly where it is used. */
public final class GatekeeperSerdes {
  public final AvroSerde<DataEvent> dataEvent = AvroSerde.of(DataEvent.class);
  public final AvroSerde<OrgSettings> orgSettings = AvroSerde.of(OrgSettings.class);
  public final AvroSerde<Contribution> contribution = AvroSerde.of(Contribution.class);
  public final AvroSerde<ContributionDecision> decision = AvroSerde.of(ContributionDecision.class);
  public final AvroSerde<RevocationReceipt> receipt = AvroSerde.of(RevocationReceipt.class);
  public final OrgHistorySerde orgHistory = new OrgHistorySerde(orgSettings);
  public final IndexEntrySerde indexEntry = new IndexEntrySerde();
  public final AvroSerde<ContributionAggregate> aggregate = AvroSerde.of(ContributionAggregate.class);
  public final BucketCountsSerde bucketCounts = new BucketCountsSerde();
}
