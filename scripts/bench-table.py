#!/usr/bin/env python3
"""Median and 95th percentile (nearest rank) of each criterion benchmark's
samples, in milliseconds: `scripts/bench-table.py <target>/criterion`."""
import json, math, os, sys

root = sys.argv[1] if len(sys.argv) > 1 else "target/criterion"
rows = []
for group in sorted(os.listdir(root)):
    gdir = os.path.join(root, group)
    if not os.path.isdir(gdir) or group == "report":
        continue
    for bench in sorted(os.listdir(gdir)):
        sample = os.path.join(gdir, bench, "new", "sample.json")
        if not os.path.exists(sample):
            continue
        data = json.load(open(sample))
        per = sorted(t / i / 1e6 for t, i in zip(data["times"], data["iters"]))
        median = per[len(per) // 2] if len(per) % 2 else (per[len(per) // 2 - 1] + per[len(per) // 2]) / 2
        p95 = per[max(0, math.ceil(0.95 * len(per)) - 1)]
        rows.append((f"{group}/{bench}", median, p95))
width = max(len(r[0]) for r in rows)
for name, median, p95 in rows:
    print(f"{name:<{width}}  {median:9.3f}  {p95:9.3f}")
