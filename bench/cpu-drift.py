#!/usr/bin/env python3
"""How much the accurate engine's scores depend on the CPU. The int8 encoder runs in ONNX Runtime, whose kernels differ
by instruction set, so the same jar can score a text slightly differently on another CPU (session 21 saw the same
heads give other test numbers on an AMD machine than on the Intel one that trained them).

Scores the English and Chinese sentences of the authored held-out and fresh suites (src/test/resources/functional, the
languages the encoders cover) with `java -jar JAR score --mode accurate --languages en,zh`, twice on this machine
(one thread, then two threads, separate processes), and compares:
- the two runs here with each other (is scoring deterministic on one machine?);
- this machine's run with the committed reference, bench/cpu-drift-reference.jsonl.gz, written on another machine with
  --write-reference: texts whose scores differ (as `score` writes them, four decimals), the largest difference per
  attribute, and the texts flagged differently.
Writes docs/reports/cpu-drift.md. Refuses (exit 2), before scoring, when the reference is missing, was written with
other heads or for other texts (each text is held as a digest), and after the first run when it was written with
another model or when a text was not scored by an encoder (it would measure nothing); writes no reference unless the
two runs here agree. Exit 0 when measured, whatever the differences: read the report.
--java "CMD" runs the jar with another java command (split as a shell would): under `qemu-x86_64 -cpu Haswell
/usr/lib/jvm/java-17-openjdk-amd64/bin/java` (Debian's qemu-user) the run sees a CPU with AVX2 and no AVX-512, so one
machine can compare two instruction sets; the report names the command. The suites are split at tabs only (a quote
is part of a sentence, as the Java reader takes it). The encoder's own intra-op threads stay at score's 1.
Usage, from the repository root:
  python3 bench/cpu-drift.py [--jar JAR] [--java "CMD"] [--write-reference] [--report FILE]"""
import csv
import datetime
import gzip
import hashlib
import json
import os
import shlex
import subprocess
import sys
import tempfile
import zipfile

SUITES = ("src/test/resources/functional/heldout.tsv", "src/test/resources/functional/fresh.tsv")
LANGUAGES = ("en", "zh")
REFERENCE = "bench/cpu-drift-reference.jsonl.gz"
SCORE_TIMEOUT_SECONDS = 2 * 60 * 60  # generous: under qemu a run takes minutes
USAGE = "usage: bench/cpu-drift.py [--jar JAR] [--java \"CMD\"] [--write-reference] [--report FILE]"


def fail(message):
    print(f"cpu-drift: {message}", file=sys.stderr)
    sys.exit(2)


def arguments(args):
    options = {"--jar": None, "--java": "java", "--report": "docs/reports/cpu-drift.md", "--write-reference": False}
    i = 0
    while i < len(args):
        if args[i] == "--write-reference":
            options["--write-reference"] = True
            i += 1
        elif args[i] in ("--jar", "--java", "--report") and i + 1 < len(args):
            options[args[i]] = args[i + 1]
            i += 2
        else:
            fail(f"{USAGE}: not understood: {' '.join(args[i:])}")
    return options


def default_jar():
    if os.path.isdir("target"):
        jars = sorted(f for f in os.listdir("target") if f.startswith("safespeak-") and f.endswith(".jar"))
        if jars:
            return os.path.join("target", jars[0])
    fail("no jar given and none in target/: build one (./mvnw -B -Pproduction -DskipTests package) or pass --jar")


def heads_version(jar):
    try:
        with zipfile.ZipFile(jar) as z:
            return json.loads(z.read("BOOT-INF/classes/models/default/encoder-heads.json"))["version"]
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as e:
        fail(f"{jar} is not a SafeSpeak jar with encoder heads ({e})")


def cpu():
    """The CPU's model name and the vector instruction sets ONNX Runtime chooses its kernels by."""
    name, flags = "unknown CPU", set()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name") and name == "unknown CPU":
                    name = line.split(":", 1)[1].strip()
                elif line.startswith("flags") and not flags:
                    flags = set(line.split(":", 1)[1].split())
    except OSError:
        pass
    sets = [f for f in ("avx2", "fma", "avx512f", "avx512bw", "avx512_vnni", "avx_vnni", "amx_int8") if f in flags]
    return f"{name} ({', '.join(sets) or 'no AVX2'})"


def texts():
    """(id, language, text) of every English and Chinese sentence of the suites; the id is file:line."""
    rows = []
    for path in SUITES:
        try:
            with open(path, encoding="utf-8") as f:
                # tabs only: a quote is part of a sentence, as the Java reader of these files takes it
                for n, r in enumerate(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
                    if r["lang"] in LANGUAGES:
                        rows.append((f"{os.path.basename(path)}:{n}", r["lang"], r["text"]))
        except (OSError, KeyError) as e:
            fail(f"cannot read {path} ({e}); run from the repository root")
    return rows


def score(java, jar, rows, threads, work):
    """The model version and {id: (scores, flagged)} as `score --mode accurate --threads N` writes them; stops when a
    text was not scored by an encoder."""
    src, out = os.path.join(work, "in.jsonl"), os.path.join(work, f"out-{threads}.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for i, lang, text in rows:
            f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
    command = shlex.split(java) + ["-jar", jar, "score", "--in", src, "--out", out, "--mode", "accurate",
               "--languages", ",".join(LANGUAGES), "--threads", str(threads)]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=SCORE_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        fail(f"score --threads {threads} did not finish within {SCORE_TIMEOUT_SECONDS // 60} minutes")
    if run.returncode != 0:
        fail(f"score --threads {threads} exited {run.returncode}: {run.stderr.strip()[-600:]}")
    with open(out, encoding="utf-8") as f:
        records = {r["id"]: r for r in map(json.loads, f)}
    if len(records) != len(rows):
        fail(f"score wrote {len(records)} records for {len(rows)} texts")
    ngram = sorted(i for i, r in records.items() if not r["engine"].startswith("encoder:"))
    if ngram:
        fail(f"{len(ngram)} texts were not scored by an encoder (first: {ngram[0]}, {records[ngram[0]]['engine']}): "
             "this jar's accurate mode does not cover them, so they measure nothing here")
    return next(iter(records.values()))["modelVersion"], {i: (r["scores"], r["flagged"]) for i, r in records.items()}


def digest(text):
    """A short fingerprint of a text, so the reference can tell a changed sentence without holding it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def differences(a, b, rows):
    """Texts whose scores differ, the largest difference per attribute, and the texts flagged differently, between
    two {id: (scores, flagged)}."""
    changed, largest, flags = 0, {}, []
    for i, lang, text in rows:
        sa, fa = a[i]
        sb, fb = b[i]
        changed += any(sa[k] != sb[k] for k in sa)
        for k in sa:
            largest[k] = max(largest.get(k, 0.0), abs(sa[k] - sb[k]))
        for k in sa:
            if fa[k] != fb[k]:
                flags.append((i, lang, text, k, sa[k], sb[k]))
    return changed, largest, flags


def read_reference():
    """The reference's header, {id: digest} and {id: (scores, flagged)}; stops with a message when it cannot."""
    try:
        with gzip.open(REFERENCE, "rt", encoding="utf-8") as f:
            header = json.loads(f.readline())
            for field in ("cpu", "modelVersion", "heads", "date"):
                if field not in header:
                    raise ValueError(f"its header has no {field}")
            digests, reference = {}, {}
            for line in f:
                r = json.loads(line)
                digests[r["id"]] = r["text"]
                reference[r["id"]] = (r["scores"], r["flagged"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        fail(f"cannot read {REFERENCE} ({e}); write one with --write-reference")
    return header, digests, reference


def main():
    options = arguments(sys.argv[1:])
    jar = options["--jar"] or default_jar()
    if not os.path.isfile(jar):
        fail(f"no jar at {jar}")
    heads = heads_version(jar)
    rows = texts()
    if not options["--write-reference"]:
        # the checks that need no scoring come first: a run under qemu takes minutes
        header, digests, reference = read_reference()
        if header["heads"] != heads:
            fail(f"{REFERENCE} was written with heads {header['heads']}; this jar has {heads}: write a new reference "
                 "with --write-reference on the reference machine")
        missing = [i for i, _, text in rows if digests.get(i) != digest(text)]
        if missing or len(reference) != len(rows):
            fail(f"{REFERENCE} holds other texts than the suites now ({len(missing)} missing or changed, "
                 f"{len(reference)} held): write a new reference with --write-reference")
    with tempfile.TemporaryDirectory() as work:
        model, one = score(options["--java"], jar, rows, 1, work)
        _, two = score(options["--java"], jar, rows, 2, work)
    here_changed, _, here_flags = differences(one, two, rows)
    this_cpu = cpu() if options["--java"] == "java" else \
        f"java run as `{options['--java']}` on {cpu()}"
    if options["--write-reference"]:
        if here_changed:
            fail(f"the two runs here differ on {here_changed} texts: no reference written")
        header = {"cpu": this_cpu, "modelVersion": model, "heads": heads, "date": datetime.date.today().isoformat(),
                  "texts": len(rows)}
        reference = one
        with gzip.open(REFERENCE, "wt", encoding="utf-8", compresslevel=9) as f:
            f.write(json.dumps(header) + "\n")
            for i, lang, text in rows:
                f.write(json.dumps({"id": i, "text": digest(text), "scores": one[i][0], "flagged": one[i][1]}) + "\n")
        print(f"cpu-drift: wrote {REFERENCE} ({len(rows)} texts, {this_cpu})")
    if header["modelVersion"] != model:
        fail(f"{REFERENCE} was written with model {header['modelVersion']}; this jar has {model}: write a new "
             "reference with --write-reference on the reference machine")
    changed, largest, flags = differences(reference, one, rows)
    attributes = list(next(iter(one.values()))[0])
    md = [f"# Accurate-mode scores across CPUs", "",
          f"Generated by `python3 bench/cpu-drift.py{''.join(' ' + shlex.quote(a) for a in sys.argv[1:])}` on "
          f"{datetime.date.today().isoformat()}: model {model}, heads "
          f"{heads}, {len(rows)} English and Chinese sentences of the authored held-out and fresh suites, scored with "
          f"`score --mode accurate` as it writes scores (four decimals).", "",
          f"- This machine: {this_cpu}.",
          f"- Reference (`{REFERENCE}`): {header['cpu']}, written on {header['date']}.", "",
          "| comparison | texts with any score different | flags different (text and attribute) |",
          "|---|---:|---:|",
          f"| this machine, one thread against two threads (two processes) | {here_changed} | {len(here_flags)} |",
          f"| this machine against the reference | {changed} | {len(flags)} |", "",
          "Largest score difference per attribute, this machine against the reference:", "",
          "| " + " | ".join(attributes) + " |", "|" + "---:|" * len(attributes),
          "| " + " | ".join(f"{largest[k]:.4f}" for k in attributes) + " |", ""]
    moved = sorted(((max(abs(reference[i][0][k] - one[i][0][k]) for k in attributes), i, lang, text)
                    for i, lang, text in rows), key=lambda m: (-m[0], m[1]))
    moved = [m for m in moved if m[0] > 0][:10]
    if moved:
        md += ["Texts whose scores moved most (attribute: reference -> this machine, where it differs):", ""]
        md += [f"- {i} ({lang}; " + ", ".join(f"{k}: {reference[i][0][k]} -> {one[i][0][k]}" for k in attributes
                                              if reference[i][0][k] != one[i][0][k]) + f"): {text}"
               for _, i, lang, text in moved]
        md.append("")
    if flags:
        md += ["Flags that differ (reference score, this machine's score):", ""]
        md += [f"- {i} ({lang}, {k}: {ra} -> {rb}): {text}" for i, lang, text, k, ra, rb in flags[:30]]
        if len(flags) > 30:
            md.append(f"- ... and {len(flags) - 30} more")
        md.append("")
    os.makedirs(os.path.dirname(options["--report"]) or ".", exist_ok=True)
    with open(options["--report"], "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    print(f"cpu-drift: {changed} of {len(rows)} texts score differently from the reference ({header['cpu']}), "
          f"{len(flags)} flags differ; here, one against two threads: {here_changed} -> {options['--report']}")


if __name__ == "__main__":
    main()
