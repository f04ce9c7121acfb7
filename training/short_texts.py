#!/usr/bin/env python3
"""Measures how fast (n-gram) models treat short texts, on dev only, with the product's own `score` command (language
detected as the service detects it, each model's own thresholds). Round 29 (training/dev-variants.md) compares models
with it. For each model it prints:
  - public dev macro-F1 per attribute and their mean (the public data's dev rows, where the attribute is labelled);
  - public dev short non-toxic texts (at most 3 words; not zh or ko, whose texts have no spaces): the share flagged on
    an attribute the row is labelled negative for, beside the same share for longer non-toxic texts;
  - authored dev (training/contrastive/dev.tsv, the rows before round 29): pass rate per behaviour and their mean (a
    row passes when every stated label agrees with the flag);
  - round 29's short chat dev rows (the rows of --chat-dev that dev.tsv lacks): benign rows flagged on any attribute,
    short insults caught (TOXICITY or INSULT flagged), profanity caught (PROFANITY flagged);
  - with --round-dev FILE (a later round's dev file, e.g. dev-round33.tsv): the rows of FILE that neither dev.tsv
    nor the chat dev file holds, pass rate per behaviour (round 33: threats to a person and violent idioms).
The public dev rows are written once to target/short-texts/public-dev.jsonl (by PublicDevRows; never commit them).
Run from the repository root after building the production jar:
  python3 training/short_texts.py [--jar FILE] [--chat-dev FILE] [--round-dev FILE] NAME=MODEL.bin [...]
A model named "default" with no file (default=) scores with the jar's committed model."""
import csv
import glob
import json
import os
import subprocess
import sys
import zipfile

WORK = "target/short-texts"
PUBLIC_DEV = os.path.join(WORK, "public-dev.jsonl")
AUTHORED_DEV = "training/contrastive/dev.tsv"
CHAT_DEV = "training/contrastive/dev-round29.tsv"
ATTRIBUTES = ("TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY", "THREAT")
NO_SPACES = ("zh", "ko")
SHORT_WORDS = 3
MANIFEST = "BOOT-INF/classes/models/default/manifest.json"
USAGE = "usage: short_texts.py [--jar FILE] [--chat-dev FILE] [--round-dev FILE] NAME=MODEL.bin [NAME=MODEL.bin ...]"


def options_and_pairs(args, options, usage, example, kind):
    """({option: value} for the options given, [(name, file or None)]) from a command line where each of options takes
    one value and every other argument is NAME=FILE (an empty FILE means the jar's own); a FILE given must exist, and at
    least one pair must be given. example ("MODEL.bin") and kind ("model") name the files in the messages."""
    given, pairs = {}, []
    i = 0
    while i < len(args):
        if args[i] in options:
            if i + 1 >= len(args):
                sys.exit(f"{args[i]} needs a value: {usage}")
            given[args[i]] = args[i + 1]
            i += 2
            continue
        name, sep, path = args[i].partition("=")
        if not sep or not name:
            sys.exit(f"expected NAME={example}, not {args[i]}: {usage}")
        if path and not os.path.isfile(path):
            sys.exit(f"{args[i]}: no such {kind} file")
        pairs.append((name, path or None))
        i += 1
    if not pairs:
        sys.exit(usage)
    return given, pairs


def arguments(args):
    """(jar, chat dev file, round dev file or None, [(name, model file or None)]) from the command line."""
    given, models = options_and_pairs(args, ("--jar", "--chat-dev", "--round-dev"), USAGE, "MODEL.bin", "model")
    jar, chat, round_dev = find_jar(given.get("--jar")), given.get("--chat-dev", CHAT_DEV), given.get("--round-dev")
    if not os.path.isfile(chat):
        sys.exit(f"--chat-dev {chat}: no such file (run training/contrastive/round29.py)")
    if round_dev is not None and not os.path.isfile(round_dev):
        sys.exit(f"--round-dev {round_dev}: no such file")
    return jar, chat, round_dev, models


def find_jar(jar):
    """The jar given, or the one target/safespeak-*.jar; exits when there is none or the one given is missing."""
    if jar is None:
        jars = glob.glob("target/safespeak-*.jar")
        if len(jars) != 1:
            sys.exit(f"expected one target/safespeak-*.jar, found {len(jars)}; build it or pass --jar")
        return jars[0]
    if not os.path.isfile(jar):
        sys.exit(f"--jar {jar}: no such file")
    return jar


def public_dev():
    """The public dev rows, written by PublicDevRows on first use."""
    if not os.path.isfile(PUBLIC_DEV):
        command = ("source training/classpath.sh && CP=$(safespeak_classpath target/short-texts) && "
                   f"java -Xmx8g -cp \"$CP\" dev.safespeak.moderation.training.PublicDevRows --out {PUBLIC_DEV}")
        subprocess.run(["bash", "-c", command], check=True)
    with open(PUBLIC_DEV, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def run_score(jar, args, name):
    """Runs the jar's `score` command with args; exits naming the run when it fails."""
    done = subprocess.run(["java", "-jar", jar, "score"] + list(args), capture_output=True, text=True)
    if done.returncode not in (0, 2):
        sys.exit(f"score failed for {name} ({done.returncode}): {done.stderr[-2000:]}")


def score_records(jar, model, name, texts, extra=()):
    """The score command's result record per text (scores, flagged, modelVersion ...), in order; extra holds more
    `score` options (--mode, --heads, --thresholds). Exits when the command skipped a text."""
    src = os.path.join(WORK, f"in-{name}.jsonl")
    out = os.path.join(WORK, f"out-{name}.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    run_score(jar, ["--in", src, "--out", out] + (["--model", model] if model else []) + list(extra), name)
    records = {}
    with open(out, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            records[r["id"]] = r
    missing = [i for i in range(len(texts)) if i not in records]
    if missing:
        sys.exit(f"score skipped {len(missing)} of {len(texts)} texts for {name} (first: {texts[missing[0]]!r})")
    return [records[i] for i in range(len(texts))]


def score(jar, model, name, texts, extra=()):
    """Flags per text (a dict attribute -> bool), in order (see score_records)."""
    return [r["flagged"] for r in score_records(jar, model, name, texts, extra)]


def committed_thresholds(jar):
    """The flag threshold per attribute of the n-gram model inside the jar (its manifest)."""
    with zipfile.ZipFile(jar) as z, z.open(MANIFEST) as f:
        training = json.load(f)["training"]
    return {a: v["threshold"] for a, v in training.items()}


def macro_f1(pairs):
    """Mean of the positive and negative class F1 over (truth, flagged) pairs."""
    tp = sum(1 for t, p in pairs if t and p)
    fp = sum(1 for t, p in pairs if not t and p)
    fn = sum(1 for t, p in pairs if t and not p)
    tn = len(pairs) - tp - fp - fn
    f1 = lambda a, b, c: 2 * a / (2 * a + b + c) if a else 0.0
    return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2


def is_short(row):
    return row["language"] not in NO_SPACES and len(row["text"].split()) <= SHORT_WORDS


def stated(label):
    return None if label == "-" else label == "1"


def passes(labels, flags):
    return all(flags.get(a) == v for a, v in labels.items() if v is not None and a in flags)


def measure(public, authored, chat, flags_public, flags_authored, flags_chat):
    m = {}
    for a in ATTRIBUTES:
        pairs = [(r["labels"][a], f.get(a, False)) for r, f in zip(public, flags_public) if a in r["labels"]]
        m[a] = macro_f1(pairs)
    m["mean F1"] = sum(m[a] for a in ATTRIBUTES) / len(ATTRIBUTES)
    for kind, pick in (("short", is_short), ("longer", lambda r: not is_short(r))):
        negatives = [(r, f) for r, f in zip(public, flags_public)
                     if pick(r) and r["labels"] and not any(r["labels"].values())]
        wrong = sum(1 for r, f in negatives if any(f.get(a) for a in r["labels"]))
        m[f"{kind} non-toxic flagged"] = (wrong, len(negatives))
    by_behaviour = {}
    for r, f in zip(authored, flags_authored):
        labels = {a: stated(r[a]) for a in ATTRIBUTES if a in r}
        by_behaviour.setdefault(r["behaviour"], []).append(passes(labels, f))
    m["authored"] = {b: sum(v) / len(v) for b, v in sorted(by_behaviour.items())}
    m["authored mean"] = sum(m["authored"].values()) / len(m["authored"])
    benign = [f for r, f in zip(chat, flags_chat) if r["behaviour"] == "neutral"]
    insults = [f for r, f in zip(chat, flags_chat) if r["behaviour"] == "insult"]
    profane = [f for r, f in zip(chat, flags_chat) if r["behaviour"] == "profanity_no_attack"]
    m["chat benign flagged"] = (sum(1 for f in benign if any(f.values())), len(benign))
    m["chat insults caught"] = (sum(1 for f in insults if f.get("TOXICITY") or f.get("INSULT")), len(insults))
    m["chat profanity caught"] = (sum(1 for f in profane if f.get("PROFANITY")), len(profane))
    return m


def pass_rates(rows, flags):
    """Pass rate per behaviour of authored rows (every stated label agrees with the flag): {behaviour: (passed, n)}."""
    by_behaviour = {}
    for r, f in zip(rows, flags):
        labels = {a: stated(r[a]) for a in ATTRIBUTES if a in r}
        hit, n = by_behaviour.get(r["behaviour"], (0, 0))
        by_behaviour[r["behaviour"]] = (hit + passes(labels, f), n + 1)
    return dict(sorted(by_behaviour.items()))


def share(pair):
    hit, n = pair
    return f"{hit}/{n} ({100 * hit / max(n, 1):.1f}%)"


def main():
    jar, chat_file, round_file, models = arguments(sys.argv[1:])
    os.makedirs(WORK, exist_ok=True)
    public = public_dev()
    authored = read_tsv(AUTHORED_DEV)
    known = {r["text"] for r in authored}
    chat = [r for r in read_tsv(chat_file) if r["text"] not in known]
    later = []
    if round_file:
        older = known | {r["text"] for r in chat}
        later = [r for r in read_tsv(round_file) if r["text"] not in older]
        print(f"{round_file}: {len(later)} dev rows that dev.tsv and the chat dev file lack")
    print(f"public dev rows {len(public)}, authored dev rows {len(authored)}, round 29 chat dev rows {len(chat)}")
    head = ["model"] + list(ATTRIBUTES) + ["mean F1", "short non-toxic flagged", "longer non-toxic flagged",
                                           "authored mean", "chat benign flagged", "chat insults caught",
                                           "chat profanity caught"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    behaviours, rounds = {}, {}
    for name, model in models:
        m = measure(public, authored, chat, score(jar, model, name + "-public", [r["text"] for r in public]),
                    score(jar, model, name + "-authored", [r["text"] for r in authored]),
                    score(jar, model, name + "-chat", [r["text"] for r in chat]))
        cells = [name] + [f"{m[a]:.4f}" for a in ATTRIBUTES] + [f"{m['mean F1']:.4f}"]
        cells += [share(m["short non-toxic flagged"]), share(m["longer non-toxic flagged"]),
                  f"{100 * m['authored mean']:.1f}%", share(m["chat benign flagged"]),
                  share(m["chat insults caught"]), share(m["chat profanity caught"])]
        print("| " + " | ".join(cells) + " |", flush=True)
        behaviours[name] = m["authored"]
        if later:
            rounds[name] = pass_rates(later, score(jar, model, name + "-round", [r["text"] for r in later]))
    print("\nauthored dev pass rate per behaviour:")
    for b in next(iter(behaviours.values())):
        print(f"  {b:22} " + "  ".join(f"{n} {100 * v[b]:.1f}%" for n, v in behaviours.items()))
    if rounds:
        print(f"\n{round_file}'s new dev rows, pass rate per behaviour:")
        for b in next(iter(rounds.values())):
            print(f"  {b:22} " + "  ".join(f"{n} {share(v[b])}" for n, v in rounds.items()))


if __name__ == "__main__":
    main()
