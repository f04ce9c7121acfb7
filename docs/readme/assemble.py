#!/usr/bin/env python3
"""Assembles README.md from the module sections in docs/readme/, in the order of ../shared/STYLE.md:
what it is -> quick start -> what you see -> API -> configuration -> how good -> how fast -> operations ->
development. Each module keeps its README text next to its peers' here; edit those files, then run
`python3 docs/readme/assemble.py` from the repository root. Links written relative to docs/readme/ (../reports/x)
are rewritten relative to the root (docs/reports/x)."""
import re
from pathlib import Path

DIR = Path(__file__).resolve().parent
ROOT = DIR.parent.parent


def sections(name):
    """The '## ' sections of a file, as an ordered dict title -> body (fenced code is never split)."""
    out, title, body, fenced = {}, None, [], False
    for line in (DIR / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            if title is not None:
                out[title] = "\n".join(body).strip("\n")
            title, body = line[3:].strip(), []
        else:
            body.append(line)
    if title is not None:
        out[title] = "\n".join(body).strip("\n")
    return out


def demote(text):
    """Moves every heading outside code fences one level down."""
    lines, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and re.match(r"#{2,5} ", line):
            line = "#" + line
        lines.append(line)
    return "\n".join(lines)


def split_sub(text, title):
    """Splits a '### title' subsection out of a section body: (rest, subsection body or None)."""
    pattern = re.compile(r"^### " + re.escape(title) + r"\n(.*?)(?=^### |\Z)", re.S | re.M)
    m = pattern.search(text)
    if not m:
        return text, None
    return (text[:m.start()] + text[m.end():]).strip("\n"), m.group(1).strip("\n")


platform = sections("platform.md")
golive = sections("golive.md")
signoff = sections("signoff-audit.md")
evidence = sections("evidence.md")
api = sections("api.md")
runtime = sections("runtime.md")
configuration = sections("configuration.md")
quality = sections("model-quality.md")

users, startup = split_sub(platform["Users and roles"], "Start-up time")
api_body, api_speed = split_sub(api["API"], "How fast is the API?")

parts = ["# SafeSpeak"]
parts.append("## What it is and why\n\n" + platform["What it is and why"])
parts.append("## Quick start\n\n" + platform["Quick start"])
parts.append("## What you see")
parts.append("### The go-live board\n\n" + demote(golive["The go-live board"]))
for title, body in signoff.items():
    parts.append("### " + title + "\n\n" + demote(body))
parts.append("### Users and roles\n\n" + demote(users))
for title, body in evidence.items():
    parts.append("### " + title + "\n\n" + demote(body))
parts.append("## API\n\n" + api_body)
for title in ("Language detection", "Offline scoring", "Model registry"):
    parts.append("### " + title + "\n\n" + demote(runtime[title]))
parts.append("## Configuration\n\n" + configuration["Configuration"])
parts.append("### Configuration of the engine\n\n" + demote(runtime["Configuration (runtime)"]))
parts.append("## How good is it?\n\n" + quality["How good is it?"])
parts.append("## How fast is it?")
parts.append("### The engine, in process\n\n" + demote(runtime["How fast is it?"]))
if api_speed:
    parts.append("### How fast is the API?\n\n" + api_speed)
operations = platform["Operations"]
if startup:
    operations += "\n\n### Start-up time\n\n" + startup
parts.append("## Operations\n\n" + operations)
parts.append("## Development\n\n" + platform["Development"])

readme = "\n\n".join(p.strip("\n") for p in parts) + "\n"
readme = readme.replace("](../reports/", "](docs/reports/").replace("](../decisions/", "](docs/decisions/")
readme = readme.replace("](../model-card.md", "](docs/model-card.md").replace("](../../", "](")
(ROOT / "README.md").write_text(readme, encoding="utf-8")
print(f"README.md: {len(readme.splitlines())} lines")
