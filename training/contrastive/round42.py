"""Round 42 of SafeSpeak's authored data for the fast n-gram model: round 40's English threats to a person and
harmless violent-word messages, added to the fast model's training file.

Round 40 (training/contrastive/round40.py) wrote 24 English threat_person and 24 non_threat families for the accurate
engine's heads, split by family into training and dev. Rounds 40 and 41 (training/dev-variants.md) did not change the
heads; the fast model has read round 33's English threat rows since round 37, but not round 40's. This file gives it
round 40's training families; their dev families stay dev (they measure, through training/short_texts.py --round-dev,
and do not calibrate: the default calibration file stays dev-round29.tsv).

Running `python3 training/contrastive/round42.py` from the repository root writes
  training/contrastive/train-round42.tsv  every line of train-round33.tsv unchanged and in order, then round 40's
                                          English training rows (template ids en.threat_person.hNN and
                                          en.non_threat.hNN of train-encoder-round40.tsv), labels unchanged;
  training/contrastive/train-round44.tsv  the same lines, but round 40's rows state only THREAT: their TOXICITY,
                                          IDENTITY_ATTACK, INSULT and PROFANITY labels are "-" (round 44: the rows
                                          teach the THREAT classifier, and SEVERE_TOXICITY, which DataSets.deriveSevere
                                          derives from THREAT, and leave the other four as round 37 trained them).
"""
import os
import re

from round40 import read_lines  # noqa: E402  (the lines of a file here, byte for byte, header checked)
from round41 import for_threat_only  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "train-round33.tsv"
SOURCE = "train-encoder-round40.tsv"
OUT = "train-round42.tsv"
OUT_THREAT_ONLY = "train-round44.tsv"
ROUND40 = re.compile(r"en\.(threat_person|non_threat)\.h\d\d")


def main():
    base, source = read_lines(BASE), read_lines(SOURCE)  # both headers checked by read_lines
    added = [line for line in source[1:] if ROUND40.fullmatch(line.split("\t")[-1])]
    known = {line.split("\t")[3].lower() for line in base[1:]}
    assert not [line for line in added if line.split("\t")[3].lower() in known], "a round 40 text is already in " + BASE
    with open(os.path.join(HERE, OUT), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(base + added) + "\n")
    print("%s: %d lines of %s, then %d rows of round 40" % (OUT, len(base) - 1, BASE, len(added)))
    threat_only = [for_threat_only(line) for line in added]
    with open(os.path.join(HERE, OUT_THREAT_ONLY), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(base + threat_only) + "\n")
    print("%s: the same, round 40's rows for THREAT only" % OUT_THREAT_ONLY)


if __name__ == "__main__":
    main()
