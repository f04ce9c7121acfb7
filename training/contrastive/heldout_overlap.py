#!/usr/bin/env python3
"""How far the held-out-by-template split holds at the level of sentences (session 21): for every held-out and fresh
sentence, the closest authored training sentence of its language in any training file (the Jaccard overlap of
check_round5.py: lower-cased word sets with the group term replaced, character pairs for Chinese; training sentences of
fewer than three items are skipped, as there). A held-out template shares no fill with a training template, but two
templates can still write nearly the same sentence. A near training sentence (overlap at or above --limit, default
0.6) with the same TOXICITY label is a near-copy, which makes the held-out number optimistic; one with the opposite
label only is a contrast pair ("X are vermin" / "X are not vermin"), which makes it harder. Every training file
(training/contrastive/train*.tsv, adopted or not) is read; TOXICITY unstated ("-") counts as a label of its own. Prints, per file, the counts
for English and for the other languages, by behaviour, and with --examples N the first N near-copies. Reads only the
committed TSV files; scores nothing. From the repository root:
  python3 training/contrastive/heldout_overlap.py [--limit 0.6] [--examples 0]"""
import collections
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

EVALUATED = ["src/test/resources/functional/heldout.tsv", "src/test/resources/functional/fresh.tsv"]
USAGE = "usage: heldout_overlap.py [--limit 0.6] [--examples 0]"


def arguments(args):
    given = {}
    i = 0
    while i < len(args):
        if args[i] not in ("--limit", "--examples") or i + 1 >= len(args) or args[i] in given:
            sys.exit(f"{USAGE}, not {' '.join(args)}")
        given[args[i]] = args[i + 1]
        i += 2
    try:
        limit = float(given.get("--limit", "0.6"))
        examples = int(given.get("--examples", "0"))
    except ValueError:
        sys.exit(f"{USAGE}: --limit takes a number and --examples a count, not {' '.join(args)}")
    if not 0 < limit <= 1 or examples < 0:
        sys.exit(f"{USAGE}: --limit must be in (0, 1] and --examples 0 or more")
    return limit, examples


def main():
    limit, examples = arguments(sys.argv[1:])
    sys.path.insert(0, HERE)
    import check_round5  # reads --limit from sys.argv on import, so only after it was checked here
    # every training file, adopted or not, so that a new round's file is read without naming it here
    # (train.tsv first: the later files repeat its rows, and a pair is named after the first file that holds it)
    train = sorted(glob.glob("training/contrastive/train*.tsv"), key=lambda p: (not p.endswith("/train.tsv"), p))
    for path in EVALUATED + ([] if train else ["training/contrastive/train.tsv"]):
        if not os.path.isfile(path):
            sys.exit(f"no {path} here; run from the repository root")
    groups = check_round5.group_terms()

    def items(row):
        return (check_round5.pairs if row["lang"] == "zh" else check_round5.words)(row["text"], groups)

    training, seen = {}, set()
    for path in train:
        for row in check_round5.read(path):
            # the label compared is TOXICITY as the file states it: "-" (unstated, e.g. profanity at no one, or a
            # copy that trains one head only) is a label of its own, the same only as another "-"
            if (row["lang"], row["text"], row["TOXICITY"]) in seen:
                continue
            seen.add((row["lang"], row["text"], row["TOXICITY"]))
            w = items(row)
            if len(w) >= 3:
                training.setdefault(row["lang"], []).append((w, path, row))
    for path in EVALUATED:
        rows = check_round5.read(path)
        total, copies, contrasts, shown = collections.Counter(), collections.Counter(), collections.Counter(), []
        for row in rows:
            side = "English" if row["lang"] == "en" else "other languages"
            total[side] += 1
            w = items(row)
            # the closest training sentence with the same TOXICITY label, and the closest with the other label,
            # apart: a tie between the two must not hide a near-copy
            same, other_label = (0.0, None), 0.0
            for ow, other_path, other in training.get(row["lang"], []):
                j = len(w & ow) / len(w | ow)
                if other["TOXICITY"] == row["TOXICITY"]:
                    if j > same[0]:
                        same = (j, (other_path, other))
                else:
                    other_label = max(other_label, j)
            if same[0] >= limit:
                copies[(side, row["behaviour"])] += 1
                if len(shown) < examples:
                    near = same[1]
                    shown.append(f"  {same[0]:.2f}\t{row['lang']}\t{row['text']}\t{near[0]}\t{near[1]['text']}")
            elif other_label >= limit:
                contrasts[(side, row["behaviour"])] += 1
        print(f"{path}: sentences with a training sentence at Jaccard >= {limit}")
        for side in ("English", "other languages"):
            n_copies = sum(v for (s, _), v in copies.items() if s == side)
            n_contrasts = sum(v for (s, _), v in contrasts.items() if s == side)
            by = ", ".join(f"{b} {v}" for (s, b), v in sorted(copies.items()) if s == side) or "none"
            print(f"  {side}: {n_copies} of {total[side]} same TOXICITY label (near-copies: {by}); "
                  f"{n_contrasts} opposite label (contrast pairs)")
        for line in shown:
            print(line)


if __name__ == "__main__":
    main()
