#!/usr/bin/env python3
"""Lists training-only templates (round5.py to round9.py: train-encoder.tsv; round14.py: the rows of
train-encoder-round14.tsv that train-encoder.tsv lacks; round22.py and round27.py: the rows of train-encoder-round22.tsv,
dev-encoder-round22.tsv, train-encoder-round27.tsv and dev-encoder-round27.tsv beyond the default files) that come close to a held-out, dev or fresh sentence, and dev-only templates (round7.py and round9.py: dev-encoder.tsv) that come close to a held-out, fresh or
training sentence, so they can be rewritten before training: generate.py already fails on an identical text; this
catches near-copies (the same sentence with a word changed).
It also reads the later files, each for the rows whose text no file read before it holds: train-round29.tsv (round 29's
training rows beyond train.tsv), train-round33.tsv (round 33's beyond train-round29.tsv), train-encoder-round40.tsv
(round 40's English rows; round 33's English rows it carries are already read), train-encoder-round41.tsv,
train-round42.tsv, train-round44.tsv (copies of round 40's rows, some labels "-": no new row), train-encoder-round45.tsv
(round 45's rows beyond train-encoder-round27.tsv), train-encoder-round48.tsv, train-encoder-round49a.tsv and
train-encoder-round49b.tsv (copies, no new row); those training rows are compared with every dev file (dev.tsv,
dev-encoder.tsv, dev-encoder-round22.tsv, dev-encoder-round27.tsv, dev-round29.tsv, dev-round33.tsv,
dev-encoder-round40.tsv) and with heldout.tsv and fresh.tsv. The new dev rows of dev-round29.tsv (beyond dev.tsv),
dev-round33.tsv (beyond dev-round29.tsv) and dev-encoder-round40.tsv (round 40's rows beyond dev-encoder-round27.tsv
and dev-round33.tsv) are compared with heldout.tsv, fresh.tsv and every training file named here. A text held by
several compared files is reported from the first of them. heldout-rowlevel.tsv (frozen, older split) is not read.
Closeness is the Jaccard overlap of lower-cased word sets after the group term is
replaced by a placeholder (for round 27's Chinese rows and the later files' Chinese rows, of sets of adjacent character
pairs); a row is compared only with sentences of its own language. Every pair at or above --limit (default 0.6) is
printed (overlap, template, text, compared file, other text; tab-separated), and the exit code is 1 if any is, except
for the pairs recorded in training/contrastive/known-close.tsv: close pairs already known, in committed files that
models were trained and judged on and that stay as they are (header line, then one line per pair, the same five
columns as printed; every pair the script found at 0.5 or more when the record was made, among them the three named in
training/dev-variants.md). A recorded pair is matched by its text, compared file and other text, not by its overlap
(which is only informative); it does not make the exit code 1 and is printed only with --show-known, followed by
"known and recorded"; any other pair, including another row of the same templates, still prints and fails. A record
line that matches no pair the script compares at the lowest overlap the record holds (or --limit, if lower) is
reported on stderr as stale and makes the exit code 1, so the record cannot silently rot; so does a missing or
malformed record. To record a pair, copy its printed line into the record.
Flags: --limit X (the overlap to print and fail at, default 0.6); --show-known (also print the recorded pairs that
reach --limit). Prints nothing about the model: it reads only the TSV files. Run from the repository root after
generate.py:
  python3 training/contrastive/check_round5.py [--limit 0.5] [--show-known]"""
import collections
import csv
import functools
import re
import sys

LIMIT = float(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 0.6


@functools.lru_cache(maxsize=None)
def read(path):
    """The rows of a TSV file, read once per run (callers do not change them)."""
    with open(path, encoding="utf-8") as f:
        return tuple(csv.DictReader(f, delimiter="\t"))


@functools.lru_cache(maxsize=None)
def words(text, groups):
    t = text.lower()
    for g in sorted(groups, key=len, reverse=True):
        t = t.replace(g.lower(), " grp ")
    return set(re.findall(r"\w+", t))


HELDOUT = ("src/test/resources/functional/heldout.tsv", "src/test/resources/functional/fresh.tsv")
TRAIN = ("training/contrastive/train.tsv", "training/contrastive/train-encoder.tsv")
EARLY_TRAIN = TRAIN + tuple(f"training/contrastive/train-encoder-round{n}.tsv" for n in (14, 22, 27))
EARLY_DEV = ("training/contrastive/dev.tsv", "training/contrastive/dev-encoder.tsv",
             "training/contrastive/dev-encoder-round22.tsv", "training/contrastive/dev-encoder-round27.tsv")
# in the order they were written: each one's new rows are those whose text none of the files before it holds
LATER_TRAIN = tuple("training/contrastive/" + f for f in (
    "train-round29.tsv", "train-round33.tsv", "train-encoder-round40.tsv", "train-encoder-round41.tsv",
    "train-round42.tsv", "train-round44.tsv", "train-encoder-round45.tsv", "train-encoder-round48.tsv",
    "train-encoder-round49a.tsv", "train-encoder-round49b.tsv"))
LATER_DEV = ("training/contrastive/dev-round29.tsv", "training/contrastive/dev-round33.tsv",
             "training/contrastive/dev-encoder-round40.tsv")

# The record of close pairs already known (see the docstring): (text, compared file, other text) -> its line number
# and line. main() reads it; compare() alone (as training/unseen/check_overlap.py calls it) records nothing.
RECORD_PATH = "training/contrastive/known-close.tsv"
RECORD_HEADER = "overlap\ttemplate\ttext\tcompared file\tother text"
RECORD = {}
# every pair compare() finds at FLOOR or more: (text, compared file, other text) -> (Jaccard, template); main() lowers
# FLOOR to the lowest overlap the record holds, so that a recorded pair is found whatever --limit is
FOUND = {}
FLOOR = LIMIT


def read_record():
    """Reads RECORD_PATH into RECORD; exits 1 with a message if it is missing, its header is wrong, a line is not five
    tab-separated fields with an overlap, or a pair is in it twice."""
    try:
        with open(RECORD_PATH, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        sys.exit(f"cannot read {RECORD_PATH}: {e}; run from the repository root")
    if lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != RECORD_HEADER:
        sys.exit(f"{RECORD_PATH}: the first line must be the header {RECORD_HEADER!r}")
    for n, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        try:
            ok = len(fields) == 5 and 0 < float(fields[0]) <= 1
        except ValueError:
            ok = False
        if not ok:
            sys.exit(f"{RECORD_PATH}:{n}: not five tab-separated fields with an overlap first: {line!r}")
        key = (fields[2], fields[3], fields[4])
        if key in RECORD:
            sys.exit(f"{RECORD_PATH}:{n}: the same pair as line {RECORD[key][0]}")
        RECORD[key] = (n, line)


def main():
    global FLOOR
    read_record()
    # recorded overlaps are rounded to two decimals: 0.005 below the lowest still finds it
    FLOOR = min([LIMIT] + [float(line.split("\t")[0]) - 0.005 for _, line in RECORD.values()])
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
    # the later files (rounds 29 to 49), each file's rows whose text no file read before it holds (rounds 41, 42, 44,
    # 48, 49a and 49b only copy other files' rows, some with labels set to "-", so none of their rows is new);
    # Chinese rows by character pairs, the others by words: training rows against every dev, held-out and fresh
    # sentence, dev rows against every training, held-out and fresh sentence
    compare_new_rows(EARLY_TRAIN, LATER_TRAIN, EARLY_DEV + LATER_DEV + HELDOUT, close)
    compare_new_rows(EARLY_DEV, LATER_DEV, HELDOUT + EARLY_TRAIN + LATER_TRAIN, close)
    known = sorted((tid, -j, key) for key, (j, tid) in FOUND.items() if key in RECORD and j >= LIMIT)
    if "--show-known" in sys.argv:
        for tid, j, (mine, path, text) in known:
            print(f"{-j:.2f}\t{tid}\t{mine}\t{path}\t{text}\tknown and recorded")
    for tid, j, (mine, path, text) in sorted((tid, -j, key) for key, (j, tid) in FOUND.items()
                                              if key not in RECORD and j >= LIMIT):
        print(f"{-j:.2f}\t{tid}\t{mine}\t{path}\t{text}")
    stale = sorted(v for key, v in RECORD.items() if key not in FOUND)
    for n, line in stale:
        print(f"{RECORD_PATH}:{n}: stale, no such pair is compared any more at {FLOOR:.3f} or more: {line}",
              file=sys.stderr)
    print(f"{len(known)} known and recorded pairs reach Jaccard {LIMIT} ({RECORD_PATH}, {len(RECORD)} pairs; "
          f"--show-known prints them); {len(stale)} stale record lines", file=sys.stderr)
    print(f"{len(close)} training-only or dev-only templates close to a sentence on another side (Jaccard >= {LIMIT})",
          file=sys.stderr)
    sys.exit(1 if close or stale else 0)


def compare_new_rows(earlier, later, against, close):
    """Compares, file by file in the order of later, the rows whose text neither the earlier files nor the later files
    before it hold with the sentences of against (Chinese rows by character pairs, the others by words)."""
    seen = set()
    for path in earlier:
        seen |= {r["text"] for r in read(path)}
    for path in later:
        rows = read(path)
        compare([r for r in rows if r["text"] not in seen], against, close, words, pairs)
        seen |= {r["text"] for r in rows}


@functools.lru_cache(maxsize=None)
def pairs(text, groups):
    """The set of adjacent character pairs of a Chinese sentence after its group term is replaced by one placeholder
    character (a Chinese sentence has no spaces, so words() would see one word per clause)."""
    t = text.lower()
    for g in sorted(groups, key=len, reverse=True):
        t = t.replace(g.lower(), "\u25a1")
    t = "".join(t.split())
    return {t[i:i + 2] for i in range(len(t) - 1)}


@functools.lru_cache(maxsize=None)
def group_terms():
    """Every group term of generate.py's languages (plural and singular forms), which words() and pairs() replace; a
    frozenset, so that words() and pairs(), computed once per text and terms, can cache their sets (which no caller
    changes)."""
    import generate
    return frozenset({p for data in generate.L.values() for _, p, s in data["groups"]}
                     | {s for data in generate.L.values() for _, p, s in data["groups"]})


def compare(new, paths, close, measure=words, zh_measure=None):
    """Adds to close (template id -> (Jaccard, its text, other file, other text)) every template of new whose words
    (or another measure's set, e.g. pairs) overlap a sentence of one of paths by at least LIMIT, keeping the
    closest; Chinese rows on both sides use zh_measure instead when it is given. A text held by several of paths is
    compared once, as the first of them holds it. Every pair at FLOOR or more also goes to FOUND; a pair in RECORD
    (text, compared file, other text) does not go to close."""
    others = []
    for path in paths:
        others += [(path, r) for r in read(path)] if new else []
    groups = group_terms()

    def of(r):
        return (zh_measure if zh_measure and r["lang"] == "zh" else measure)(r["text"], groups)

    # per language: the sentences' sets and, for each word (or character pair), the sentences that hold it
    index, postings, done = {}, {}, set()
    for path, r in others:
        if (r["lang"], r["text"]) in done:
            continue
        done.add((r["lang"], r["text"]))
        w = of(r)
        if len(w) >= 3:
            sentences = index.setdefault(r["lang"], [])
            for token in w:
                postings.setdefault(r["lang"], {}).setdefault(token, []).append(len(sentences))
            sentences.append((w, path, r["text"]))
    lowest = min(LIMIT, FLOOR)
    for r in new:
        w = of(r)
        sentences, tokens = index.get(r["lang"], []), postings.get(r["lang"], {})
        # how many of w's tokens each sentence shares (a sentence sharing none has overlap 0)
        shared = collections.Counter()
        for token in w:
            shared.update(tokens.get(token, ()))
        for i, common in sorted(shared.items()):
            ow, path, text = sentences[i]
            j = common / (len(w) + len(ow) - common)
            if j < lowest:
                continue
            key = (r["text"], path, text)
            if j > FOUND.get(key, (0,))[0]:
                FOUND[key] = (j, r["template"])
            if j >= LIMIT and key not in RECORD and j > close.get(r["template"], (0,))[0]:
                close[r["template"]] = (j, r["text"], path, text)
    print(f"{len(new)} rows, {len({r['template'] for r in new})} templates compared with {', '.join(paths)}",
          file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, "training/contrastive")
    main()
