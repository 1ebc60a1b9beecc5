"""Knight Lab TimelineJS spreadsheets (exported as CSV) read as events.

A TimelineJS sheet dates a slide with numbers in Year, Month and Day (and
End Year, End Month, End Day); TimelineJS shows a negative year -44 as
"44 BCE", so that is what it means here: 44 BC.  Its Headline and Text may
hold HTML; only their text is kept (script and style content is dropped).
Each usable row becomes a row in the events layout, with the sheet's line
numbers and column names, and is validated by the same code as events.csv.
Media, Media Credit and Media Caption become the event's image columns (a
web address in Media is kept, so the written file says what the sheet had,
and reported: the timeline shows only images in ``events/media/``); Media
Thumbnail stands in for an empty Media, since the table draws its own small
copy of the image.
"""

from __future__ import annotations

import calendar
import re
from html.parser import HTMLParser
from pathlib import Path

from . import daycount
from .categories import Category
from .csvfile import Table, read_rows
from .dataset import Event, events_from_table, slugify
from .dates import MAX_YEAR, MIN_YEAR
from .files import TIME_BUDGET_SECONDS
from .media import ImageRules
from .problems import CATEGORY_CUTOFF, CLOSE_NAMES, WARNING, Problem, close_matches, did_you_mean, plural, shown
from .sources import Article

COLUMNS = ("year", "month", "day", "time", "end year", "end month", "end day", "end time",
           "display date", "headline", "text", "media", "media credit", "media caption",
           "media thumbnail", "type", "group", "background")
"""The columns of the TimelineJS template, matched ignoring case."""
REQUIRED = ("year", "headline")
NOT_IMPORTED = ("time", "end time", "display date", "background")
"""Columns the timeline has no place for; editors are told once if any is filled."""
_SOURCES = {"id": "headline", "title": "headline", "start": "year", "end": "end year",
            "category": "group", "description": "text", "media": "media", "media_credit": "media credit",
            "media_caption": "media caption"}
"""Each events column and the sheet column it comes from (for messages)."""
_WHOLE_NUMBER = re.compile(r"-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.0*)?$")
"""A whole number as spreadsheets write it: 1956, 1956.0, or with thousands separators, 1,956
(TimelineJS reads '1,956' as the year 1956)."""


class _TextOnly(HTMLParser):
    """The text of an HTML fragment: tags gone, entities decoded, no script or style."""

    _SKIPPED = {"script", "style"}
    _BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIPPED:
            self.skipping += 1
        elif tag in self._BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of ``fragment`` on one line.

    ``<p>Strike &amp; <b>lockout</b></p><script>...</script>`` gives 'Strike & lockout'.
    """
    if "<" in fragment or "&" in fragment:
        parser = _TextOnly()
        parser.feed(fragment)
        parser.close()
        fragment = "".join(parser.parts)
    return " ".join("".join(ch for ch in fragment if ch.isprintable() or ch.isspace()).split())


def read_timelinejs(path: Path | str, categories: dict[str, Category], data: bytes | None = None,
                    name: str | None = None, default_category: str = "",
                    budget: float = TIME_BUDGET_SECONDS) -> Table:
    """The sheet's slides as a table in the events layout, ready for validation.

    Rows whose dates cannot be composed are reported (naming Year, Month ...)
    and left out; title and era slides are not events and are reported as
    not imported.  A sheet TimelineJS draws imports whole: a row whose
    Group is empty or not a category (or a sheet without a Group column, as
    Knight Lab's template) gets ``default_category``, by default the first
    category of categories.csv, with a warning unless it was asked for.
    """
    sheet = read_rows(path, required=REQUIRED, known=COLUMNS, data=data, name=name, budget=budget)
    rows, sheet.rows = sheet.rows, []
    if any(c not in sheet.header for c in REQUIRED):
        return sheet  # the header problem says it all
    has_group = "group" in sheet.header
    sheet.labels.update({c: sheet.label(source) for c, source in _SOURCES.items()})
    sheet.header = [*_SOURCES, *sheet.extra_columns]
    groups = _Groups(sheet, categories, default_category)
    ids: set[str] = set()
    for line, row in rows:
        if line in sheet.bad_lines or _is_not_an_event(sheet, line, row):
            continue
        start, end = _date(sheet, line, row, ""), _date(sheet, line, row, "end ")
        if start is None or end is None:
            continue
        title = html_to_text(row["headline"])
        sheet.rows.append((line, {
            "id": _unique_id(ids, title, row["year"], line), "title": title, "start": start, "end": end,
            "category": groups.category(line, row.get("group", ""), warn=has_group),
            "description": html_to_text(row.get("text", "")),
            "media": row.get("media") or row.get("media thumbnail", ""),
            "media_credit": html_to_text(row.get("media credit", "")),
            "media_caption": html_to_text(row.get("media caption", "")),
            **{c: row[c] for c in sheet.extra_columns},
        }))
    if not has_group and sheet.rows and groups.default and not default_category:
        sheet.report(sheet.header_line, "(header)",
                     f"the sheet has no Group column, so its {plural(len(sheet.rows), 'row')} get the default "
                     f"category '{groups.default}' (the first in categories.csv)",
                     "add a Group column, or choose the category with --category", WARNING)
    filled = [sheet.label(c) for c in NOT_IMPORTED if any(row.get(c) for _, row in rows)]
    if any(row.get("media") and row.get("media thumbnail") for _, row in rows):
        filled.append(sheet.label("media thumbnail"))  # the timeline draws a small copy of Media itself
    if filled:
        sheet.report(sheet.header_line, ", ".join(filled),
                     "the timeline does not show these columns; their values were not imported",
                     "copy anything important into Text", WARNING)
    return sheet


class _Groups:
    """A sheet's Group cells as categories: matched by name or label, else the default."""

    def __init__(self, sheet: Table, categories: dict[str, Category], default_category: str):
        self.sheet = sheet
        self.names = {k.lower(): c.name for c in categories.values() for k in (c.name, c.label)}
        self.asked = default_category
        self.default = default_category or next(iter(categories), "")

    def category(self, line: int, group: str, warn: bool) -> str:
        """The category for ``group``; a warning when a non-empty Group is not one (or, with
        ``warn``, when it is empty and no default was asked for)."""
        known = self.names.get(group.lower()) if group else None
        if known:
            return known
        if not self.default:
            return group  # no category at all: the row checker says so
        first = "" if self.asked else " (the first in categories.csv)"
        if group:
            close = list(dict.fromkeys(self.names[name] for name in
                                       close_matches(group, self.names, CLOSE_NAMES, CATEGORY_CUTOFF)))
            self.sheet.report(line, "category", f"{shown(group)} is not a category; the row gets the default "
                              f"category '{self.default}'{first}",
                              did_you_mean(close) if close
                              else "add the group to categories.csv, or write one of: " + ", ".join(
                                  dict.fromkeys(self.names.values())), WARNING)
        elif warn and not self.asked:
            self.sheet.report(line, "category", f"the Group is empty; the row gets the default category "
                              f"'{self.default}'{first}",
                              "write a category in Group, or choose one with --category", WARNING)
        return self.default


def load_timelinejs(path: Path | str, articles: dict[str, Article], categories: dict[str, Category],
                    data: bytes | None = None, name: str | None = None, default_category: str = "",
                    budget: float = TIME_BUDGET_SECONDS, images: ImageRules = ImageRules()
                    ) -> tuple[list[Event], list[Problem]]:
    """The good events of a TimelineJS sheet and every problem: what the app's upload calls.

    ``images`` says where the events' images may come from."""
    table = read_timelinejs(path, categories, data=data, name=name, default_category=default_category,
                            budget=budget)
    return events_from_table(table, articles, categories, images=images)


def _is_not_an_event(sheet: Table, line: int, row: dict[str, str]) -> bool:
    kind = row.get("type", "").lower()
    if kind == "title":
        sheet.report(line, "type", "the title slide is not an event; it was not imported",
                     "nothing to do, unless it was meant to be an event: then clear Type", WARNING)
    elif kind == "era":
        sheet.report(line, "type", "an era is a named period, not an event; it was not imported",
                     "add it to events/periods.csv as name,aliases,start,end", WARNING)
    return kind in ("title", "era")


def _date(sheet: Table, line: int, row: dict[str, str], prefix: str) -> str | None:
    """Year/Month/Day (or End Year/...) as a date the events loader reads.

    '' when the row gives no such date, None (and a problem) when its parts
    are not a date.  AD dates are written as EDTF (1956-10-23); BC dates in
    words (23 October 44 BC), since EDTF would count 44 BC as year -43.
    """
    parts: dict[str, int] = {}
    for unit in ("year", "month", "day"):
        raw = row.get(prefix + unit, "")
        if raw and not _WHOLE_NUMBER.match(raw):
            sheet.report(line, prefix + unit, f"{shown(raw)} is not a whole number",
                         f"write the {unit} as a number, e.g. " + {"year": "1956 or -44 for 44 BC",
                                                                   "month": "10", "day": "23"}[unit])
            return None
        if raw:
            parts[unit] = _number(raw)
    year, month, day = parts.get("year"), parts.get("month"), parts.get("day")
    problem = None
    if year is None and (month or day):
        problem = (prefix + "year", "there is a month or day but no year", "fill in the year")
    elif day and not month:
        problem = (prefix + "month", "there is a day but no month", "fill in the month")
    elif year == 0:
        problem = (prefix + "year", "there is no year 0", "write 1 for AD 1 or -1 for 1 BC")
    elif year is not None and not MIN_YEAR <= _astronomical(year) <= MAX_YEAR:
        problem = (prefix + "year", f"{shown(row[prefix + 'year'])} is outside the years the timeline can draw",
                   f"write a year from {MIN_YEAR - 1} ({1 - MIN_YEAR:,} BC) to {MAX_YEAR}")
    elif month is not None and not 1 <= month <= 12:
        problem = (prefix + "month", f"{month} is not a month", "write a month from 1 to 12")
    elif day is not None and not daycount.is_valid_day(_astronomical(year), month, day):
        problem = (prefix + "day", f"{calendar.month_name[month]} has no day {day}",
                   "correct the day or the month")
    if problem:
        sheet.report(line, *problem)
        return None
    if year is None:
        return ""
    if year < 0:
        words = [str(day)] if day else []
        words += [calendar.month_name[month]] if month else []
        return " ".join([*words, f"{-year} BC"])
    return "-".join([f"{year:04d}", *(f"{n:02d}" for n in (month, day) if n)])


def _number(raw: str) -> int:
    """A cell :data:`_WHOLE_NUMBER` matches, as a number: '1,956' and '1956.0' are 1956."""
    return int(float(raw.replace(",", "")))


def _astronomical(year: int) -> int:
    """TimelineJS's -44 (shown as 44 BCE) as an astronomical year: -43."""
    return year + 1 if year < 0 else year


def _unique_id(ids: set[str], title: str, year: str, line: int) -> str:
    """'hungarian-revolution-1956', '-2' added if the sheet has that one already."""
    base = slugify(title)[:50].rstrip("-") or f"line-{line}"
    number = _number(year) if _WHOLE_NUMBER.match(year) else 0
    suffix = f"{-number}bc" if number < 0 else str(number) if number else ""
    candidate = base if base.endswith(suffix) else f"{base}-{suffix}"
    unique, n = candidate, 2
    while unique in ids:
        unique, n = f"{candidate}-{n}", n + 1
    ids.add(unique)
    return unique
