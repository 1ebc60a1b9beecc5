#!/usr/bin/env python3
"""Check the narrative gold set: tests/gold/narrative.csv against the texts here.

Standalone (standard library only).  Run from anywhere:

    python3 tests/gold/narrative/verify.py

Checks every row (offsets point at the expression, spans do not overlap, kind,
value and anchor agree with each other, the value is well-formed EDTF of the
forms this set uses), that every text has rows and an entry in index.csv, and
prints counts by kind and by language.  Exits 1 on any error.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD_CSV = HERE.parent / "narrative.csv"
INDEX_CSV = HERE / "index.csv"

COLUMNS = ["article", "expression", "char_start", "char_end", "edtf", "kind", "anchor"]
KINDS = ("explicit", "narrative", "document", "unresolved")
LANGUAGES = ("en", "fr", "de", "pl", "hu", "ru", "es")
STYLES = ("ancient", "war", "biography", "news", "passage")
DATE_HEADER = re.compile(r"date: (\d{4}-\d{2}-\d{2})\n")

# One point: year (or masked decade/century), year-month, year-season, day; optional "~".
_POINT = re.compile(
    r"(?P<year>-?\d{4}|\d{3}X|\d{2}XX)"
    r"(?:-(?P<month>0[1-9]|1[0-2]|2[1-4])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?)?~?"
)


def _point_ok(value: str) -> bool:
    m = _POINT.fullmatch(value)
    if not m:
        return False
    if m["day"]:
        if int(m["month"]) > 12 or "X" in m["year"]:
            return False
        try:  # proleptic Gregorian, astronomical year (the leap cycle repeats every 400 years)
            dt.date(2000 + int(m["year"]) % 400, int(m["month"]), int(m["day"]))
        except ValueError:
            return False
    return True


def _sort_key(value: str) -> tuple[int, int, int]:
    m = _POINT.fullmatch(value)
    year = int(m["year"].replace("X", "0"))
    month = int(m["month"] or 0)
    return (year, month if month <= 12 else 0, int(m["day"] or 0))


def edtf_ok(value: str) -> bool:
    parts = value.split("/")
    if len(parts) == 1:
        return _point_ok(value)
    if len(parts) != 2 or not all(_point_ok(p) for p in parts):
        return False
    return _sort_key(parts[0].rstrip("~")) <= _sort_key(parts[1].rstrip("~"))


def main() -> int:
    errors: list[str] = []
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(HERE.glob("*.txt"))}

    with INDEX_CSV.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["article", "language", "style"]:
            errors.append(f"index.csv columns {reader.fieldnames}")
        index = {r["article"]: r for r in reader}
    for art, r in index.items():
        if art not in texts:
            errors.append(f"index.csv: {art} has no .txt")
        if r["language"] not in LANGUAGES:
            errors.append(f"index.csv: {art} language {r['language']!r}")
        if r["style"] not in STYLES:
            errors.append(f"index.csv: {art} style {r['style']!r}")
    for art in texts:
        if art not in index:
            errors.append(f"{art}.txt missing from index.csv")

    doc_dates: dict[str, str | None] = {}
    for art, text in texts.items():
        m = DATE_HEADER.match(text)
        if text.startswith("date:") and not m:
            errors.append(f"{art}: malformed date: header")
        if m:
            try:
                dt.date.fromisoformat(m[1])
            except ValueError:
                errors.append(f"{art}: bad document date {m[1]}")
        doc_dates[art] = m[1] if m else None
        body = text[m.end():] if m else text
        lines = body.split("\n")
        if len(lines) < 3 or not lines[0].strip() or lines[1] != "":
            errors.append(f"{art}: expected title line, blank line, body")
        if not 600 <= len(text) <= 2500:
            errors.append(f"{art}: {len(text)} characters (600-2,500 wanted)")

    with GOLD_CSV.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            errors.append(f"narrative.csv columns {reader.fieldnames}")
        rows = list(reader)

    by_article: dict[str, list[dict]] = defaultdict(list)
    for n, r in enumerate(rows, start=2):
        where = f"narrative.csv line {n} ({r['article']} {r['expression']!r})"
        art = r["article"]
        if art not in texts:
            errors.append(f"{where}: no such text")
            continue
        text = texts[art]
        try:
            s, e = int(r["char_start"]), int(r["char_end"])
        except ValueError:
            errors.append(f"{where}: offsets not integers")
            continue
        if not (0 <= s < e <= len(text)) or text[s:e] != r["expression"]:
            errors.append(f"{where}: text[{s}:{e}] is {text[s:e]!r}")
        if r["expression"] != r["expression"].strip():
            errors.append(f"{where}: expression has outer spaces")
        kind, edtf, anchor = r["kind"], r["edtf"], r["anchor"]
        if kind not in KINDS:
            errors.append(f"{where}: kind {kind!r}")
        if kind == "unresolved":
            if edtf or anchor:
                errors.append(f"{where}: unresolved rows have no edtf and no anchor")
        elif not edtf_ok(edtf):
            errors.append(f"{where}: edtf {edtf!r} is not a form this set uses")
        if kind == "explicit" and anchor:
            errors.append(f"{where}: explicit rows have no anchor")
        if kind == "document":
            if anchor != "date:":
                errors.append(f"{where}: document anchor must be 'date:'")
            if not doc_dates.get(art):
                errors.append(f"{where}: document kind but the text has no date: header")
        if kind == "narrative":
            earlier = [x["expression"] for x in by_article[art] if int(x["char_end"]) <= s]
            if anchor not in earlier:
                errors.append(f"{where}: anchor {anchor!r} is not an earlier annotated expression")
        by_article[art].append(r)

    for art in texts:
        if not by_article.get(art):
            errors.append(f"{art}: no rows")
    for art, rs in by_article.items():
        spans = sorted((int(x["char_start"]), int(x["char_end"]), x["expression"]) for x in rs)
        for (s1, e1, x1), (s2, e2, x2) in zip(spans, spans[1:]):
            if s2 < e1:
                errors.append(f"{art}: {x1!r} [{s1},{e1}) overlaps {x2!r} [{s2},{e2})")

    for msg in errors:
        print("ERROR", msg)

    kinds = Counter(r["kind"] for r in rows)
    relative = sum(kinds[k] for k in ("narrative", "document", "unresolved"))
    print(f"{len(texts)} texts, {len(rows)} expressions, {relative} relative "
          f"(narrative + document + unresolved, {relative / max(len(rows), 1):.0%})")
    print("by kind:    " + ", ".join(f"{k} {kinds[k]}" for k in KINDS))
    langs = Counter(index[r["article"]]["language"] for r in rows if r["article"] in index)
    texts_per_lang = Counter(r["language"] for r in index.values())
    print("by language: " + ", ".join(
        f"{lang} {langs[lang]} ({texts_per_lang[lang]} texts)" for lang in LANGUAGES))
    styles = Counter(index[r["article"]]["style"] for r in rows if r["article"] in index)
    texts_per_style = Counter(r["style"] for r in index.values())
    print("by style:    " + ", ".join(
        f"{st} {styles[st]} ({texts_per_style[st]} texts)" for st in STYLES))
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
