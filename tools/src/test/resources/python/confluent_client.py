#!/usr/bin/env python3
"""A third-party client of the gatekeeper's topics: confluent-kafka with Avro through a registry.

    confluent_client.py produce --bootstrap-server B --registry-url U --topic T \
        --schema DataEvent.avsc --events events.jsonl
    confluent_client.py consume --bootstrap-server B --registry-url U --topic T

`produce` sends each line of --events (a DataEvent as plain JSON, the replay format's shape:
enums as strings, timestamps as ISO-8601, optional fields bare or omitted) keyed by its orgId,
with the record timestamp set to its occurredAt, framed in the Confluent wire format under the
subject <topic>-value (registered if new). `consume` reads the topic from the beginning with
isolation.level=read_committed until every partition is at its end, decoding every value
through the registry; a null value is a tombstone (the contribution was revoked).

Standard output is JSON Lines, one object per delivered or consumed record and a closing
{"summary": ...}. No payload text is printed anywhere: free text and attribute values appear
only as SHA-256 digests, and errors name their class (plus the message of Kafka and registry
errors, which carry no record content).

Serialization: confluent_kafka.schema_registry.avro (AvroSerializer, AvroDeserializer) needs
fastavro, which Debian does not package; without it the same SerializingProducer and
DeserializingConsumer use the client's legacy confluent_kafka.avro serializer (the avro
package). The summary's "serde" says which ran.
"""
import argparse
import hashlib
import json
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka import DeserializingConsumer, SerializingProducer
from confluent_kafka.error import ConsumeError
from confluent_kafka.serialization import StringDeserializer, StringSerializer

try:
    from confluent_kafka.schema_registry import SchemaRegistryClient
    from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
    SERDE = "confluent_kafka.schema_registry.avro"
except ImportError:  # fastavro missing: Debian's python3-confluent-kafka
    from confluent_kafka.avro import CachedSchemaRegistryClient, MessageSerializer
    from confluent_kafka.avro import loads as avro_loads
    SERDE = "confluent_kafka.avro"

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def out(obj):
    print(json.dumps(obj, sort_keys=True), flush=True)


def millis(value):
    """Epoch millis of a decoded timestamp-millis (a datetime in both Avro libraries)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return (value - EPOCH) // timedelta(milliseconds=1)
    return value


def sha256(text):
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def attributes_digest(attributes):
    """SHA-256 of the attributes as sorted "name=value" lines (the IT computes the same)."""
    return sha256("\n".join(f"{k}={attributes[k]}" for k in sorted(attributes)))


class LegacyAvroSerializer:
    """A value serializer for SerializingProducer over the legacy confluent_kafka.avro API."""

    def __init__(self, url, schema_str):
        self._serializer = MessageSerializer(CachedSchemaRegistryClient({"url": url}))
        self._schema = avro_loads(schema_str)

    def __call__(self, obj, ctx):
        if obj is None:
            return None
        return self._serializer.encode_record_with_schema(ctx.topic, self._schema, obj, is_key=False)


class LegacyAvroDeserializer:
    """A value deserializer for DeserializingConsumer over the legacy confluent_kafka.avro API."""

    def __init__(self, url):
        self._serializer = MessageSerializer(CachedSchemaRegistryClient({"url": url}))

    def __call__(self, value, ctx):
        return self._serializer.decode_message(value, is_key=False)


def value_serializer(url, schema_str):
    if SERDE == "confluent_kafka.avro":
        return LegacyAvroSerializer(url, schema_str)
    return AvroSerializer(schema_registry_client=SchemaRegistryClient({"url": url}), schema_str=schema_str,
                          conf={"auto.register.schemas": True})


def value_deserializer(url):
    if SERDE == "confluent_kafka.avro":
        return LegacyAvroDeserializer(url)
    return AvroDeserializer(schema_registry_client=SchemaRegistryClient({"url": url}))


def with_defaults(record, schema):
    """The record with Avro values: omitted fields take their defaults, timestamps become datetimes."""
    result = dict(record)
    for field in schema["fields"]:
        name, ftype = field["name"], field["type"]
        if name not in result and "default" in field:
            result[name] = field["default"]
        if isinstance(ftype, dict) and ftype.get("logicalType") == "timestamp-millis" and isinstance(result.get(name), str):
            result[name] = datetime.fromisoformat(result[name].replace("Z", "+00:00"))
    return result


def produce(args):
    with open(args.schema, encoding="utf-8") as f:
        schema_str = f.read()
    schema = json.loads(schema_str)
    producer = SerializingProducer({
        "bootstrap.servers": args.bootstrap_server,
        "enable.idempotence": True,
        "acks": "all",
        # librdkafka's default partitioner hashes keys with CRC32, Java clients with murmur2: the
        # gatekeeper expects an event in the partition of its org's settings, as Java puts it.
        "partitioner": args.partitioner,
        "key.serializer": StringSerializer("utf_8"),
        "value.serializer": value_serializer(args.registry_url, schema_str),
    })
    delivered, failed = [], []

    def on_delivery(err, msg, event_id):
        if err is not None:
            failed.append(event_id)
            out({"failed": event_id, "error": err.name()})
        else:
            delivered.append(event_id)
            out({"delivered": event_id, "partition": msg.partition(), "offset": msg.offset()})

    sent = 0
    with open(args.events, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            event = with_defaults(json.loads(line), schema)
            event_id = event["eventId"]
            producer.produce(topic=args.topic, key=event["orgId"], value=event,
                             timestamp=millis(event["occurredAt"]),
                             on_delivery=lambda err, msg, event_id=event_id: on_delivery(err, msg, event_id))
            producer.poll(0)
            sent += 1
    remaining = producer.flush(args.timeout)
    out({"summary": "produce", "serde": SERDE, "sent": sent, "delivered": len(delivered),
         "failed": len(failed), "undelivered": remaining})
    return 0 if len(delivered) == sent else 1


def consume(args):
    assigned = set()
    at_end = set()

    def on_assign(consumer, partitions):
        assigned.update(p.partition for p in partitions)

    consumer = DeserializingConsumer({
        "bootstrap.servers": args.bootstrap_server,
        "group.id": args.group or "confluent-client-" + uuid.uuid4().hex[:8],
        "isolation.level": "read_committed",
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "enable.partition.eof": True,
        "key.deserializer": StringDeserializer("utf_8"),
        "value.deserializer": value_deserializer(args.registry_url),
    })
    consumer.subscribe([args.topic], on_assign=on_assign)
    records = tombstones = errors = 0
    deadline = time.monotonic() + args.timeout
    try:
        while not (assigned and at_end >= assigned):
            if time.monotonic() > deadline:
                out({"summary": "consume", "serde": SERDE, "records": records, "tombstones": tombstones,
                     "errors": errors, "timedOut": True})
                return 1
            try:
                msg = consumer.poll(1.0)
            except ConsumeError as e:
                if e.code == KafkaError._PARTITION_EOF:
                    at_end.add(e.kafka_message.partition())
                    continue
                errors += 1
                m = e.kafka_message
                out({"error": type(e.exception or e).__name__, "partition": m.partition() if m else None,
                     "offset": m.offset() if m else None})
                continue
            if msg is None:
                continue
            at_end.discard(msg.partition())
            records += 1
            c = msg.value()
            row = {"key": msg.key(), "partition": msg.partition(), "offset": msg.offset(), "tombstone": c is None}
            if c is None:
                tombstones += 1
            else:
                row.update({
                    "contributionId": c["contributionId"], "orgToken": c["orgToken"],
                    "actorToken": c["actorToken"], "containerToken": c["containerToken"],
                    "app": c["app"], "dataType": c["dataType"], "occurredAt": millis(c["occurredAt"]),
                    "region": c["region"], "policyVersion": c["policyVersion"],
                    "textSha256": sha256(c["text"]), "attributesSha256": attributes_digest(c["attributes"]),
                })
            out(row)
    finally:
        consumer.close()
    out({"summary": "consume", "serde": SERDE, "records": records, "tombstones": tombstones,
         "errors": errors, "partitions": len(assigned), "timedOut": False})
    return 0 if errors == 0 else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["produce", "consume"])
    parser.add_argument("--bootstrap-server", required=True)
    parser.add_argument("--registry-url", required=True, help="the registry's Confluent API root")
    parser.add_argument("--topic", required=True)
    parser.add_argument("--schema", help="produce: the DataEvent schema (.avsc)")
    parser.add_argument("--events", help="produce: DataEvents as JSON Lines")
    parser.add_argument("--partitioner", default="murmur2_random",
                        help="produce: librdkafka partitioner (default: the Java clients' murmur2)")
    parser.add_argument("--group", help="consume: consumer group id (default: a fresh one)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to flush or to reach the end")
    args = parser.parse_args()
    try:
        if args.command == "produce":
            if not args.schema or not args.events:
                parser.error("produce needs --schema and --events")
            return produce(args)
        return consume(args)
    except Exception as e:
        print(f"confluent_client: {args.command} failed: {describe(e)}", file=sys.stderr)
    return 2


def describe(e):
    """What went wrong, without record content: a serialization error's message may quote the
    record, so only Kafka and registry errors (which carry none) keep their message."""
    inner = getattr(e, "exception", None) or e
    name = f"{type(inner).__module__}.{type(inner).__name__}"
    if isinstance(inner, KafkaException) and inner.args:
        return f"{name} {inner.args[0].name()}"
    if type(inner).__name__ in ("SchemaRegistryError", "ClientError"):
        return f"{name}: {inner}"
    return name


if __name__ == "__main__":
    sys.exit(main())
