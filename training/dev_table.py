#!/usr/bin/env python3
"""Prints the dev numbers of dev-only training runs (training/train-encoder.sh --dev-only true --out DIR) as rows of
the tables in training/dev-variants.md, from each run's encoder-heads.json manifest; nothing else is read, so no test,
held-out or fresh number can appear. Usage, from the repository root:
  python3 training/dev_table.py target/r11/V0/encoder-heads.json target/r11/V1/encoder-heads.json ...
English: public dev F1 (mean of the six devMeanMacroF1PerSet), then the authored dev diagnostics of the blend (mean pass
over behaviours, identity FP, neutral_identity_hard FP, pass - identity FP, hate, threat_group, spelling variants,
counter-speech), the encoder alone (pass / identity FP / block FP / hate), the public dev rows (set x attribute,
three decimals) where the blend is under fast, and the hate cases passed. Chinese: public dev F1 and rows under fast.
With --balanced (round 18) it prints balanced mode's dev numbers instead: public dev F1, mean pass, identity FP,
neutral_identity_hard FP, hate cases, spelling variants, counter-speech, share of public dev and of all dev texts routed,
and the Chinese balanced public dev F1 with its routed share."""
import json
import sys


def pct(x):
    return "–" if x is None else f"{100 * x:.1f}%"


def public(d):
    attrs = [a for a in d if isinstance(d[a], dict) and "devMeanMacroF1PerSet" in d[a]]
    f1 = sum(d[a]["devMeanMacroF1PerSet"] for a in attrs) / len(attrs)
    rows = [v for a in attrs for s, v in d[a]["devMacroF1PerSet"].items() if s != "authored"]
    under = sum(1 for v in rows if v["accurate"] < v["fast"])
    return f1, under, len(rows)


def authored(en):
    """The authored dev diagnostics of one encoder: (mean pass, identity FP, neutral_identity_hard FP, pass rate by
    behaviour, hate row), each keyed by variant (fast, blend, encoderOnly, balanced)."""
    diag = en["authoredDevDiagnostics"]
    b = diag["passRateByBehaviour"]
    return (diag["meanPassRateOverBehaviours"], diag["identityFalsePositiveRate"],
            diag["identityFalsePositiveRateByBehaviour"]["neutral_identity_hard"], b, b["hate"])


def balanced_row(path, dev):
    """Balanced mode on dev (round 18): public dev F1 as the service routes with every attribute requested, the
    authored dev diagnostics of the balanced verdicts, and the share of public and of all dev texts routed."""
    en = dev["bge-small-en-v1.5-q"]
    attrs = [a for a in en if isinstance(en[a], dict) and "balancedDevMeanMacroF1PerSet" in en[a]]
    f1 = sum(en[a]["balancedDevMeanMacroF1PerSet"] for a in attrs) / len(attrs)
    passed, fp, block, b, hate = authored(en)
    cells = [f"{f1:.4f}", pct(passed["balanced"]), pct(fp["balanced"]), pct(block["balanced"]),
             f"{round(hate['balanced'] * hate['cases'])} of {hate['cases']}", pct(b["spelling_variant"]["balanced"]),
             pct(b["counter_speech"]["balanced"]), pct(en["balancedRoutedShareOfPublicDev"]),
             pct(en["balancedRoutedShareOfDev"])]
    zh = dev.get("bge-small-zh-v1.5-q")
    if zh:
        zattrs = [a for a in zh if isinstance(zh[a], dict) and "balancedDevMeanMacroF1PerSet" in zh[a]]
        zf1 = sum(zh[a]["balancedDevMeanMacroF1PerSet"] for a in zattrs) / len(zattrs)
        cells.append(f"{zf1:.4f} ({pct(zh['balancedRoutedShareOfPublicDev'])} routed)")
    else:
        cells.append("– (not trained)")
    print(f"| {path} | " + " | ".join(cells) + " |")


balanced = "--balanced" in sys.argv[1:]
for path in [a for a in sys.argv[1:] if a != "--balanced"]:
    dev = json.load(open(path, encoding="utf-8"))["manifest"]["dev"]
    if balanced:
        balanced_row(path, dev)
        continue
    # The English encoder: bge-small-en, or round 16's candidate in that round's runs (commit 1f9c2f0).
    en = dev.get("bge-small-en-v1.5-q") or dev["all-minilm-l6-v2-q"]
    f1, under, n = public(en)
    passed, fp, block, b, hate = authored(en)
    cells = [f"{f1:.4f}", pct(passed["blend"]), pct(fp["blend"]), pct(block["blend"]),
             f"{passed['blend'] - fp['blend']:.3f}", pct(hate["blend"]), pct(b["threat_group"]["blend"]),
             pct(b["spelling_variant"]["blend"]), pct(b["counter_speech"]["blend"]),
             " / ".join([pct(passed["encoderOnly"]), pct(fp["encoderOnly"]), pct(block["encoderOnly"]),
                         pct(hate["encoderOnly"])]),
             f"{under} of {n}", f"{round(hate['blend'] * hate['cases'])} of {hate['cases']}"]
    if "bge-small-zh-v1.5-q" in dev:
        zf1, zunder, zn = public(dev["bge-small-zh-v1.5-q"])
        cells.append(f"{zf1:.4f} ({zunder} of {zn} under fast)")
    else:
        cells.append("– (not trained)")
    print(f"| {path} | " + " | ".join(cells) + " |")
