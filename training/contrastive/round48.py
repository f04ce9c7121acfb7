"""Round 48 of SafeSpeak's authored data for the accurate engine's heads: round 45's rows with SEVERE_TOXICITY unstated.

Round 45 (training/dev-variants.md) trained the English heads on 540 training-only neutral_identity_hard rows. On dev
they cut the identity false positives, but the SEVERE_TOXICITY head moved too: the rows state IDENTITY_ATTACK (0), so
DataSets.deriveSevere made them non-severe, that head's threshold rose and five of its public dev rows fell under fast.
This file keeps every label round 45 stated and adds an eleventh column, SEVERE_TOXICITY, set to "-" on those rows: that
label is then neither stated nor derived (ContrastiveCase), and the SEVERE_TOXICITY head trains on exactly the rows it
trained on before round 45. The rows are not relabelled: they stay non-toxic; the training simply does not use their
severity. The dev file is unchanged.

Running `python3 training/contrastive/round48.py` from the repository root writes
  training/contrastive/train-encoder-round48.tsv  train-encoder-round45.tsv line for line, under a header that names the
                                                  eleventh column; the lines of train-encoder-round27.tsv keep their ten
                                                  columns (SEVERE_TOXICITY derived, as before), and round 45's added rows
                                                  (every en neutral_identity_hard row after them) end in a tab and "-".
"""
import os

from round40 import HEADER, read_lines  # noqa: E402  (read_lines: the lines of a file here, header checked)

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "train-encoder-round27.tsv"
SOURCE = "train-encoder-round45.tsv"
OUT = "train-encoder-round48.tsv"


def main():
    base, source = read_lines(BASE), read_lines(SOURCE)
    assert source[:len(base)] == base, SOURCE + " does not start with " + BASE
    out = [HEADER + "\tSEVERE_TOXICITY"] + base[1:]
    for line in source[len(base):]:
        cols = line.split("\t")
        assert cols[:2] == ["en", "neutral_identity_hard"] and len(cols) == 10, line
        assert 90 <= int(cols[9].rsplit(".", 1)[1]) <= 119, line
        out.append(line + "\t-")
    with open(os.path.join(HERE, OUT), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(out) + "\n")
    print("%s: %d lines of %s, then %d rows with SEVERE_TOXICITY unstated"
          % (OUT, len(base) - 1, BASE, len(source) - len(base)))


if __name__ == "__main__":
    main()
