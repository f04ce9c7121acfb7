#!/usr/bin/env python3
"""A dev-only look at one idea for threats to a person (session 20): accurate mode could flag THREAT wherever fast
mode flags it too, a union of the two engines' THREAT verdicts, since on dev fast mode (round 37's n-gram model) catches
more English threats to a person than the heads. The script changes nothing and chooses nothing; it prints what the
union would do, with the product's own `score` command (language detected as the service detects it, each engine's
committed thresholds):
  - English public dev rows labelled THREAT (the public data's dev rows, written once by PublicDevRows into
    target/short-texts, as training/short_texts.py does), per data set: THREAT macro-F1 of fast, accurate and the union;
    TOXICITY macro-F1 of accurate and of accurate with TOXICITY also flagged where fast flags THREAT and TOXICITY;
  - the English rows of an authored dev file (default training/contrastive/dev-encoder-round40.tsv, the heads' dev
    file with round 40's threats): pass rate per behaviour of fast, accurate, the union on THREAT, and the union on
    THREAT and TOXICITY (a threat passes only when both are flagged).
The committed heads chose their thresholds on the public dev rows and on the rows of dev-encoder-round27.tsv (which the
round 40 file starts with), so accurate mode's numbers there are a little optimistic; round 40's threats and
non-threats were never seen by them. Never run it on a test split. From the repository root, after building the production jar:
  python3 training/threat_union.py [--jar FILE] [--authored-dev FILE]"""
import os
import sys

from short_texts import WORK, find_jar, macro_f1, pass_rates, public_dev, read_tsv, score

AUTHORED_DEV = "training/contrastive/dev-encoder-round40.tsv"
USAGE = "usage: threat_union.py [--jar FILE] [--authored-dev FILE]"


def arguments(args):
    given = {}
    i = 0
    while i < len(args):
        if args[i] not in ("--jar", "--authored-dev") or i + 1 >= len(args) or args[i] in given:
            sys.exit(f"{USAGE}, not {' '.join(args)}")
        given[args[i]] = args[i + 1]
        i += 2
    authored = given.get("--authored-dev", AUTHORED_DEV)
    if not os.path.isfile(authored):
        sys.exit(f"--authored-dev {authored}: no such file")
    return find_jar(given.get("--jar")), authored


def variants(fast, accurate):
    """The four verdict sets compared, per text: fast, accurate, union (THREAT), union (THREAT and TOXICITY)."""
    union = [{**a, "THREAT": a.get("THREAT", False) or f.get("THREAT", False)} for f, a in zip(fast, accurate)]
    union_tox = [{**u, "TOXICITY": u.get("TOXICITY", False) or (f.get("THREAT", False) and f.get("TOXICITY", False))}
                 for f, u in zip(fast, union)]
    return {"fast": fast, "accurate": accurate, "union THREAT": union, "union THREAT+TOXICITY": union_tox}


def scored(jar, name, texts):
    return variants(score(jar, None, name + "-fast", texts, ["--mode", "fast"]),
                    score(jar, None, name + "-accurate", texts, ["--mode", "accurate"]))


def main():
    jar, authored_file = arguments(sys.argv[1:])
    os.makedirs(WORK, exist_ok=True)
    public = [r for r in public_dev() if r["language"] == "en" and "THREAT" in r["labels"]]
    flags = scored(jar, "union-public", [r["text"] for r in public])
    print(f"English public dev rows labelled THREAT: {len(public)}")
    print("| data set | rows | THREAT fast | THREAT accurate | THREAT union | TOXICITY accurate | TOXICITY union |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for dataset in sorted({r["dataset"] for r in public}):
        idx = [i for i, r in enumerate(public) if r["dataset"] == dataset]

        def f1(variant, attribute):
            pairs = [(public[i]["labels"][attribute], flags[variant][i].get(attribute, False))
                     for i in idx if attribute in public[i]["labels"]]
            return f"{macro_f1(pairs):.4f}" if pairs else "–"
        print(f"| {dataset} | {len(idx)} | {f1('fast', 'THREAT')} | {f1('accurate', 'THREAT')} | "
              f"{f1('union THREAT', 'THREAT')} | {f1('accurate', 'TOXICITY')} | "
              f"{f1('union THREAT+TOXICITY', 'TOXICITY')} |")
    authored = [r for r in read_tsv(authored_file) if r["lang"] == "en"]
    flags = scored(jar, "union-authored", [r["text"] for r in authored])
    rates = {v: pass_rates(authored, f) for v, f in flags.items()}
    print(f"\n{authored_file}, English rows: {len(authored)}; pass rate per behaviour")
    print("| behaviour | rows | " + " | ".join(rates) + " |")
    print("|---|---:|" + "---:|" * len(rates))
    for behaviour, (_, n) in rates["fast"].items():
        cells = [f"{100 * rates[v][behaviour][0] / n:.1f}%" for v in rates]
        print(f"| {behaviour} | {n} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
