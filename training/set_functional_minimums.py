#!/usr/bin/env python3
"""Writes src/test/resources/functional/functional-minimums.json: FunctionalSuiteTest's minimum pass rate per mode
and behaviour on the held-out-by-template suite, two points under what the committed models reached according to
docs/reports/model-quality-modes.json (written by training/train-encoder.sh), so a regression fails CI while small
differences between the training-time evaluation and the engine at run time do not (one point was too little for the
heads 2026.12.06-r7: balanced mode passed 47.3% of the spelling variants in FunctionalSuiteTest against 48.4% in the
report, two cases).
Run from the repository root after training: python3 training/set_functional_minimums.py"""
import json
import math

summary = json.load(open("docs/reports/model-quality-modes.json", encoding="utf-8"))
rates = summary["held-out templates"]["passRateByBehaviour"]
out = {}
for mode in ("fast", "accurate", "balanced"):
    out[mode] = {b: max(0.0, math.floor((r[mode] - 0.02) * 1000) / 1000) for b, r in sorted(rates.items())}
with open("src/test/resources/functional/functional-minimums.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(out, indent=1))
