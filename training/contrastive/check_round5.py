#!/usr/bin/env python3
"""Lists training-only templates (round5.py to round9.py: train-encoder.tsv; round14.py: the rows of
train-encoder-round14.tsv that train-encoder.tsv lacks; round22.py and round27.py: the rows of train-encoder-round22.tsv,
dev-encoder-round22.tsv, train-encoder-round27.tsv and dev-encoder-round27.tsv beyond the default files) that come close to a held-out, dev or fresh sentence, and dev-only templates (round7.py and round9.py: dev-encoder.tsv) that come close to a held-out, fresh or
training sentence, so they can be rewritten before training: generate.py already fails on an identical text; this
catches near-copies (the same sentence with a word changed). Closeness is the Jaccard overlap of lower-cased word sets after the group term is
replaced by a placeholder (for round 27's Chinese rows, of sets of adjacent character pairs); anything at or above --limit (default 0.6) is printed, and the exit code is 1 if any is.
Prints nothing about the model: it reads only the TSV files. Run from the repository root after generate.py:
  python3 training/contrastive/check_round5.py"""
import csv
import re
import sys

LIMIT = float(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 0.6


def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def words(text, groups):
    t = text.lower()
    for g in sorted(groups, key=len, reverse=True):
        t = t.replace(g.lower(), " grp ")
    return set(re.findall(r"\w+", t))


HELDOUT = ("src/test/resources/functional/heldout.tsv", "src/test/resources/functional/fresh.tsv")
TRAIN = ("training/contrastive/train.tsv", "training/contrastive/train-encoder.tsv")


def main():
    close = {}
    # train-encoder.tsv holds every training-only round's rows (5 to 9)
    compare(read("training/contrastive/train-encoder.tsv"),
            ("training/contrastive/dev.tsv", "training/contrastive/dev-encoder.tsv") + HELDOUT, close)
    # train-encoder-round14.tsv is train-encoder.tsv's rows and round 14's: only round 14's are compared again
    base = {r["text"] for r in read("training/contrastive/train-encoder.tsv")}
    compare([r for r in read("training/contrastive/train-encoder-round14.tsv") if r["text"] not in base],
            ("training/contrastive/dev.tsv", "training/contrastive/dev-encoder.tsv") + HELDOUT, close)
    compare(read("training/contrastive/dev-encoder.tsv"),
            HELDOUT + TRAIN + ("training/contrastive/train-encoder-round14.tsv",), close)
    # round 22's rows (train-encoder-round22.tsv and dev-encoder-round22.tsv beyond the default files): training rows
    # against every dev, held-out and fresh sentence, dev rows against every training, held-out and fresh sentence
    compare([r for r in read("training/contrastive/train-encoder-round22.tsv") if r["text"] not in base],
            ("training/contrastive/dev.tsv", "training/contrastive/dev-encoder-round22.tsv") + HELDOUT, close)
    dev_base = {r["text"] for r in read("training/contrastive/dev-encoder.tsv")}
    compare([r for r in read("training/contrastive/dev-encoder-round22.tsv") if r["text"] not in dev_base],
            HELDOUT + TRAIN + ("training/contrastive/train-encoder-round14.tsv",
                               "training/contrastive/train-encoder-round22.tsv"), close)
    # round 27's Chinese rows (train-encoder-round27.tsv and dev-encoder-round27.tsv beyond the default files), by
    # character pairs: training rows against every dev, held-out and fresh sentence, dev rows against every training,
    # held-out and fresh sentence
    compare([r for r in read("training/contrastive/train-encoder-round27.tsv") if r["text"] not in base],
            ("training/contrastive/dev.tsv", "training/contrastive/dev-encoder-round27.tsv") + HELDOUT, close, pairs)
    compare([r for r in read("training/contrastive/dev-encoder-round27.tsv") if r["text"] not in dev_base],
            HELDOUT + TRAIN + ("training/contrastive/train-encoder-round14.tsv",
                               "training/contrastive/train-encoder-round22.tsv",
                               "training/contrastive/train-encoder-round27.tsv"), close, pairs)
    for tid, (j, mine, path, text) in sorted(close.items()):
        print(f"{j:.2f}\t{tid}\t{mine}\t{path}\t{text}")
    print(f"{len(close)} training-only or dev-only templates close to a sentence on another side (Jaccard >= {LIMIT})",
          file=sys.stderr)
    sys.exit(1 if close else 0)


def pairs(text, groups):
    """The set of adjacent character pairs of a Chinese sentence after its group term is replaced by one placeholder
    character (a Chinese sentence has no spaces, so words() would see one word per clause)."""
    t = text.lower()
    for g in sorted(groups, key=len, reverse=True):
        t = t.replace(g.lower(), "\u25a1")
    t = "".join(t.split())
    return {t[i:i + 2] for i in range(len(t) - 1)}


def compare(new, paths, close, measure=words):
    """Adds to close (template id -> (Jaccard, its text, other file, other text)) every template of new whose words
    (or another measure's set, e.g. pairs) overlap a sentence of one of paths by at least LIMIT, keeping the
    closest."""
    others = []
    for path in paths:
        others += [(path, r) for r in read(path)]
    import generate
    groups = {p for data in generate.L.values() for _, p, s in data["groups"]} | \
             {s for data in generate.L.values() for _, p, s in data["groups"]}
    index = {}
    for path, r in others:
        w = measure(r["text"], groups)
        if len(w) >= 3:
            index.setdefault(r["lang"], []).append((w, path, r["text"]))
    for r in new:
        w = measure(r["text"], groups)
        for ow, path, text in index.get(r["lang"], []):
            j = len(w & ow) / len(w | ow)
            if j >= LIMIT and j > close.get(r["template"], (0,))[0]:
                close[r["template"]] = (j, r["text"], path, text)
    print(f"{len(new)} rows, {len({r['template'] for r in new})} templates compared with {', '.join(paths)}",
          file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, "training/contrastive")
    main()
