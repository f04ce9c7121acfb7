#!/usr/bin/env python3
"""Writes src/test/resources/functional/functional-minimums.json: FunctionalSuiteTest's minimum pass rate per mode
and behaviour on the held-out-by-template suite, one case under what the committed models reached according to
docs/reports/model-quality-modes.json (written by training/train-encoder.sh): for a behaviour with n cases of which
the report counts k passing, the minimum is (k - 1) / n, rounded down to three decimals (0 when k is 0).

Why one case of slack: since the heads 2026.12.06-r8 training embeds every text alone, as the engine does, so the
training-time evaluation and FunctionalSuiteTest score the same vectors on the same machine. But the encoder runs as
int8 ONNX, and a CPU whose int8 kernels differ (another instruction set, another ONNX Runtime build) can move a score
that sits on a threshold across it. With a minimum 0.1 point under the report (the margin until this script changed)
a single such case fails CI though the model did not regress; one case of slack absorbs it, and a regression of two
or more cases in any behaviour and mode still fails. (Until r7, training embedded in padded batches and two points were
needed: balanced mode passed 47.3% of the spelling variants in FunctionalSuiteTest against 48.4% in the report.)

The report's rates are rounded to three decimals; k is recovered as round(rate * n), which is exact while n < 1000
(the rounding error, at most 0.0005, times n stays under half a case).
Run from the repository root after training: python3 training/set_functional_minimums.py"""
import json
import math
import sys

summary = json.load(open("docs/reports/model-quality-modes.json", encoding="utf-8"))
rates = summary["held-out templates"]["passRateByBehaviour"]
out = {}
for mode in ("fast", "accurate", "balanced"):
    out[mode] = {}
    for behaviour, r in sorted(rates.items()):
        n = r["cases"]
        if n >= 1000:
            sys.exit(f"{behaviour} has {n} cases: a rate rounded to three decimals no longer gives the count passed")
        passed = round(r[mode] * n)
        out[mode][behaviour] = max(0.0, math.floor(round((passed - 1) / n * 1000, 6)) / 1000)
with open("src/test/resources/functional/functional-minimums.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(out, indent=1))
