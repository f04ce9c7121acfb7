#!/usr/bin/env python3
"""Scores the unseen identity check set once per mode (fast, accurate, balanced) with the product's own `score`
command and writes docs/reports/unseen-identity.md. "Flagged" is the service's own per-attribute "flagged" field
(each engine's committed threshold); nothing is re-thresholded here. Run from the repository root after building the
production jar:
  python3 training/unseen/score.py [--jar target/safespeak-0.1.0-SNAPSHOT.jar]
A later set names itself and its own report:
  python3 training/unseen/score.py --set training/unseen/unseen-2026-12-06b.tsv --report docs/reports/unseen-2026-12-06b.md
The set is a one-time check (see training/unseen/README.md): do not tune anything on what this prints."""
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile

from unseen_set import chinese, read_set

SET = "training/unseen/identity-2026-12-06.tsv"
REPORT = "docs/reports/unseen-identity.md"
HEADS = "src/main/resources/models/default/encoder-heads.json"
JAR_HEADS = "BOOT-INF/classes/models/default/encoder-heads.json"
MODES = ("fast", "accurate", "balanced")
HATE_ATTRS = ("IDENTITY_ATTACK", "TOXICITY")


USAGE = "usage: score.py [--jar FILE] [--set SET.tsv --report REPORT.md]"


def arguments():
    """(jar, set, report) from the command line: --jar defaults to the one target/safespeak-*.jar; --set and --report
    come together (a later set must not overwrite an earlier set's report) and default to the first set and its
    report."""
    args = sys.argv[1:]
    given = {}
    i = 0
    while i < len(args):
        if args[i] not in ("--jar", "--set", "--report") or i + 1 >= len(args) or args[i] in given:
            sys.exit(f"{USAGE}, not {' '.join(args)}")
        given[args[i]] = args[i + 1]
        i += 2
    if ("--set" in given) != ("--report" in given):
        sys.exit(f"--set and --report go together: {USAGE}")
    if "--jar" in given:
        jar = given["--jar"]
        if not os.path.isfile(jar):
            sys.exit(f"--jar {jar}: no such file")
    else:
        jars = glob.glob("target/safespeak-*.jar")
        if len(jars) != 1:
            sys.exit(f"expected one target/safespeak-*.jar, found {len(jars)}; build it or pass --jar")
        jar = jars[0]
    return jar, given.get("--set", SET), given.get("--report", REPORT)


def score(jar, rows, mode, work):
    src = os.path.join(work, "in.jsonl")
    out = os.path.join(work, f"out-{mode}.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "text": r["text"]}) + "\n")
    cmd = ["java", "-jar", jar, "score", "--in", src, "--out", out, "--mode", mode, "--threads", "1"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True)
    except FileNotFoundError:
        sys.exit("java is not on the PATH")
    if done.returncode != 0:
        sys.exit(f"score --mode {mode} exited {done.returncode}: {done.stderr.strip()[-800:]}")
    if not os.path.isfile(out):
        sys.exit(f"score --mode {mode} exited 0 but wrote no output file")
    scored = {}
    with open(out, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                o = json.loads(line)
            except json.JSONDecodeError:
                o = None
            if not isinstance(o, dict):
                sys.exit(f"score --mode {mode} output line {n} is not a JSON object: {line.strip()[:200]}")
            missing = [k for k in ("id", "flagged", "modelVersion", "engine") if k not in o]
            if missing or not isinstance(o["flagged"], dict):
                sys.exit(f"score --mode {mode} output line {n} has no {', '.join(missing) or 'flagged object'}")
            scored[o["id"]] = o
    missing = [r["id"] for r in rows if r["id"] not in scored]
    if missing:
        sys.exit(f"score --mode {mode} returned no result for {missing}")
    return scored


def git_commit():
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    except FileNotFoundError:
        return "unknown (no git on the PATH)"
    commit = done.stdout.strip()
    if not commit:
        return "unknown (not a git checkout)"
    # A report made with uncommitted changes says so: the commit alone would not reproduce it.
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True)
    return commit + (" with uncommitted changes" if dirty.stdout.strip() else "")


def scored_heads(jar):
    """(version, where it was read) of the encoder heads the jar scores with: the file inside the jar, so a jar built
    from another commit is named by its own heads; the committed file when the jar is not a zip or holds none."""
    try:
        with zipfile.ZipFile(jar) as z, z.open(JAR_HEADS) as f:
            return json.load(f)["version"], f"`{JAR_HEADS}` in {jar}"
    except (zipfile.BadZipFile, KeyError, OSError):
        with open(HEADS, encoding="utf-8") as f:
            return json.load(f)["version"], f"the committed `{HEADS}`"


def language(rows):
    """The sets' language as the report names it: Chinese when most texts hold a CJK ideograph (the sixth set), else
    English (every earlier set)."""
    return "Chinese" if sum(1 for r in rows if chinese(r["text"])) * 2 > len(rows) else "English"


def flagged_names(result):
    """The attributes one result flags, as the report lists them."""
    return ", ".join(a for a, v in result["flagged"].items() if v)


def pct(n, d):
    return f"{100 * n / d:.1f}% ({n} of {d})"


def main():
    jar, set_path, report = arguments()
    rows = read_set(set_path)
    for label in ("neutral", "hate"):
        if not any(r["label"] == label for r in rows):
            sys.exit(f"{set_path}: no {label} rows; the report needs both labels")
    commit = git_commit()
    heads_version, heads_source = scored_heads(jar)
    neutral = [r for r in rows if r["label"] == "neutral"]
    hate = [r for r in rows if r["label"] == "hate"]
    threat = [r for r in rows if r["label"] == "threat"]
    nonthreat = [r for r in rows if r["label"] == "nonthreat"]
    results = {}
    with tempfile.TemporaryDirectory() as work:
        for mode in MODES:
            results[mode] = score(jar, rows, mode, work)
    attrs = list(next(iter(results["fast"].values()))["flagged"])
    if threat and "THREAT" not in attrs:
        sys.exit(f"{set_path} has threat rows but mode fast's results flag no THREAT (they flag {', '.join(attrs)})")
    for mode in MODES:
        for r in rows:
            absent = [a for a in attrs if a not in results[mode][r["id"]]["flagged"]]
            if absent:
                sys.exit(f"score --mode {mode} result for {r['id']} has no flagged {', '.join(absent)} "
                         f"(mode fast's results flag {', '.join(attrs)})")
    model_version = sorted({o["modelVersion"] for res in results.values() for o in res.values()})
    lines = [
        "# Unseen identity check (2026-12-06)" if set_path == SET else f"# Unseen identity check ({set_path})",
        "",
        f"A one-time check of {len(neutral)} neutral and {len(hate)} hateful {language(rows)} sentences that mention "
        "identity groups"
        + (f", and {len(threat)} threat{'' if len(threat) == 1 else 's'} to a person and {len(nonthreat)} "
           f"non-threat{'' if len(nonthreat) == 1 else 's'} (violent words that threaten no one)"
           if threat or nonthreat else "")
        + ", written by hand for this check and never used for training, selection or thresholds "
        "([training/unseen/README.md](../../training/unseen/README.md)). Flagged means the response's own `flagged` "
        "field for an attribute (each engine's committed threshold).",
        "",
        f"- working tree at commit `{commit}` (the jar may have been built from another one), n-gram model "
        f"{', '.join(model_version)}, encoder heads {heads_version} ({heads_source})",
        f"- command: `python3 training/unseen/score.py"
        + ("" if "--jar" not in sys.argv[1:] else f" --jar {jar}")
        + ("" if set_path == SET else f" --set {set_path} --report {report}")
        + f"` (runs `java -jar {jar} score --in SET.jsonl --out OUT.jsonl "
        "--mode MODE --threads 1` for each mode)",
        "",
        "| mode | neutral flagged on any attribute | hate flagged on IDENTITY_ATTACK or TOXICITY |",
        "|---|---|---|",
    ]
    per_attr = {}
    misses = {}
    false_pos = {}
    for mode in MODES:
        res = results[mode]
        fp = [r for r in neutral if any(res[r["id"]]["flagged"].values())]
        caught = [r for r in hate if any(res[r["id"]]["flagged"].get(a) for a in HATE_ATTRS)]
        lines.append(f"| {mode} | {pct(len(fp), len(neutral))} | {pct(len(caught), len(hate))} |")
        per_attr[mode] = {a: sum(res[r["id"]]["flagged"][a] for r in neutral) for a in attrs}
        false_pos[mode] = fp
        misses[mode] = [r for r in hate if r not in caught]
    threat_misses, nonthreat_flagged = {}, {}
    if threat or nonthreat:
        lines += ["", "| mode | threats to a person flagged on THREAT | threats flagged on any attribute | "
                  "non-threats flagged on any attribute |", "|---|---|---|---|"]
        for mode in MODES:
            res = results[mode]
            threat_misses[mode] = [r for r in threat if not res[r["id"]]["flagged"].get("THREAT")]
            nonthreat_flagged[mode] = [r for r in nonthreat if any(res[r["id"]]["flagged"].values())]
            caught = len(threat) - len(threat_misses[mode])
            anything = sum(1 for r in threat if any(res[r["id"]]["flagged"].values()))
            lines.append(f"| {mode} | {pct(caught, len(threat)) if threat else '–'} | "
                         f"{pct(anything, len(threat)) if threat else '–'} | "
                         f"{pct(len(nonthreat_flagged[mode]), len(nonthreat)) if nonthreat else '–'} |")
    lines += ["", "Neutral sentences flagged, per attribute:", "",
              "| mode | " + " | ".join(attrs) + " |", "|---|" + "---|" * len(attrs)]
    for mode in MODES:
        lines.append(f"| {mode} | " + " | ".join(str(per_attr[mode][a]) for a in attrs) + " |")
    lines += ["", "Engines that scored the texts:", ""]
    for mode in MODES:
        engines = {}
        for o in results[mode].values():
            engines[o["engine"]] = engines.get(o["engine"], 0) + 1
        lines.append(f"- {mode}: " + ", ".join(f"{e} {n}" for e, n in sorted(engines.items())))
    for mode in MODES:
        lines += ["", f"## {mode}: neutral sentences flagged ({len(false_pos[mode])})", ""]
        lines += [f"- {r['id']} ({r['group']}; " + flagged_names(results[mode][r['id']])
                  + f"): {r['text']}" for r in false_pos[mode]] or ["none"]
        lines += ["", f"## {mode}: hateful sentences missed ({len(misses[mode])})", ""]
        lines += [f"- {r['id']} ({r['group']}): {r['text']}" for r in misses[mode]] or ["none"]
        if threat:
            lines += ["", f"## {mode}: threats to a person not flagged on THREAT ({len(threat_misses[mode])})", ""]
            lines += [f"- {r['id']} ({flagged_names(results[mode][r['id']]) or 'nothing flagged'}): {r['text']}"
                      for r in threat_misses[mode]] or ["none"]
        if nonthreat:
            lines += ["", f"## {mode}: non-threats flagged ({len(nonthreat_flagged[mode])})", ""]
            lines += [f"- {r['id']} ({flagged_names(results[mode][r['id']])}): {r['text']}"
                      for r in nonthreat_flagged[mode]] or ["none"]
    with open(report, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines[:lines.index("Neutral sentences flagged, per attribute:") - 1]))


if __name__ == "__main__":
    main()
