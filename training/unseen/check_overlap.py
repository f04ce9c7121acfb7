#!/usr/bin/env python3
"""Lists sentences of an unseen check set that come close to a row the model trained or was selected on, using
check_round5.py's own closeness (Jaccard overlap of lower-cased word sets, group terms replaced by a placeholder).
Compares with the training, dev, held-out and fresh rows, and with each --also FILE (rows in the same lang, template,
text layout, such as a training round still being written in another worktree). Prints each close pair and exits 1 if
any pair reaches --limit, 2 on bad arguments or a malformed set. A sentence that holds a CJK ideograph (the Chinese
sixth set) is compared with the Chinese rows instead, by the Jaccard overlap of its sets of adjacent character pairs:
Chinese has no spaces, so its word sets would only catch copies. Prints nothing about the model. Run from the
repository root:
  python3 training/unseen/check_overlap.py training/unseen/identity-2026-12-06.tsv --limit 0.5 [--also FILE]..."""
import os
import sys

from unseen_set import chinese, read_set


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)


if "--limit" in sys.argv:
    try:
        limit = float(sys.argv[sys.argv.index("--limit") + 1])
    except (IndexError, ValueError):
        limit = -1
    if not 0 < limit <= 1:
        fail("--limit needs a number above 0 and at most 1")
if not os.path.isfile("training/contrastive/check_round5.py"):
    fail("no training/contrastive/check_round5.py here; run from the repository root")
sys.path.insert(0, "training/contrastive")
import check_round5  # noqa: E402  (reads --limit from sys.argv)

OTHERS = ("training/contrastive/train.tsv", "training/contrastive/train-encoder.tsv", "training/contrastive/dev.tsv",
          "training/contrastive/dev-encoder.tsv",
          # the default authored files of the encoder heads since round 28 (train-encoder.tsv and dev-encoder.tsv,
          # then round 27's Chinese rows)
          "training/contrastive/train-encoder-round27.tsv", "training/contrastive/dev-encoder-round27.tsv",
          # round 40's encoder files: round 27's, then round 33's English threats and non-threats, then round 40's
          "training/contrastive/train-encoder-round40.tsv", "training/contrastive/dev-encoder-round40.tsv",
          # round 45's training-only hard neutral identity templates
          "training/contrastive/train-encoder-round45.tsv",
          "src/test/resources/functional/heldout.tsv", "src/test/resources/functional/heldout-rowlevel.tsv",
          "src/test/resources/functional/fresh.tsv")


def bigrams(text):
    t = "".join(text.lower().split())
    return {t[i:i + 2] for i in range(len(t) - 1)}


def compare_bigrams(new, paths, close):
    """Like check_round5.compare, for Chinese sentences: adds to close every one whose character-pair set overlaps a
    Chinese row of one of paths by at least the limit, keeping the closest."""
    others = [(path, r["text"], bigrams(r["text"])) for path in paths for r in check_round5.read(path)
              if r.get("lang") == "zh"]
    for r in new:
        mine = bigrams(r["text"])
        for path, text, theirs in others:
            j = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
            if j >= check_round5.LIMIT and j > close.get(r["template"], (0,))[0]:
                close[r["template"]] = (j, r["text"], path, text)
    print(f"{len(new)} Chinese rows compared by character pairs with {len(others)} Chinese rows of "
          f"{', '.join(paths)}", file=sys.stderr)


def main():
    args, also = [], []
    rest = iter(sys.argv[1:])
    for a in rest:
        if a == "--limit":
            next(rest, None)
        elif a == "--also":
            extra = next(rest, None)
            if extra is None or extra.startswith("--"):
                fail("--also needs a file to compare with")
            if not os.path.isfile(extra):
                fail(f"--also {extra}: no such file")
            also.append(extra)
        else:
            args.append(a)
    if len(args) != 1:
        fail("usage: check_overlap.py SET.tsv [--limit 0.5] [--also FILE]...")
    rows = [{"lang": "zh" if chinese(r["text"]) else "en", "template": r["id"], "text": r["text"]}
            for r in read_set(args[0], status=2)]
    absent = [p for p in OTHERS if not os.path.isfile(p)]
    if absent:
        fail(f"cannot compare with {', '.join(absent)}: no such file; run from the repository root")
    close = {}
    check_round5.compare([r for r in rows if r["lang"] == "en"], OTHERS + tuple(also), close)
    if any(r["lang"] == "zh" for r in rows):
        compare_bigrams([r for r in rows if r["lang"] == "zh"], OTHERS + tuple(also), close)
    for tid, (j, mine, path, text) in sorted(close.items()):
        print(f"{j:.2f}\t{tid}\t{mine}\t{path}\t{text}")
    print(f"{len(close)} of {len(rows)} sentences close to a training, dev, held-out or fresh row"
          + "".join(f" or a row of {p}" for p in also) + f" (Jaccard >= {check_round5.LIMIT})", file=sys.stderr)
    sys.exit(1 if close else 0)


if __name__ == "__main__":
    main()
