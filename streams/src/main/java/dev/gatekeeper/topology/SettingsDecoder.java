package dev.gatekeeper.topology;

import dev.gatekeeper.policy.SettingsValidation;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.state.IndexKeys;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes org settings. A null value is the org's tombstone. A record that cannot be decoded or
 * lacks required fields makes its org undecidable (fail closed) and is also dead-lettered so an
 * operator sees it; a record without a usable orgId key belongs to no org and is only
 * dead-lettered.
 */
final class SettingsDecoder implements Processor<byte[], byte[], String, Inbound> {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsDecoder.class);

  private final WireSerde<OrgSettings> serde;
  private final DeadLetters deadLetters;
  private ProcessorContext<String, Inbound> context;

  SettingsDecoder(WireSerde<OrgSettings> serde, DeadLetters deadLetters) {
    this.serde = serde;
    this.deadLetters = deadLetters;
  }

  @Override
  public void init(ProcessorContext<String, Inbound> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String orgId = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (!IndexKeys.isUsableOrgId(orgId) || orgId.length() > EventDecoder.MAX_ID_LENGTH) {
      deadLetters.send(
          context, GatekeeperMetrics.ORG_SETTINGS, record, "InvalidOrgSettings", "settings record without a usable orgId key");
      return;
    }
    if (record.value() == null) {
      context.forward(record.withKey(orgId).withValue(Inbound.SettingsIn.deleted(orgId)));
      return;
    }
    String problem;
    String errorClass;
    OrgSettings settings = null;
    try {
      settings = serde.decode(record.value());
      problem = problem(orgId, settings);
      errorClass = "InvalidOrgSettings";
    } catch (SerializationException e) {
      problem = e.getMessage();
      errorClass = e.getClass().getName();
    }
    if (problem == null) {
      context.forward(record.withKey(orgId).withValue(Inbound.SettingsIn.valid(orgId, settings)));
      return;
    }
    LOG.warn(
        "Undecidable settings record at {}: {}; the org is treated as deleted until a valid record arrives",
        context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"),
        problem);
    context.forward(record.withKey(orgId).withValue(Inbound.SettingsIn.invalid(orgId, problem)));
    deadLetters.send(context, GatekeeperMetrics.ORG_SETTINGS, record, errorClass, problem);
  }

  /**
   * What makes decoded settings unusable for the org of the record key, or null: every problem
   * {@link SettingsValidation} finds, the same check the settings tool applies before publishing.
   */
  static String problem(String keyOrgId, OrgSettings s) {
    return SettingsValidation.summary(SettingsValidation.problems(keyOrgId, s));
  }
}
