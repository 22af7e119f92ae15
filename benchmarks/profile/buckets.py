#!/usr/bin/env python3
"""Sorts an async-profiler CPU profile of `gatekeeper bench` into the issue's buckets, in µs per event.

Input: the collapsed stacks of a whole bench run, recorded with the `threads` option (each stack
starts with its thread's name). Only the threads of the chosen gatekeeper passes count: their
stream threads (which also consume and commit) and their producers' network threads, told apart
by the passes' application ids (`bench-gatekeeper-<run>-<format>-<round>-gatekeeper`). The last
warm round is left out by default: its app goes on to the latency and revocation phases.

A stack is put in the bucket of the innermost frame that belongs to one: a frame of the JDK, the
JVM, libc or the kernel belongs to none, so their time goes to the code that called them (a
socket write under the producer is Kafka clients', a HashMap lookup under the gate is glue).

Usage: buckets.py PROFILE.collapsed --events N --rounds 1,2 [--interval-us 1000] [--top 25]
"""
import argparse
import collections
import re
import sys

# (bucket, frame prefixes), checked in order on each frame, innermost first.
BUCKETS = [
    ("RocksDB and store layers", ("org/rocksdb/", "org.rocksdb.", "Java_org_rocksdb", "rocksdb::", "ROCKSDB_NAMESPACE",
                                  "org/apache/kafka/streams/state/", "org.apache.kafka.streams.state.")),
    ("aggregates", ("dev/gatekeeper/aggregate/", "dev.gatekeeper.aggregate.",
                    "dev/gatekeeper/topology/Aggregator", "dev.gatekeeper.topology.Aggregator",
                    "dev/gatekeeper/topology/OrgShares", "dev.gatekeeper.topology.OrgShares",
                    "dev/gatekeeper/topology/PendingBucketChanges", "dev.gatekeeper.topology.PendingBucketChanges",
                    "dev/gatekeeper/topology/AggregateOut", "dev.gatekeeper.topology.AggregateOut",
                    "dev/gatekeeper/state/BucketCountsSerde", "dev.gatekeeper.state.BucketCountsSerde")),
    ("Avro", ("org/apache/avro/", "org.apache.avro.", "dev/gatekeeper/serde/", "dev.gatekeeper.serde.",
              "dev/gatekeeper/schema/", "dev.gatekeeper.schema.")),
    ("de-identification", ("dev/gatekeeper/deid/", "dev.gatekeeper.deid.")),
    ("policy", ("dev/gatekeeper/policy/", "dev.gatekeeper.policy.")),
    ("glue and state codecs", ("dev/gatekeeper/", "dev.gatekeeper.")),
    ("Streams runtime", ("org/apache/kafka/streams/", "org.apache.kafka.streams.")),
    ("Kafka clients", ("org/apache/kafka/", "org.apache.kafka.")),
]
ORDER = ["Kafka clients", "Streams runtime", "RocksDB and store layers", "Avro", "de-identification", "aggregates",
         "glue and state codecs", "policy", "other (JDK, JVM, kernel only)"]


def bucket_of(frames):
    for frame in reversed(frames):
        for name, prefixes in BUCKETS:
            if frame.startswith(prefixes):
                return name
    return ORDER[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("profile")
    ap.add_argument("--events", type=int, required=True, help="events per pass")
    ap.add_argument("--rounds", default="1,2", help="warm rounds to count, comma-separated (default 1,2)")
    ap.add_argument("--format", default="single-object")
    ap.add_argument("--interval-us", type=float, default=1000.0, help="the profile's sampling interval")
    ap.add_argument("--top", type=int, default=0, help="also print the N heaviest leaf frames of the passes")
    args = ap.parse_args()
    rounds = [int(r) for r in args.rounds.split(",")]
    wanted = re.compile(r"-%s-(%s)-gatekeeper-" % (re.escape(args.format), "|".join(str(r) for r in rounds)))
    samples = collections.Counter()
    leaves = collections.Counter()
    marker = collections.Counter()
    threads = set()
    with open(args.profile, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            frames = stack.split(";")
            thread = frames[0]
            if not wanted.search(thread):
                continue
            threads.add(re.sub(r" ?tid=\d+", "", thread))
            n = int(count)
            samples[bucket_of(frames[1:])] += n
            leaves[frames[-1]] += n
            if any("KVException" in fr or "__cxa_throw" in fr for fr in frames):
                marker["RocksDB get() miss via C++ exception"] += n
            if any("StreamThread.maybeCommit" in fr for fr in frames):
                marker["commits (StreamThread.maybeCommit)"] += n
    if not threads:
        sys.exit("no thread of a gatekeeper pass of rounds %s in %s" % (args.rounds, args.profile))
    per_event = args.interval_us / (args.events * len(rounds))
    total = sum(samples.values())
    print("gatekeeper passes of rounds %s (%d threads), %d samples of %.0f µs, %d events each"
          % (args.rounds, len(threads), total, args.interval_us, args.events))
    print("| bucket | µs/event | share |")
    print("|---|---|---|")
    for name in ORDER:
        print("| %s | %.2f | %.0f%% |" % (name, samples[name] * per_event, 100.0 * samples[name] / total))
    print("| **stream and producer threads, total** | **%.2f** | |" % (total * per_event))
    for name, n in marker.items():
        print("| of which: %s | %.2f | %.0f%% |" % (name, n * per_event, 100.0 * n / total))
    if args.top:
        print()
        for frame, n in leaves.most_common(args.top):
            print("%6.3f µs/event  %s" % (n * per_event, frame))


if __name__ == "__main__":
    main()
