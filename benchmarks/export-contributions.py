#!/usr/bin/env python3
"""Contributions for the export's memory figure, as `gatekeeper produce --topic contributions -` reads them.

Usage: python3 benchmarks/export-contributions.py N | ./gatekeeper produce --bootstrap-server HOST:PORT --topic contributions -

N distinct keys (hex digests, so they arrive in no particular order and the export has to sort
them), each with about 450 characters of text from a fixed vocabulary; seeded, so every run
produces the same records.
"""
import hashlib
import json
import random
import sys

n = int(sys.argv[1])
random.seed(1)
words = [''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(random.randint(2, 10))) for _ in range(5000)]
apps = ["jira", "confluence", "slack", "github"]
out = sys.stdout
for i in range(n):
    key = hashlib.sha256(str(i).encode()).hexdigest()[:32]
    value = {"contributionId": key, "orgToken": "org-%04d" % (i % 1000), "actorToken": "actor-%06d" % (i % 100000),
             "containerToken": None, "app": apps[i % 4], "dataType": "IN_APP" if i % 3 else "METADATA",
             "occurredAt": "2026-11-%02dT%02d:00:00Z" % (1 + i % 28, i % 24), "attributes": {"lang": "en", "kind": "comment"},
             "text": ' '.join(random.choices(words, k=70)), "region": None, "policyVersion": "v%d" % (1 + i % 3)}
    out.write(json.dumps({"key": key, "value": value}) + "\n")
