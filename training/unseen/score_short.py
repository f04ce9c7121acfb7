#!/usr/bin/env python3
"""The short-message check set (training/unseen/short-2026-12-06h.tsv; columns id, language, label neutral|abusive,
text): checks it against every authored row, then scores it once with model pairs.

  python3 training/unseen/score_short.py --check SET
      prints the ids of the set's messages that come close to an authored training, dev, held-out or fresh row (the
      same text once lower-cased and stripped of punctuation and emoji, or word sets with a Jaccard overlap of at
      least 0.5; for zh and ko, sets of adjacent character pairs), with the overlap and the file, never the row
      itself; exit status 1 when any does
  python3 training/unseen/score_short.py --set SET --report REPORT.md [--jar FILE] [--thresholds A=x,B=y,...]
          [--attribute ATTRIBUTE] NAME=MODEL.bin[,HEADS.json] ...
      scores the set in modes fast and accurate with each pair (the jar's committed model and heads where a file is
      not given: NAME=) and writes the report: neutral messages flagged on any attribute, abusive ones flagged on any
      attribute, per language and overall; with --thresholds each pair is scored once more with those flag
      thresholds (the score command's --thresholds); with --attribute (e.g. THREAT, for the threat set
      threats-2026-12-07j.tsv) a message counts as flagged only when that attribute is flagged

The set is a one-time check (training/unseen/README.md): do not tune anything on what this prints."""
import csv
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import short_texts  # noqa: E402

COLUMNS = ("id", "language", "label", "text")
LABELS = ("neutral", "abusive")
AUTHORED = sorted(glob.glob("training/contrastive/*.tsv")) + ["src/test/resources/functional/heldout.tsv",
                                                              "src/test/resources/functional/fresh.tsv"]
CLOSE = 0.5
MODES = ("fast", "accurate")


def read_set(path):
    """The set's rows; exits naming the file and line when it is missing or malformed."""
    if not os.path.isfile(path):
        sys.exit(f"{path}: no such file")
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t")
        header = next(reader, None)
        if header is None or tuple(header) != COLUMNS:
            sys.exit(f"{path}: the header must be {' '.join(COLUMNS)}, not {header}")
        rows, ids = [], set()
        for fields in reader:
            if not fields:
                continue
            if len(fields) != len(COLUMNS):
                sys.exit(f"{path} line {reader.line_num}: {len(fields)} fields, expected {len(COLUMNS)}")
            row = dict(zip(COLUMNS, fields))
            if row["label"] not in LABELS or not row["text"].strip() or row["id"] in ids:
                sys.exit(f"{path} line {reader.line_num}: label must be neutral or abusive, the text not empty and "
                         f"the id new (got {row['label']!r}, id {row['id']!r})")
            ids.add(row["id"])
            rows.append(row)
    return rows


def units(text, language):
    """What two texts are compared by: word sets, or character pairs for zh and ko."""
    t = text.lower()
    if language in short_texts.NO_SPACES:
        chars = re.sub(r"\W+", "", t)
        return frozenset(chars[i:i + 2] for i in range(len(chars) - 1)) or frozenset(chars)
    return frozenset(re.findall(r"\w+", t))


def close_rows(rows):
    """Id -> (overlap, file) for the rows that come close to an authored row (see --check)."""
    authored = []
    for file in AUTHORED:
        if not os.path.isfile(file):
            sys.exit(f"{file}: no such file; run from the repository root")
        with open(file, encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                if "text" not in r:
                    break  # counts.tsv: no sentences
                authored.append((file, units(r["text"], r.get("lang") or "")))
    close = {}
    for row in rows:
        mine = units(row["text"], row["language"])
        best = (0.0, "")
        for file, theirs in authored:
            if mine and theirs:
                best = max(best, (len(mine & theirs) / len(mine | theirs), file))
        if best[0] >= CLOSE:
            close[row["id"]] = best
    return close


def check(path):
    rows = read_set(path)
    close = close_rows(rows)
    for row_id, (overlap, file) in close.items():
        print(f"{row_id}\t{overlap:.2f}\t{file}")
    print(f"{len(close)} of {len(rows)} at or above {CLOSE}", file=sys.stderr)
    return 1 if close else 0


def commit():
    """The working tree's commit, or "unknown" outside a git checkout."""
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if not done.stdout.strip():
        return "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True)
    return done.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")


def pct(n, d):
    return f"{100 * n / d:.1f}% ({n} of {d})" if d else "–"


def report(path, out, jar, pairs, thresholds=None, attribute=None):
    rows = read_set(path)
    close = close_rows(rows)
    texts = [r["text"] for r in rows]
    languages = sorted({r["language"] for r in rows})
    flagged_on = f"flagged on {attribute}" if attribute else "flagged on any attribute"
    kind = "Threat" if attribute == "THREAT" else "Identity" if "identity" in os.path.basename(path) else "Short-message"
    lines = [f"# {kind} check ({path})", "",
             f"A one-time check of {sum(r['label'] == 'neutral' for r in rows)} harmless and "
             f"{sum(r['label'] == 'abusive' for r in rows)} abusive messages in {len(languages)} "
             "languages, written by hand for this check and never used for training, selection or thresholds "
             "([training/unseen/README.md](../../training/unseen/README.md)). Flagged means the response's own "
             "`flagged` field (each engine's committed threshold, or the `--thresholds` given), with the language "
             f"detected as the service does; here a message counts as flagged when it is {flagged_on}.",
             "", f"- command: `python3 training/unseen/score_short.py --set {path} --report {out} "
             + (f"--thresholds {thresholds} " if thresholds else "")
             + (f"--attribute {attribute} " if attribute else "")
             + " ".join(f"{n}={m or ''}{',' + h if h else ''}" for n, m, h in pairs) + "`",
             f"- commit `{commit()}`, jar {jar}",
             f"- {len(close)} of the {len(rows)} messages come close to an authored training, dev, held-out or fresh "
             f"row (`--check`: the same words, or a Jaccard overlap of at least {CLOSE}; short chat is a small "
             "space, and round 29's rows hold many common messages). \"All\" shows how the service treats such "
             "messages; \"not close\" is the generalisation check for a model trained on those rows (the n-gram "
             "model since round 31).", "",
             "| pair | mode | harmless flagged, all | harmless flagged, not close | abusive flagged, all | "
             "abusive flagged, not close |",
             "|---|---|---|---|---|---|"]
    per_language = {}
    per_attribute = {}
    runs = [(name, model, heads, None) for name, model, heads in pairs]
    if thresholds:
        runs += [(f"{name} with --thresholds", model, heads, thresholds) for name, model, heads in pairs]
    for name, model, heads, chosen in runs:
        for mode in MODES:
            # fast mode reads no heads, and the score command refuses --heads there
            extra = (["--mode", mode] + (["--heads", heads] if heads and mode != "fast" else [])
                     + (["--thresholds", chosen] if chosen else []))
            flags = short_texts.score(jar, model, f"{name.replace(' ', '_')}-{mode}-unseen", texts, extra)
            hit = [bool(f.get(attribute)) if attribute else any(f.values()) for f in flags]
            cells = []
            for label in LABELS:
                for keep in (lambda r: True, lambda r: r["id"] not in close):
                    hits = [h for r, h in zip(rows, hit) if r["label"] == label and keep(r)]
                    cells.append(pct(sum(hits), len(hits)))
            lines.append(f"| {name} | {mode} | " + " | ".join(cells) + " |")
            per_attribute[(name, mode)] = {
                (label, a): sum(1 for r, f in zip(rows, flags) if r["label"] == label and f.get(a))
                for label in LABELS for a in short_texts.ATTRIBUTES}
            per_language[(name, mode)] = {
                lang: (sum(h for r, h in zip(rows, hit) if r["language"] == lang and r["label"] == "neutral"),
                       sum(h for r, h in zip(rows, hit) if r["language"] == lang and r["label"] == "abusive"))
                for lang in languages}
    for label, title in (("neutral", "Harmless"), ("abusive", "Abusive")):
        lines += ["", f"{title} messages flagged, per attribute (a message can be flagged on several):", "",
                  "| pair | mode | " + " | ".join(short_texts.ATTRIBUTES) + " |",
                  "|---|---|" + "---|" * len(short_texts.ATTRIBUTES)]
        for (name, mode), counts in per_attribute.items():
            lines.append(f"| {name} | {mode} | "
                         + " | ".join(str(counts[(label, a)]) for a in short_texts.ATTRIBUTES) + " |")
    lines += ["", "Per language, harmless flagged / abusive flagged (counts):", "",
              "| language | " + " | ".join(f"{n} {m}" for n, m in per_language) + " |",
              "|---|" + "---|" * len(per_language)]
    for lang in languages:
        n_neutral = sum(1 for r in rows if r["language"] == lang and r["label"] == "neutral")
        n_abusive = sum(1 for r in rows if r["language"] == lang and r["label"] == "abusive")
        lines.append(f"| {lang} ({n_neutral} / {n_abusive}) | "
                     + " | ".join(f"{v[lang][0]} / {v[lang][1]}" for v in per_language.values()) + " |")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


def main():
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "--check":
        sys.exit(check(args[1]))
    given, pairs = {}, []
    i = 0
    while i < len(args):
        if args[i] in ("--set", "--report", "--jar", "--thresholds", "--attribute") and i + 1 < len(args):
            given[args[i]] = args[i + 1]
            i += 2
            continue
        name, sep, files = args[i].partition("=")
        if not sep:
            sys.exit(__doc__)
        model, _, heads = files.partition(",")
        for f in (model, heads):
            if f and not os.path.isfile(f):
                sys.exit(f"{args[i]}: no such file {f}")
        pairs.append((name, model or None, heads or None))
        i += 1
    if "--set" not in given or "--report" not in given or not pairs:
        sys.exit(__doc__)
    if given.get("--attribute", "TOXICITY") not in short_texts.ATTRIBUTES:
        sys.exit(f"--attribute {given['--attribute']}: not one of {', '.join(short_texts.ATTRIBUTES)}")
    jar = short_texts.find_jar(given.get("--jar"))
    os.makedirs(short_texts.WORK, exist_ok=True)
    report(given["--set"], given["--report"], jar, pairs, given.get("--thresholds"), given.get("--attribute"))


if __name__ == "__main__":
    main()
