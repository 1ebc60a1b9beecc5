"""Reading editors' CSV files the way they actually arrive.

Spreadsheets save with a byte-order mark, European ones with semicolons, old
ones in Windows code pages; text editors leave blank lines, ragged rows and
quote marks that are opened but never closed.  :func:`read_rows` copes with
all of that once, for every table the app reads (events, categories,
periods, TimelineJS sheets), and turns what it cannot fix into
:class:`~timeline_app.problems.Problem` values naming the physical line where
the row starts and the column as the editor wrote it.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .files import TIME_BUDGET_SECONDS, read_file
from .problems import ERROR, MAX_PROBLEMS, WARNING, Problem, Unlisted, closest, listed, shown

csv.field_size_limit(2**31 - 1)
"""Cells are as long as the file allows: the file-size cap (:mod:`.files`) bounds them.

Python's default of 131,072 characters made the reader resynchronise inside
a long quoted cell, losing the event and inventing rows from its lines."""

# --------------------------------------------------------------------------
# Spreadsheet formula guard

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is run as a formula by spreadsheets."""


def _needs_guard(value: str) -> bool:
    return value.lstrip("'")[:1] in FORMULA_STARTS


def guard_cell(value: str) -> str:
    """``value`` made safe to open in a spreadsheet: an apostrophe in front of a formula.

    ``'-0072`` shows as text, not as the number -72 or a formula.  Values that
    already start with apostrophes before a formula character get one more, so
    :func:`unguard_cell` gives back exactly what was written.
    """
    return "'" + value if _needs_guard(value) else value


def unguard_cell(value: str) -> str:
    """The inverse of :func:`guard_cell`; every loaded cell goes through it."""
    return value[1:] if value[:1] == "'" and _needs_guard(value[1:]) else value


# --------------------------------------------------------------------------
# Encodings

# Tried in this order when a file is not UTF-8; the first of equally
# plausible readings wins.
_LEGACY_ENCODINGS = (
    ("cp1252", "Windows-1252 (Western European)"),
    ("cp1250", "Windows-1250 (Central European)"),
    ("iso-8859-2", "ISO-8859-2 (Latin-2)"),
)
# Letters of the languages these histories are written in or name people
# in.  A reading whose letters all belong to one language is plausible; one
# that needs letters of several is a misreading ("Solidarnoœæ").
_ALPHABETS = tuple(set(letters) for letters in (
    "àâæçéèêëîïôœùûüÿ",        # French
    "äöüß",                    # German
    "áéíñóúü",                 # Spanish
    "àáâãçéêíóôõú",            # Portuguese
    "àèéìíîòóù",               # Italian
    "áéíóúàèëïöü",             # Dutch
    "åäöæøé",                  # Scandinavian
    "ąćęłńóśźż",               # Polish
    "áčďéěíňóřšťúůýž",         # Czech
    "áäčďéíĺľňóôŕšťúýž",       # Slovak
    "áéíóöőúüű",               # Hungarian
    "ăâîșşțţ",                 # Romanian
    "čćđšž",                   # Croatian, Slovene
))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _implausibility(text: str) -> int:
    """How unlikely it is that a person wrote ``text``: lower is likelier.

    Replacement and control characters, and symbols squeezed between two
    letters ("Wa³êsa" for "Wałęsa"), cost 10 each; then one for each letter
    that the best-fitting single language does not have.
    """
    cost = 0
    letters = set()
    for m in _NON_ASCII.finditer(text):
        ch, i = m.group(), m.start()
        if ch.isalpha():
            letters.add(ch.lower())
        elif ch == "\ufffd" or unicodedata.category(ch).startswith("C"):
            cost += 10
        elif 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            cost += 10
    return cost + min(len(letters - alphabet) for alphabet in _ALPHABETS)


def decode(data: bytes, name: str, save_as: str = "CSV UTF-8") -> tuple[str, list[Problem]]:
    """Text of a file in UTF-8 (with or without BOM), UTF-16 or a legacy code page.

    Text holding a NUL character is binary data: one error and no text
    (:data:`BINARY`: the one rule for ``check`` and the upload preview).
    ``save_as`` names the format the hints ask for ('CSV UTF-8', 'UTF-8').
    """
    text, problems = _decode(data, name, save_as)
    if "\x00" not in text:
        return text, problems
    line = len(split_lines(text[:text.index("\x00") + 1]))
    return "", [Problem(name, line, "(file)", BINARY + " (a NUL character on this line), so it is not read",
                        f"save it as {save_as} and use that file")]


BINARY = "the file holds binary data"
"""What :func:`decode` says of a file with a NUL character."""


def holds_binary(data: bytes) -> bool:
    """Whether :func:`decode` refuses ``data`` as binary (for the upload preview's refusal)."""
    return b"\x00" in data and any(p.message.startswith(BINARY) for p in decode(data, "")[1])


def _decode(data: bytes, name: str, save_as: str) -> tuple[str, list[Problem]]:
    """:func:`decode` before its NUL check.

    Lines that are not UTF-8 are read, not refused, in the legacy encoding
    that reads them most plausibly, with a warning on the first of them
    naming the encoding and the letters it gave, so the editor can tell at a
    glance whether names came out right.  Line by line, because a file is
    often UTF-8 with a few rows pasted in from an older one.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            return data.decode("utf-16", errors="replace"), [Problem(
                name, 1, "(file)", "the file is marked as UTF-16 but is cut short or damaged; "
                "unreadable bytes are shown as \ufffd", "save the file again from the spreadsheet", WARNING)]
    bomless = _bomless_utf16(data)
    if bomless:
        codec, label = bomless
        return data.decode(codec), [Problem(
            name, 1, "(file)", f"the file is {label} without a byte-order mark; it was read as {label}",
            f"if any letter looks wrong, save the file again as '{save_as}'", WARNING)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return text, []
    lines = data.removeprefix(codecs.BOM_UTF8).splitlines(keepends=True)
    foreign = {i for i, line in enumerate(lines) if not _is_utf8(line)}
    legacy = b"".join(lines[i] for i in sorted(foreign))
    codec, label = min(_LEGACY_ENCODINGS,
                       key=lambda enc: _implausibility(legacy.decode(enc[0], errors="replace")))
    text = "".join(line.decode(codec, errors="replace") if i in foreign else line.decode("utf-8")
                   for i, line in enumerate(lines))
    letters = ", ".join(dict.fromkeys(ch for ch in legacy.decode(codec, errors="replace")
                                      if ord(ch) > 127 and ch.isalpha()))
    gave = f", giving the letters {letters[:60]}" if letters else ""
    if any(not lines[i].isascii() for i in range(len(lines)) if i not in foreign):
        said = f"{len(foreign)} of the lines are not UTF-8 (this is the first); they were read as {label}"
    else:
        said = f"the file is not UTF-8; it was read as {label}"
    return text, [Problem(name, min(foreign) + 1, "(file)", said + gave,
                          f"if any letter looks wrong, save the file again as '{save_as}'", WARNING)]


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """(codec, label) when ``data`` reads as UTF-16 text saved without a byte-order mark.

    Text in UTF-16 has a NUL in every other byte wherever it is ASCII (the
    high byte of each character): at odd offsets little-endian, at even
    ones big-endian.  Binary data is not that regular.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    for codec, zeros, others, label in (("utf-16-le", sample[1::2], sample[0::2], "UTF-16 (little-endian)"),
                                        ("utf-16-be", sample[0::2], sample[1::2], "UTF-16 (big-endian)")):
        if zeros.count(0) >= 0.6 * len(zeros) and others.count(0) == 0:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return (codec, label) if "\x00" not in text else None
    return None


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --------------------------------------------------------------------------
# Tables

DELIMITERS = (",", ";", "\t")
_SEP_LINE = re.compile(r"sep=(.)\s*$")  # Excel's delimiter declaration on the first line


def sniff_delimiter(header_line: str) -> str:
    """',' normally; ';' from European-locale spreadsheets; a tab from "Unicode text"."""
    return max(DELIMITERS, key=header_line.count)  # ties go to the first, ','


def column_key(label: str) -> str:
    """How a header cell is matched: case and runs of spaces do not matter."""
    return " ".join(label.split()).lower()


@dataclass
class Table:
    """The rows of one CSV file, each with the line it starts on.

    Rows are keyed by :func:`column_key` of the header; ``labels`` maps each
    key back to the header cell as the editor wrote it, for messages.
    Problems go through :meth:`report` or :meth:`add`, which list the first
    :data:`~timeline_app.data.problems.MAX_PROBLEMS` in ``problems`` and
    count the rest, cheaply (a broken file may have a million), for the one
    :class:`~timeline_app.data.problems.Unlisted` line that
    :meth:`sorted_problems` ends with; ``deadline``
    (a :func:`time.monotonic` value) bounds how long reading and checking
    may take (:meth:`out_of_time`).
    """

    path: str
    header: list[str] = field(default_factory=list)
    header_line: int = 1
    labels: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    bad_lines: set[int] = field(default_factory=set)
    """Lines whose row cannot be used as it stands (its problem says why)."""
    errors: int = 0
    """Errors reported so far, listed or not: a row checker compares it before and after a row."""
    budget: float = float("inf")
    """Seconds reading the rows may take, and then again checking the rows read (:meth:`check_rows_read`)."""
    deadline: float = float("inf")
    stopped: bool = False
    _clock_in: int = 1
    """Calls of :meth:`out_of_time` until it next looks at the clock."""
    _unlisted: list[int] = field(default_factory=lambda: [0, 0, 0])
    """(line of the first unlisted problem, unlisted errors, unlisted warnings)."""

    def label(self, column: str) -> str:
        return self.labels.get(column, column)

    def report(self, line: int, column: str, message: str, hint: str = "",
               severity: str = ERROR) -> None:
        """Record a problem about ``column`` (a key), named as the editor wrote it."""
        if not self._count(line, severity == ERROR):  # listed; past the cap only counted, cheaply
            self.problems.append(Problem(self.path, line, self.label(column), message, hint, severity))

    def add(self, problem: Problem) -> None:
        if not self._count(problem.line, problem.is_error):
            self.problems.append(problem)

    def _count(self, line: int, is_error: bool) -> bool:
        """Count a problem; whether it is one past the listed ones (counted in the summary)."""
        if is_error:
            self.errors += 1
        unlisted = self._unlisted
        if len(self.problems) < MAX_PROBLEMS and not unlisted[0]:
            return False
        unlisted[0] = unlisted[0] or line
        unlisted[1 if is_error else 2] += 1
        return True

    def check_rows_read(self) -> None:
        """A new budget for checking the rows, if reading ran out of time: the rows read
        before the stop are shown, as its problem says, however long the rest was."""
        if self.stopped:
            self.stopped, self._clock_in = False, 1
            self.deadline = time.monotonic() + self.budget

    def sorted_problems(self) -> list[Problem]:
        """The problems by line, then the :class:`Unlisted` line counting the rest (if any)."""
        listed_ = sorted(self.problems[:MAX_PROBLEMS], key=lambda p: p.line)
        return listed_ + ([Unlisted.of(self.path, *self._unlisted)] if self._unlisted[0] else [])

    def out_of_time(self, line: int) -> bool:
        """Whether the time budget is spent; says so once, as an error at ``line``.

        Called for every record and row, it looks at the clock on every 64th call.
        """
        self._clock_in -= 1
        if self._clock_in or self.stopped:
            return self.stopped
        self._clock_in = 64
        if time.monotonic() < self.deadline:
            return False
        self.stopped = True
        self.errors += 1  # listed even past the cap: it says why the rest is missing
        self.problems.append(Problem(self.path, line, "(file)", "checking the file took too long and stopped "
                                     "here; this row and the rows after it are not shown",
                                     "split the file, or fix the problems listed first"))
        return True


def read_rows(path: Path | str, required: tuple[str, ...], known: tuple[str, ...],
              data: bytes | None = None, name: str | None = None, root: Path | str | None = None,
              budget: float = TIME_BUDGET_SECONDS) -> Table:
    """Parse a CSV file (or its ``data``) into a :class:`Table`; never raises.

    ``required`` columns must be in the header; columns outside ``known`` are
    kept in the rows and reported once.  Blank lines are skipped; rows with
    too few cells are padded, rows with too many (or whose quote mark runs
    on over later lines) are reported and marked bad, never dropped silently.
    The file is read by :func:`~timeline_app.data.files.read_file` (``root``
    confines it to a folder); reading and checking the rows stops with an
    error after ``budget`` seconds.
    """
    table = Table(path=name or str(path), budget=budget, deadline=time.monotonic() + budget)
    if data is None:
        data, problem = read_file(path, table.path, root)
        if problem:
            table.add(problem)
            return table
    text, encoding_problems = decode(data, table.path)
    for problem in encoding_problems:
        table.add(problem)
    if any(p.is_error for p in encoding_problems):
        return table
    lines = split_lines(text)
    start, delimiter = _dialect(lines)
    rows = table.rows
    for first, cells in _records(table, lines, start, delimiter):
        values = list(map(str.strip, cells))
        if not any(values):
            continue
        if table.header:
            rows.append((first, _row_dict(table, values, first)))
        else:
            _read_header(table, values, first, required, known)
    if not table.header and not table.stopped:
        table.report(1, "(header)", "the file has no header row (it is empty)" if not text.strip()
                     else "the file has no header row", f"start with a header row: {','.join(required)}")
    _report_unnamed_columns(table)
    return table


def split_lines(text: str) -> list[str]:
    """The physical lines of ``text``, line ends kept (CR, LF and CRLF all end a line)."""
    return io.StringIO(text, newline="").readlines()


def header_keys(data: bytes) -> list[str]:
    """The :func:`column_key` of each header cell of CSV ``data`` (its first
    record), to tell what kind of file an editor gave without reading it all.
    """
    lines = split_lines(decode(data, "")[0])
    start, delimiter = _dialect(lines)
    try:
        first = next(csv.reader(lines[start:start + 1000], delimiter=delimiter), [])
    except csv.Error:
        return []
    return [column_key(cell) for cell in first]


def _dialect(lines: list[str]) -> tuple[int, str]:
    """(index of the header line, delimiter), honouring Excel's 'sep=;' first line."""
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if start == len(lines):
        return start, ","
    declared = _SEP_LINE.match(lines[start])
    if declared:
        return start + 1, declared.group(1)
    return start, sniff_delimiter(lines[start])


def _records(table: Table, lines: list[str], start: int, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of each record from ``lines[start:]``.

    A record whose quoted cell runs on over the rows after it (see
    :func:`_runs_on`) is reported and skipped, and reading starts again on
    the line after its first: one stray quote mark must not swallow the rest
    of the file.  Starting again costs nothing (the one reader takes its
    lines through a cursor, which is moved back), so a file of a stray quote
    on every other line is read in time linear in its length.  Stops when the
    table is out of time.
    """
    end = len(lines)
    cursor = [start]  # index of the next line the reader takes; moved back to read again

    def feed() -> Iterator[str]:
        while cursor[0] < end:
            cursor[0] += 1
            yield lines[cursor[0] - 1]

    reader = csv.reader(feed(), delimiter=delimiter)
    first = start + 1
    while True:
        try:
            for cells in reader:
                if table.out_of_time(first):
                    return
                last = cursor[0]
                if last > first and _runs_on(table, lines, first, last, cells, delimiter):
                    table.report(first, "(row)", f"a quote mark opened in this row is not closed, "
                                 f"so lines {first}-{last} were read as one row",
                                 'close the quote, or write a quote mark inside a quoted cell as two ("")')
                    table.bad_lines.add(first)
                    cursor[0] = first  # read on from the line after this row's first
                    if last >= end:  # the lines ran out, and so did feed(): a new one
                        reader = csv.reader(feed(), delimiter=delimiter)
                        first += 1
                        break
                else:
                    yield first, cells
                first = cursor[0] + 1
            else:
                return
        except csv.Error as exc:
            table.report(first, "(row)", f"the row cannot be read: {exc}",
                         "remove stray quote marks or control characters from the row")
            table.bad_lines.add(first)
            cursor[0] = first
            first += 1
            reader = csv.reader(feed(), delimiter=delimiter)


def _runs_on(table: Table, lines: list[str], first: int, last: int, cells: list[str],
             delimiter: str) -> bool:
    """Whether a record spanning lines ``first``..``last`` swallowed rows after it.

    A quoted cell may hold line breaks; one whose quote is never closed, or
    is closed by the quote of a later row, reads on over the rows after it.
    Then the record either has the wrong number of cells, or it is not valid
    CSV read strictly: the quote that closed it is followed by more text
    instead of a delimiter, or the file ends inside it.  A genuine cell with
    line breaks passes both.
    """
    width = len(table.header)
    if not width:
        return False
    if len(_trimmed(cells, width)) != width:
        return True
    try:
        for _ in csv.reader(map(lines.__getitem__, range(first - 1, last)), delimiter=delimiter,
                            strict=True):
            pass
    except csv.Error:
        return True
    return False


def _trimmed(cells: list[str], width: int) -> list[str]:
    """``cells`` without empty cells past the header's width (trailing delimiters)."""
    while len(cells) > width and not cells[-1].strip():
        cells = cells[:-1]
    return cells


def _read_header(table: Table, cells: list[str], line: int,
                 required: tuple[str, ...], known: tuple[str, ...]) -> None:
    table.header_line = line
    for i, cell in enumerate(cells, start=1):
        key = column_key(cell) or f"(column {i})"
        label = shown(cell, 40)[1:-1] if cell else key  # one line, and short, in messages
        if key in table.labels:
            first_col = table.header.index(key) + 1
            table.report(line, key, f"the column appears twice (columns {first_col} and {i}); "
                         f"column {i} is not read as '{table.labels[key]}'",
                         "delete or rename one of the two columns")
            key = f"(column {i})"
        table.header.append(key)
        table.labels[key] = label
    table.extra_columns = [c for c in table.header if c not in known]
    unknown = [c for c in table.extra_columns if not c.startswith("(column ")]
    for column in required:
        if column not in table.header:
            close = closest(column, unknown)
            table.report(line, "(header)", f"the header has no '{column}' column",
                         f"rename '{table.label(close)}' to '{column}'" if close
                         else f"add the column '{column}' to the first row")
    if unknown:
        table.add(Problem(
            table.path, line, listed([table.label(c) for c in unknown]),
            "column(s) the timeline does not use; their values are kept",
            "rename the column if it was meant to be one of: " + ", ".join(known), WARNING))


def _row_dict(table: Table, cells: list[str], line: int) -> dict[str, str]:
    """The row's stripped ``cells`` by column key, padded or reported if ragged."""
    header = table.header
    width = len(header)
    if "\n'" in "\n" + "\n".join(cells):  # some cell starts with an apostrophe: a formula guard?
        cells = [unguard_cell(cell) for cell in cells]
    if len(cells) > width:
        cells = _trimmed(cells, width)
        if len(cells) > width:
            table.report(line, "(row)", f"the row has {len(cells)} cells but the header has {width}",
                         "put double quotes around a cell that contains the delimiter, "
                         'e.g. "Budapest, Hungary"')
            table.bad_lines.add(line)
    elif len(cells) < width:
        table.report(line, "(row)", f"the row has {len(cells)} cells but the header has {width}; "
                     "the missing cells are read as empty",
                     "check for a missing delimiter between two cells", WARNING)
        return dict(zip(header, cells + [""] * (width - len(cells))))
    return dict(zip(header, cells))


def _report_unnamed_columns(table: Table) -> None:
    """Columns with no name in the header are reported only if a row fills them."""
    unnamed = [c for c in table.extra_columns if table.labels[c] == c and c.startswith("(column ")]
    filled = [c for c in unnamed if any(row.get(c) for _, row in table.rows)]
    if filled:
        table.report(table.header_line, listed(filled),
                     "column(s) with no name in the header; their values are kept",
                     "give the column a name in the first row", WARNING)
    table.extra_columns = [c for c in table.extra_columns if c not in unnamed or c in filled]
