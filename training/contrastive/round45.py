#!/usr/bin/env python3
"""Forty-fifth authoring round of SafeSpeak's contrastive templates: hard neutral identity mentions, training-only.

Written for SafeSpeak by hand by a helper session on 2026-12-07 (UTC 10:36 to 10:38), without opening the held-out
templates, the fresh phrasings, the dev files, training/unseen/ or any model's outputs; the dev, held-out and fresh
rows are read only by this script, for the closeness check below, and none of them is printed. Nothing is taken from
a public test suite (HateCheck or another) or data set, and no sentence of round9.py is copied or paraphrased.

Why it exists: the heads still flag neutral English sentences that mention an identity group when negative words
stand next to the group without being aimed at it. Three shapes fail most, and this round writes ten templates for
each:
  1. ids 90-99: the group as the victims of a disaster, accident or hardship, reported neutrally or with sympathy
     (flood, heatwave, storm, burst pipe, cancelled train, bus crash, eviction, power cut, layoffs, fire);
  2. ids 100-109: very short self-identification in chat register (2 to 6 words once filled, lower case, little
     punctuation, with "lol", "btw", "here", "same", "tbh" and the like);
  3. ids 110-119: casual complaints where members of the group are the unlucky ones or share an everyday annoyance
     (missing parcels, a broken lift, roadworks, bad wifi, a stolen bike, a leaking roof, a frozen self checkout, a
     dead boiler, uncollected bins, a crashed booking app), the negative words aimed at the luck or the thing.
Plainly: these shapes were named by the engineer who read which dev templates the heads flag, so dev identity numbers
after a round that trains on these rows are optimistic (no dev row is copied, and the check below keeps every new row
away from them, but dev steered the direction). The thirteenth unseen set, training/unseen/identity-2026-12-07m.tsv,
written apart from this round, is the clean check.

Behaviour neutral_identity_hard (generate.py LABELS: "0 0 0 - -", i.e. TOXICITY, IDENTITY_ATTACK and INSULT absent,
PROFANITY and THREAT unstated). Template ids en.neutral_identity_hard.90 to .119 (round 9 used 40-63 and 70-83). Each
template has a {P} (plural) or {S} (singular after "I'm") slot and is filled as round9.py fills its training-only
templates: every English group of generate.py through generate.expand_template, then four of round9.EXTRA_GROUPS,
rotating (template k of this round takes extra groups 4k to 4k+3 modulo ten), so every template has 18 rows.

Output: training/contrastive/train-encoder-round45.tsv, every line of train-encoder-round27.tsv unchanged and in order
(its header included), then this round's rows formatted with generate.line. Checks, run on every call: no new text
repeats another new text (assert) or any text of training/contrastive/*.tsv other than this output (the template is
dropped); every new row is compared with every row of training/contrastive/dev.tsv, dev-encoder-round27.tsv,
dev-encoder-round40.tsv and src/test/resources/functional/heldout.tsv, heldout-rowlevel.tsv and fresh.tsv by
check_round5.py's closeness (its words(): lower case, group terms of generate.py masked, Jaccard of word sets) and a
template is dropped entirely when any of its rows reaches 0.5; only the dropped template ids and their own texts are
printed, and at least 28 templates must remain. While writing, the first full run of the check dropped 5 templates
(ids 102, 103, 104, 106 and 108, all short self-identification built on "im" and the group); they were rewritten in
other words in place, keeping their ids (and 103 once more, for sense), and the final run drops none, so all 30
templates (10 per shape) and 540 rows (180 per shape) are written. Shape 2 templates that start with the group are
capitalised by the fill, as in round9.py; the others stay lower case. The script is deterministic and idempotent. Run from anywhere:
  python3 training/contrastive/round45.py
"""
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import generate  # noqa: E402
import round9  # noqa: E402
from check_round5 import group_terms, words  # noqa: E402
from round29 import COPIES  # noqa: E402

BEHAVIOUR = "neutral_identity_hard"
FIRST_ID = 90
LIMIT = 0.5
BASE = os.path.join(HERE, "train-encoder-round27.tsv")
OUT = os.path.join(HERE, "train-encoder-round45.tsv")
COMPARED = [os.path.join(HERE, p) for p in ("dev.tsv", "dev-encoder-round27.tsv", "dev-encoder-round40.tsv")] + \
           [os.path.join(ROOT, "src/test/resources/functional", p)
            for p in ("heldout.tsv", "heldout-rowlevel.tsv", "fresh.tsv")]

# Shape 1 (ids 90-99): the group as victims of a disaster, accident or hardship, neutral or sympathetic.
DISASTER = [
    "Flash floods swept through the valley overnight, and several {P} who lived by the river lost everything.",
    "Heatwave: Volunteers Deliver Water to {P} Stranded in Tower Blocks",
    "ugh the storm ripped the roof off the community centre where {P} meet every thursday, hope everyone's ok",
    "A burst pipe flooded the basement flat of two {P} on Elm Road; neighbours have set up a fundraiser.",
    "The 7:40 to Leeds was cancelled again, leaving a group of {P} bound for a conference stuck on the platform "
    "for three hours.",
    "so sad about the bus crash on the ring road, four {P} were hurt and one is still in hospital",
    "Eviction notices were served on eleven households this week, many of them {P} who had rented there for decades.",
    "power cut on our street for like 9 hours, the {P} next door had to bin their whole freezer, gutted for them",
    "Layoffs at the packaging plant hit {P} especially hard, the union said on Tuesday.",
    "Firefighters rescued three {P} from a blaze at a block of flats in the early hours; all are said to be recovering.",
]

# Shape 2 (ids 100-109): very short self-identification in chat register (2 to 6 words once filled).
SHORT = [
    "hiya, {S} myself",
    "{S} checking in",
    "{S} too, same boat",
    "tbh {S}, no biggie",
    "{S} fwiw, carry on",
    "raises hand, {S}",
    "{S}, if anyone wondered",
    "{S} here too lol",
    "evening all, {S} btw",
    "{S} reporting for duty",
]

# Shape 3 (ids 110-119): casual complaints, the group members as the unlucky ones or sharing the annoyance.
COMPLAINT = [
    "my parcel went missing AGAIN and so did the ones for the two {P} in the flat below, this courier is a joke",
    "the lift in our block has been broken for three weeks and the {P} on the top floor have to haul their shopping "
    "up nine flights, ridiculous",
    "roadworks outside from 7am every single day, me and the other {P} in my building are losing our minds lol",
    "Wifi at the library has been rubbish all week. The {P} from my evening class couldn't even load the sign-up page.",
    "someone nicked my bike from outside the gym, same thing happened to a couple of {P} on my team last month, "
    "this town man",
    "Roof's been leaking since October and the {P} upstairs have it even worse, buckets in every room.",
    "the self checkout froze on me twice today and then on the {P} behind me too, cursed machines",
    "classic, the boiler packed in on the coldest night of the year and the {P} I share the house with are sleeping "
    "in their coats",
    "Is it just us or are bins never collected on this road? The {P} at number 12 have had bags piling up for a "
    "fortnight too.",
    "the app for booking gp appointments crashed for everyone this morning, the {P} in my group chat are all fuming "
    "at it too",
]

TEMPLATES = DISASTER + SHORT + COMPLAINT
SHAPES = {"disaster or hardship": (90, 100), "short self-identification": (100, 110), "casual complaint": (110, 120)}


def read_texts(path, required=True):
    """The text column of a TSV file with a header line (split on tabs, as generate.line writes it); a file without
    one (counts.tsv) answers nothing unless required."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if "text" not in header and not required:
            return []
        assert "text" in header, f"no text column in {os.path.relpath(path, ROOT)}"
        col = header.index("text")
        return [cells[col] for cells in (ln.rstrip("\n").split("\t") for ln in f) if len(cells) > col]


def template_rows():
    """{template id: rows}, filled as round9.py fills its training-only templates."""
    out = {}
    for k, template in enumerate(TEMPLATES):
        assert "{P}" in template or "{S}" in template, f"no group slot in template {k}"
        tid = f"en.{BEHAVIOUR}.{FIRST_ID + k:02d}"
        rows = list(generate.expand_template("en", BEHAVIOUR, template, tid))
        for j in range(4):
            gid, plural, single = round9.EXTRA_GROUPS[(4 * k + j) % len(round9.EXTRA_GROUPS)]
            rows.append(("en", BEHAVIOUR, gid, round9._fill(template, plural, single), tid, None))
        out[tid] = rows
    return out


def main():
    assert len(TEMPLATES) == 30 and len(DISASTER) == len(SHORT) == len(COMPLAINT) == 10
    assert FIRST_ID + len(TEMPLATES) - 1 == 119
    by_tid = template_rows()
    new_texts = [r[3] for rows in by_tid.values() for r in rows]
    assert len(new_texts) == len(set(new_texts)), "a new text repeats another new text"
    for tid, rows in by_tid.items():
        if SHAPES["short self-identification"][0] <= int(tid.rsplit(".", 1)[1]) < SHAPES["short self-identification"][1]:
            for r in rows:
                assert 2 <= len(r[3].split()) <= 6, f"{tid} is not 2 to 6 words: {r[3]}"

    dropped = {}
    existing = set()
    for path in sorted(glob.glob(os.path.join(HERE, "*.tsv"))):
        # Leave out this round's own output and the COPIES (round48.py's file copies this round's rows).
        if os.path.basename(path) not in (os.path.basename(OUT),) + COPIES:
            existing.update(read_texts(path, required=False))
    for tid, rows in by_tid.items():
        if any(r[3] in existing for r in rows):
            dropped[tid] = "repeats a text of training/contrastive/*.tsv"

    groups = group_terms()
    others = [words(t, groups) for path in COMPARED for t in read_texts(path)]
    for tid, rows in by_tid.items():
        if tid in dropped:
            continue
        for r in rows:
            w = words(r[3], groups)
            if any(len(w & ow) / len(w | ow) >= LIMIT for ow in others if w | ow):
                dropped[tid] = f"close (Jaccard >= {LIMIT}) to a dev, held-out or fresh row"
                break

    for tid, why in sorted(dropped.items()):
        print(f"dropped\t{tid}\t{TEMPLATES[int(tid.rsplit('.', 1)[1]) - FIRST_ID]}\t({why})")
    kept = [tid for tid in by_tid if tid not in dropped]
    assert len(kept) >= 28, f"only {len(kept)} templates remain: rewrite the dropped ones in other words"

    with open(BASE, encoding="utf-8") as f:
        base = f.read()
    assert base.endswith("\n")
    new_rows = [r for tid in kept for r in by_tid[tid]]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(base + "".join(generate.line(r) + "\n" for r in new_rows))
    for shape, (lo, hi) in SHAPES.items():
        ts = [t for t in kept if lo <= int(t.rsplit(".", 1)[1]) < hi]
        print(f"{shape}: {len(ts)} templates, {sum(len(by_tid[t]) for t in ts)} rows")
    print(f"{len(dropped)} templates dropped; wrote {os.path.relpath(OUT, ROOT)}: {base.count(chr(10)) - 1} rows of "
          f"train-encoder-round27.tsv (and its header), then {len(new_rows)} rows of {len(kept)} templates")


if __name__ == "__main__":
    main()
