package dev.gatekeeper.bench;

import dev.gatekeeper.demo.Workload;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.serde.WireSerde;
import dev.gatekeeper.topology.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The benchmark's input, generated and encoded once so every phase reads the same records. */
final class BenchInput {
  final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
  final long events;
  final long bytes;

  /** The same events for every catalog (seeded workload), encoded with the catalog's serdes. */
  BenchInput(long events, int orgs, TopicCatalog catalog) {
    WireSerde<DataEvent> eventSerde = catalog.serdes().dataEvent;
    WireSerde<OrgSettings> settingsSerde = catalog.serdes().orgSettings;
    String eventsTopic = catalog.dataEvents().get(0).name();
    String settingsTopic = catalog.orgSettings().name();
    Workload w = new Workload(42L, orgs, 0.002, System::currentTimeMillis);
    long n = 0;
    long size = 0;
    while (n < events) {
      Workload.Item item = w.next();
      byte[] key = item.orgId().getBytes(StandardCharsets.UTF_8);
      byte[] value = item.settings() ? settingsSerde.encode(settingsTopic, item.orgSettings()) : eventSerde.encode(eventsTopic, item.event());
      records.add(new ProducerRecord<>(item.settings() ? settingsTopic : eventsTopic, null, item.timestamp(), key, value));
      size += key.length + (value == null ? 0 : value.length);
      if (!item.settings()) {
        n++;
      }
    }
    this.events = n;
    this.bytes = size;
  }
}
