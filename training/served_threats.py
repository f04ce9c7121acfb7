#!/usr/bin/env python3
"""Round 49's served dev measure (training/dev-variants.md): how many English threats to a person and harmless
violent-word messages of a dev file each set of encoder heads flags, as the service flags them (`score --mode accurate
--heads FILE`, language detected as the service does, the heads' own thresholds). For each NAME=HEADS.json it prints
the threat_person rows flagged on any attribute, on TOXICITY and on THREAT, the non_threat rows flagged on any
attribute, and the share of non_threat rows whose stated labels all agree with the flags (their pass rate). A name with
no file (committed=) scores with the jar's committed heads. Dev only: never run it on a test split or an unseen set.
From the repository root, after building the production jar:
  python3 training/served_threats.py [--jar FILE] [--dev FILE] NAME=HEADS.json [...]"""
import os
import sys

from short_texts import ATTRIBUTES, WORK, find_jar, options_and_pairs, passes, read_tsv, score, stated

DEV = "training/contrastive/dev-encoder-round40.tsv"
USAGE = "usage: served_threats.py [--jar FILE] [--dev FILE] NAME=HEADS.json [NAME=HEADS.json ...]"


def arguments(args):
    given, heads = options_and_pairs(args, ("--jar", "--dev"), USAGE, "HEADS.json", "heads")
    dev = given.get("--dev", DEV)
    if not os.path.isfile(dev):
        sys.exit(f"--dev {dev}: no such file")
    return find_jar(given.get("--jar")), dev, heads


def count(flags, pick):
    return sum(1 for f in flags if pick(f))


def main():
    jar, dev, heads = arguments(sys.argv[1:])
    os.makedirs(WORK, exist_ok=True)
    rows = [r for r in read_tsv(dev) if r["lang"] == "en" and r["behaviour"] in ("threat_person", "non_threat")]
    threats = [r for r in rows if r["behaviour"] == "threat_person"]
    harmless = [r for r in rows if r["behaviour"] == "non_threat"]
    print(f"{dev}: {len(threats)} English threat_person rows, {len(harmless)} non_threat rows")
    print("| heads | threats flagged, any attribute | on TOXICITY | on THREAT | non-threats flagged, any attribute |"
          " non_threat pass |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, path in heads:
        extra = ["--mode", "accurate"] + (["--heads", path] if path else [])
        t = score(jar, None, f"served-{name}-threats", [r["text"] for r in threats], extra)
        h = score(jar, None, f"served-{name}-harmless", [r["text"] for r in harmless], extra)
        passed = sum(1 for r, f in zip(harmless, h)
                     if passes({a: stated(r[a]) for a in ATTRIBUTES if a in r}, f))
        cells = [f"{count(t, lambda f: any(f.values()))} of {len(t)}",
                 f"{count(t, lambda f: f.get('TOXICITY'))}", f"{count(t, lambda f: f.get('THREAT'))}",
                 f"{count(h, lambda f: any(f.values()))} of {len(h)}",
                 f"{100 * passed / max(len(h), 1):.1f}%"]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
