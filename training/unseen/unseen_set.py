"""Reads an unseen check set: a TSV file whose header names the columns id, label, group and text. A label is neutral or
hate (sentences that mention identity groups) or, since the fifth set, threat (a threat to one person) or nonthreat
(violent words that threaten no one); group is "-" for the last two.
Stops the script with a message on stderr that names the file and line when the file is missing or a line is
malformed, instead of a traceback or a silently wrong report. Used by score.py and check_overlap.py; tested by
UnseenScriptsTest."""
import csv
import sys

COLUMNS = ("id", "label", "group", "text")
LABELS = ("neutral", "hate", "threat", "nonthreat")


def chinese(text):
    """Whether a text holds a CJK ideograph: score.py names such a set Chinese, check_overlap.py compares such a
    sentence with the Chinese rows."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def read_set(path, status=1):
    """Answers the rows of path as dicts (column -> field) in file order, skipping blank lines; exits with status when
    the set is missing or malformed."""

    def fail(message):
        print(message, file=sys.stderr)
        sys.exit(status)

    try:
        f = open(path, encoding="utf-8", newline="")
    except OSError as e:
        fail(f"{path}: cannot read it ({e.strerror}); run from the repository root")
    with f:
        reader = csv.reader(f, delimiter="\t")
        header = next(reader, None)
        if not header:
            fail(f"{path}: no header; the first line must name the columns {', '.join(COLUMNS)}")
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            fail(f"{path}: the header has no column {', '.join(missing)} (it names {', '.join(header)})")
        rows = []
        first_line = {}
        for fields in reader:
            line = reader.line_num
            if not fields:
                continue
            if len(fields) != len(header):
                fail(f"{path} line {line}: {len(fields)} tab-separated fields, the header has {len(header)}")
            row = dict(zip(header, fields))
            empty = [c for c in COLUMNS if not row[c].strip()]
            if empty:
                fail(f"{path} line {line}: empty {', '.join(empty)}")
            if row["label"] not in LABELS:
                fail(f"{path} line {line}: label must be neutral, hate, threat or nonthreat, not {row['label']!r}")
            if (row["group"] == "-") != (row["label"] in ("threat", "nonthreat")):
                fail(f"{path} line {line}: group must be - for a threat or nonthreat row and a group for a "
                     f"{row['label']} row, not {row['group']!r}")
            if row["id"] in first_line:
                fail(f"{path} line {line}: id {row['id']} again (first on line {first_line[row['id']]})")
            first_line[row["id"]] = line
            rows.append(row)
    return rows
