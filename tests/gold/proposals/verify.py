"""Check the hand-made gold set for the "propose events" feature.

Standalone, standard library only:  python3 tests/gold/proposals/verify.py

Checks tests/gold/proposals.csv and tests/gold/proposals-not-events.csv against the
articles in tests/gold/proposals/ and events/categories.csv, prints counts, and exits 1
on any problem.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent            # tests/gold/proposals
GOLD = HERE.parent                                 # tests/gold
ROOT = GOLD.parent.parent                          # repository root
ARTICLES = HERE
PROPOSALS = GOLD / "proposals.csv"
NOT_EVENTS = GOLD / "proposals-not-events.csv"
CATEGORIES = ROOT / "events" / "categories.csv"

COLUMNS = ["id", "title", "start", "end", "category", "people", "place",
           "article", "quote", "description", "mention"]
NOT_EVENT_COLUMNS = ["article", "mention", "reason"]
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The EDTF forms the gold file uses: year, month, day, season (21-24), decade (187X),
# century (18XX), each optionally approximate/uncertain (~ ? %); BC years as -0072.
EDTF = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?|(\d{3})X|(\d{2})XX")
TITLE_MAX = 70
ARTICLE_CHARS = (1200, 2500)
MENTIONS_PER_ARTICLE = (6, 12)

problems: list[str] = []


def problem(where: str, message: str) -> None:
    problems.append(f"{where}: {message}")


def read_csv(path: Path, columns: list[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != columns:
            problem(path.name, f"header is {reader.fieldnames}, expected {columns}")
        return list(reader)


def edtf_lower(value: str) -> tuple[int, int] | None:
    """(year, month) of the first day a gold date value can mean; None if unreadable."""
    m = EDTF.fullmatch(value)
    if not m:
        return None
    if m.group(4):
        return int(m.group(4)) * 10, 1
    if m.group(5):
        return int(m.group(5)) * 100, 1
    year = int(m.group(1))
    month = int(m.group(2) or 1)
    if month in (21, 22, 23, 24):              # spring, summer, autumn, winter
        month = {21: 3, 22: 6, 23: 9, 24: 12}[month]
    elif not 1 <= month <= 12:
        return None
    if m.group(3) and not 1 <= int(m.group(3)) <= 31:
        return None
    return year, month


def load_articles() -> dict[str, str]:
    articles = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problem(path.name, "not UTF-8")
            continue
        lines = text.split("\n")
        if len(lines) < 3 or not lines[0].strip() or lines[1] != "" or not lines[2].strip():
            problem(path.name, "not in the article format (title line, blank line, body)")
        if not SLUG.fullmatch(path.stem):
            problem(path.name, "file stem is not a slug")
        if not ARTICLE_CHARS[0] <= len(text) <= ARTICLE_CHARS[1]:
            problem(path.name, f"{len(text)} characters, expected {ARTICLE_CHARS[0]}-{ARTICLE_CHARS[1]}")
        articles[path.stem] = text
    return articles


def main() -> int:
    categories = [row["name"] for row in csv.DictReader(CATEGORIES.open(encoding="utf-8", newline=""))]
    articles = load_articles()
    gold = read_csv(PROPOSALS, COLUMNS)
    not_events = read_csv(NOT_EVENTS, NOT_EVENT_COLUMNS)

    seen_ids: dict[str, int] = {}
    for line, row in enumerate(gold, start=2):
        where = f"{PROPOSALS.name}:{line}"
        rid = row["id"]
        if not SLUG.fullmatch(rid):
            problem(where, f"id {rid!r} is not slug-like")
        if rid in seen_ids:
            problem(where, f"id {rid!r} already used on line {seen_ids[rid]}")
        seen_ids.setdefault(rid, line)
        if not row["title"].strip() or len(row["title"]) > TITLE_MAX:
            problem(where, f"title empty or longer than {TITLE_MAX} characters")
        if row["category"] not in categories:
            problem(where, f"unknown category {row['category']!r}")
        start = edtf_lower(row["start"])
        if start is None:
            problem(where, f"start {row['start']!r} is not an EDTF value the gold set uses")
        if row["end"]:
            end = edtf_lower(row["end"])
            if end is None:
                problem(where, f"end {row['end']!r} is not an EDTF value the gold set uses")
            elif start is not None and end < start:
                problem(where, "end is before start")
        for column in ("people", "place"):
            if row[column] and any(not part.strip() for part in row[column].split(";")):
                problem(where, f"{column} has an empty item")
        text = articles.get(row["article"])
        if text is None:
            problem(where, f"no article {row['article']!r} in {ARTICLES}")
            continue
        quote, mention = row["quote"], row["mention"]
        if not quote or quote not in text:
            problem(where, "quote is not found word for word in the article")
        elif text.count(quote) != 1:
            problem(where, "quote occurs more than once in the article")
        if not mention or quote.count(mention) != 1:
            problem(where, f"mention {mention!r} does not occur exactly once in the quote")

    quotes_by_article: dict[str, list[str]] = {}
    for row in gold:
        quotes_by_article.setdefault(row["article"], []).append(row["quote"])
    for line, row in enumerate(not_events, start=2):
        where = f"{NOT_EVENTS.name}:{line}"
        text = articles.get(row["article"])
        if text is None:
            problem(where, f"no article {row['article']!r}")
            continue
        if text.count(row["mention"]) != 1:
            problem(where, f"mention {row['mention']!r} does not occur exactly once in the article")
        if any(row["mention"] in q for q in quotes_by_article.get(row["article"], [])):
            problem(where, f"mention {row['mention']!r} is inside a gold quote")
        if not row["reason"].strip():
            problem(where, "reason is empty")

    gold_per_article = Counter(row["article"] for row in gold)
    not_per_article = Counter(row["article"] for row in not_events)
    for stem in articles:
        total = gold_per_article[stem] + not_per_article[stem]
        if not MENTIONS_PER_ARTICLE[0] <= total <= MENTIONS_PER_ARTICLE[1]:
            problem(stem, f"{total} dated mentions annotated, expected "
                          f"{MENTIONS_PER_ARTICLE[0]}-{MENTIONS_PER_ARTICLE[1]}")
        if total == 0:
            problem(stem, "article has no annotated mentions")

    print(f"{len(articles)} articles, {len(gold)} gold events, {len(not_events)} not-event mentions")
    print(f"{'article':40} {'chars':>5} {'events':>6} {'not':>4}")
    for stem, text in articles.items():
        print(f"{stem:40} {len(text):5} {gold_per_article[stem]:6} {not_per_article[stem]:4}")
    print("events per category:")
    per_category = Counter(row["category"] for row in gold)
    for name in categories:
        if per_category[name]:
            print(f"  {name:12} {per_category[name]}")
    spans = sum(1 for row in gold if row["end"])
    print(f"events with an end: {spans}")

    for message in problems:
        print("PROBLEM", message, file=sys.stderr)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
