#!/usr/bin/env python3
"""Lists sentences of an unseen check set that come close to a row the model trained or was selected on, using
check_round5.py's own closeness (Jaccard overlap of lower-cased word sets, group terms replaced by a placeholder).
Compares with the training, dev, held-out and fresh rows. Prints each close pair and exits 1 if any pair reaches
--limit. Prints nothing about the model. Run from the repository root:
  python3 training/unseen/check_overlap.py training/unseen/identity-2026-12-06.tsv --limit 0.5"""
import csv
import sys

sys.path.insert(0, "training/contrastive")
import check_round5  # noqa: E402  (reads --limit from sys.argv)

OTHERS = ("training/contrastive/train.tsv", "training/contrastive/train-encoder.tsv", "training/contrastive/dev.tsv",
          "training/contrastive/dev-encoder.tsv",
          "src/test/resources/functional/heldout.tsv", "src/test/resources/functional/heldout-rowlevel.tsv",
          "src/test/resources/functional/fresh.tsv")


def main():
    args = [a for i, a in enumerate(sys.argv[1:], 1) if a != "--limit" and sys.argv[i - 1] != "--limit"]
    if len(args) != 1:
        sys.exit("usage: check_overlap.py SET.tsv [--limit 0.5]")
    with open(args[0], encoding="utf-8") as f:
        rows = [{"lang": "en", "template": r["id"], "text": r["text"]} for r in csv.DictReader(f, delimiter="\t")]
    close = {}
    check_round5.compare(rows, OTHERS, close)
    for tid, (j, mine, path, text) in sorted(close.items()):
        print(f"{j:.2f}\t{tid}\t{mine}\t{path}\t{text}")
    print(f"{len(close)} of {len(rows)} sentences close to a training, dev, held-out or fresh row "
          f"(Jaccard >= {check_round5.LIMIT})", file=sys.stderr)
    sys.exit(1 if close else 0)


if __name__ == "__main__":
    main()
