"""Round 41 of SafeSpeak's authored data for the accurate engine's heads: round 40's English threat rows, for the
THREAT head only.

Round 40 (training/dev-variants.md) trained every English head on round 33's and round 40's English threat_person and
non_threat rows. On dev its THREAT head caught more threats to a person, but the other heads moved too (English
identity false positives 43 -> 51 of 664, two more public dev rows under fast). This file keeps those rows for the
THREAT head and states nothing about them for four other heads: their TOXICITY, IDENTITY_ATTACK, INSULT and
PROFANITY labels become "-" (not stated), so those heads train on exactly the rows they trained on before.
SEVERE_TOXICITY is derived from the other labels (DataSets.deriveSevere: a stated THREAT makes a row severe unless it
is stated non-toxic), so that head still learns the threats as severe and the non-threats as not severe. The rows are not
relabelled as harmless or harmful: a threat to a person stays toxic; the training simply does not use that label here.
The dev file is unchanged (dev-encoder-round40.tsv keeps every label), so dev still measures each attribute.

Running `python3 training/contrastive/round41.py` from the repository root writes
  training/contrastive/train-encoder-round41.tsv  train-encoder-round40.tsv line for line, with the first four label
                                                  columns of the rows round 40 carried over or added (every English
                                                  threat_person and non_threat row after train-encoder-round27.tsv's
                                                  lines) set to "-".
"""
import os

from round40 import HEADER, read_lines  # noqa: E402  (read_lines: the lines of a file here, header checked)

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "train-encoder-round27.tsv"
SOURCE = "train-encoder-round40.tsv"
OUT = "train-encoder-round41.tsv"
COLUMNS = HEADER.split("\t")


LABELS = ("TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY", "THREAT")


def unstated(line, names):
    """A row with the labels in names set to "-" (not stated); the others must be stated (0 or 1)."""
    assert set(names) <= set(LABELS), names
    cols = line.split("\t")
    assert len(cols) == len(COLUMNS), line
    for name in LABELS:
        if name in names:
            cols[COLUMNS.index(name)] = "-"
        else:
            assert cols[COLUMNS.index(name)] in ("0", "1"), line
    return "\t".join(cols)


def for_threat_only(line):
    """A row with its TOXICITY, IDENTITY_ATTACK, INSULT and PROFANITY labels set to "-" (not stated), so that it trains
    the THREAT head or classifier (and SEVERE_TOXICITY, which is derived) and no other; round 42 uses it too. unstated
    checks that THREAT is stated."""
    return unstated(line, ("TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY"))


def main():
    base, source = read_lines(BASE), read_lines(SOURCE)
    assert source[:len(base)] == base, SOURCE + " does not start with " + BASE
    out = list(base)
    changed = 0
    for line in source[len(base):]:
        assert line.split("\t")[:2] in (["en", "threat_person"], ["en", "non_threat"]), line
        out.append(for_threat_only(line))
        changed += 1
    with open(os.path.join(HERE, OUT), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(out) + "\n")
    print("%s: %d lines of %s, then %d rows for the THREAT head only" % (OUT, len(base) - 1, BASE, changed))


if __name__ == "__main__":
    main()
