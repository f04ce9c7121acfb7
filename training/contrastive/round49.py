"""Round 49 of SafeSpeak's authored data for the accurate engine's heads: round 40's English threat rows for the
TOXICITY head (file a) and for the TOXICITY and THREAT heads (file b).

On the fourteenth unseen set accurate mode flagged only half of the English threats to a person on any attribute, and
fewer on TOXICITY than fast mode. Round 40 (training/dev-variants.md) trained every head on round 33's and round 40's
English threat_person and non_threat rows; round 41 the THREAT head alone. This round keeps the rows for TOXICITY (a)
or TOXICITY and THREAT (b) and states nothing about them for the other heads. In file a SEVERE_TOXICITY is neither
stated nor derived (DataSets.deriveSevere needs a stated IDENTITY_ATTACK or THREAT); in file b it is derived from THREAT,
as in round 41. The rows are not relabelled; the training simply does not use the unstated labels. The dev file is
unchanged (dev-encoder-round40.tsv keeps every label).

Running `python3 training/contrastive/round49.py` from the repository root writes
  training/contrastive/train-encoder-round49a.tsv  train-encoder-round40.tsv line for line, with IDENTITY_ATTACK,
                                                   INSULT, PROFANITY and THREAT set to "-" on the rows round 40 carried
                                                   over or added (every English threat_person and non_threat row after
                                                   train-encoder-round27.tsv's lines);
  training/contrastive/train-encoder-round49b.tsv  the same with THREAT kept.
"""
import os

from round40 import read_lines  # noqa: E402  (read_lines: the lines of a file here, header checked)
from round41 import unstated  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "train-encoder-round27.tsv"
SOURCE = "train-encoder-round40.tsv"
OUTPUTS = {"train-encoder-round49a.tsv": ("IDENTITY_ATTACK", "INSULT", "PROFANITY", "THREAT"),
           "train-encoder-round49b.tsv": ("IDENTITY_ATTACK", "INSULT", "PROFANITY")}


def main():
    base, source = read_lines(BASE), read_lines(SOURCE)
    assert source[:len(base)] == base, SOURCE + " does not start with " + BASE
    added = source[len(base):]
    for line in added:
        assert line.split("\t")[:2] in (["en", "threat_person"], ["en", "non_threat"]), line
    for out, names in OUTPUTS.items():
        with open(os.path.join(HERE, out), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(base + [unstated(line, names) for line in added]) + "\n")
        print("%s: %d lines of %s, then %d rows with %s unstated" % (out, len(base) - 1, BASE, len(added),
                                                                       ", ".join(names)))


if __name__ == "__main__":
    main()
