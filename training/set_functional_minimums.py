#!/usr/bin/env python3
"""Writes src/test/resources/functional/functional-minimums.json: FunctionalSuiteTest's minimum pass rate per mode
and behaviour on the held-out-by-template suite, one tenth of a point under what the committed models reached according
to docs/reports/model-quality-modes.json (written by training/train-encoder.sh), so a regression fails CI. The margin
only absorbs the report's rounding to three decimals: since the heads 2026.12.06-r8 training embeds every text alone,
as the engine does, the training-time evaluation and FunctionalSuiteTest score the same vectors, and with r8 the test
passed these minimums, i.e. no behaviour lost a single case against the report (until r7 training embedded in padded
batches, and two points were needed: balanced mode passed 47.3% of the spelling variants in FunctionalSuiteTest
against 48.4% in the report).
Run from the repository root after training: python3 training/set_functional_minimums.py"""
import json
import math

summary = json.load(open("docs/reports/model-quality-modes.json", encoding="utf-8"))
rates = summary["held-out templates"]["passRateByBehaviour"]
out = {}
for mode in ("fast", "accurate", "balanced"):
    out[mode] = {b: max(0.0, math.floor(round((r[mode] - 0.001) * 1000, 6)) / 1000) for b, r in sorted(rates.items())}
with open("src/test/resources/functional/functional-minimums.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(out, indent=1))
