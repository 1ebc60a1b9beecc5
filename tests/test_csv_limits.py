"""CSV files built to break the reader (issue 11, points 2, 4 and 14).

Long cells are read whole; a stray quote on every other line costs linear
time; a file reports at most MAX_PROBLEMS problems and one line counting the
rest; checking stops with an error when its time budget is spent; NUL bytes
are one rule; UTF-16 without a byte-order mark is recognised.
"""

from __future__ import annotations

import pytest

from timeline_app.data import csvfile
from timeline_app.data.csvfile import holds_binary, read_rows
from timeline_app.data.dataset import COLUMNS, REQUIRED, load_events
from timeline_app.data.problems import MAX_PROBLEMS, Unlisted, count_errors, count_problems

HEADER = ",".join(COLUMNS)


def load(data: bytes, shipped, **budget):
    return load_events("t.csv", shipped.articles, shipped.categories, data=data, name="t.csv", **budget)


def adversarial(pairs: int) -> bytes:
    """An events header, then a quote opened on every other line: ``"a`` / ``b,c"``."""
    return (HEADER + "\n" + '"a\nb,c"\n' * pairs).encode()


def test_a_cell_longer_than_pythons_field_limit_is_read_whole(shipped):
    fake_row = "fake-1,Phantom,1956,,strike,,,,,\n"
    description = ("A long description.\n" * 8000) + fake_row + "The end."
    assert len(description) > 131_072
    row = f'long-1,Long,1956,,strike,,,,,"{description}"\nnext-1,Next,1957,,strike,,,,,short\n'
    events, problems = load((HEADER + "\n" + row).encode(), shipped)
    assert [e.id for e in events] == ["long-1", "next-1"]
    assert events[0].description == description
    assert events[1].line == 2 + description.count("\n") + 1
    assert [p.column for p in problems] == ["article", "article"]  # only "cites no article" warnings


class CountingLines(list):
    """The file's lines, counting every time the reader takes one."""

    taken = 0

    def __getitem__(self, index):
        CountingLines.taken += 1
        return super().__getitem__(index)

    def __iter__(self):
        for line in super().__iter__():
            CountingLines.taken += 1
            yield line


def lines_taken(data: bytes, monkeypatch) -> int:
    monkeypatch.setattr(csvfile, "split_lines", lambda text: CountingLines(text.splitlines(keepends=True)))
    CountingLines.taken = 0
    read_rows("t.csv", required=REQUIRED, known=COLUMNS, data=data)
    return CountingLines.taken


def test_a_stray_quote_on_every_other_line_is_read_in_linear_time(monkeypatch):
    """Restarting after each run-on quote must not re-read the file from its start (it was quadratic:
    48 s for 770 KB).  Counted in lines the reader takes, so the machine's speed does not matter."""
    small, large = lines_taken(adversarial(1000), monkeypatch), lines_taken(adversarial(4000), monkeypatch)
    assert small <= 4 * 2000  # each of the 2,000 lines taken a few times at most
    assert large / small < 4.5  # four times the lines, four times the work (quadratic: sixteen)


def test_problems_are_capped_with_one_line_counting_the_rest(shipped):
    events, problems = load(adversarial(20_000), shipped)
    assert len(problems) == MAX_PROBLEMS + 1
    summary = problems[-1]
    assert isinstance(summary, Unlisted) and summary.is_error
    assert count_problems(problems) > 20_000 and count_errors(problems) > 20_000
    assert str(summary).startswith(f"t.csv:{summary.line}: (more): {summary.count:,} more problems (")
    assert str(summary).endswith(f"are not listed (only the first {MAX_PROBLEMS} are); fix: fix the problems "
                                 "listed and check the file again")


def test_rows_with_unlisted_errors_are_still_left_out(shipped):
    bad = "".join(f"bad-{i},Bad,Octobr 1956,,strike,,,,,\n" for i in range(MAX_PROBLEMS + 50))
    events, problems = load((HEADER + "\n" + bad + "good-1,Good,1956,,strike,,,,,\n").encode(), shipped)
    assert [e.id for e in events] == ["good-1"]
    assert count_errors(problems) == MAX_PROBLEMS + 50


def test_checking_stops_with_an_error_when_its_time_budget_is_spent(shipped):
    events, problems = load(adversarial(100), shipped, budget=-1)
    assert events == [] and [str(p) for p in problems] == [
        "t.csv:1: (file): checking the file took too long and stopped here; this row and the rows after it "
        "are not shown; fix: split the file, or fix the problems listed first"]


def test_nul_bytes_are_one_rule_for_check_and_the_upload_preview(shipped):
    data = (HEADER + "\nx-1,Strike,1956,,strike,,,,,\ny-1,Str\x00ike,1956,,strike,,,,,\n").encode()
    events, problems = load(data, shipped)
    assert events == [] and [str(p) for p in problems] == [
        "t.csv:3: (file): the file holds binary data (a NUL character on this line), so it is not read; "
        "fix: save it as CSV UTF-8 and use that file"]
    assert holds_binary(data)
    assert not holds_binary((HEADER + "\n").encode("utf-16"))
    assert not holds_binary((HEADER + "\n").encode("utf-16-le"))


@pytest.mark.parametrize("codec, label", [("utf-16-le", "UTF-16 (little-endian)"),
                                          ("utf-16-be", "UTF-16 (big-endian)")])
def test_utf16_without_a_byte_order_mark_is_read_with_an_encoding_hint(shipped, codec, label):
    data = (HEADER + "\nx-1,Wałęsa strike,1956,,strike,,,,,\n").encode(codec)
    events, problems = load(data, shipped)
    assert [e.title for e in events] == ["Wałęsa strike"]
    assert str(problems[0]) == (f"t.csv:1: (file): warning: the file is {label} without a byte-order mark; it "
                                f"was read as {label}; fix: if any letter looks wrong, save the file again as "
                                "'CSV UTF-8'")


def test_ten_thousand_unknown_columns_are_one_short_warning():
    header = "id," + ",".join(f"col{i}" for i in range(10_000))
    table = read_rows("t.csv", required=("id",), known=("id",), data=(header + "\n").encode())
    [problem] = table.problems
    assert problem.column == ("col0, col1, col2, col3, col4, col5, col6, col7, col8, col9 and 9,990 more")
    assert len(str(problem)) < 300


def test_every_table_loader_ends_its_problems_with_the_count_of_the_rest():
    from timeline_app.data.categories import load_categories
    from timeline_app.data.periods import check_periods

    categories = "name,label,colour,symbol\n" + "".join(f"c{i},C,teal,circle\n" for i in range(250))
    _, problems = load_categories("c.csv", data=categories.encode())
    assert len(problems) == MAX_PROBLEMS + 1 and problems[-1].count == 50 and not problems[-1].is_error
    periods = "name,aliases,start,end,description\n" + "".join(f"P{i},,sometime,,\n" for i in range(250))
    _, problems = check_periods("p.csv", data=periods.encode())
    assert len(problems) == MAX_PROBLEMS + 1 and problems[-1].count == 50 and problems[-1].is_error


def test_an_upload_has_its_own_shorter_time_budget(shipped):
    from timeline_app.data.validate import UPLOAD_BUDGET_SECONDS, load_upload

    assert UPLOAD_BUDGET_SECONDS <= 5
    events, problems = load_upload(adversarial(10), "up.csv", shipped.articles, shipped.categories, budget=-1)
    assert events == [] and problems[0].message.startswith("checking the file took too long")


def test_rows_read_before_the_time_ran_out_are_still_shown(shipped, monkeypatch):
    """The clock (looked at every 64 records) says the budget is spent at the second look: the
    rows read before are checked and shown, on a budget of their own."""
    readings = iter([0.0, 0.0, 100.0])
    monkeypatch.setattr(csvfile.time, "monotonic", lambda: next(readings, 100.0))
    rows = "".join(f"e-{i},Strike,1956,,strike,,,,,\n" for i in range(200))
    events, problems = load((HEADER + "\n" + rows).encode(), shipped, budget=10)
    assert [e.line for e in events] == list(range(2, 2 + 63))
    stop = [p for p in problems if p.is_error]
    assert [(p.line, p.message) for p in stop] == [
        (65, "checking the file took too long and stopped here; this row and the rows after it are not shown")]


def test_the_problems_panel_counts_the_unlisted_problems_too(shipped):
    from timeline_app.web.live_view import panel_data

    _, problems = load(adversarial(300), shipped)
    summary = panel_data(problems, "t.csv")["summary"]
    total, errors = count_problems(problems), count_errors(problems)
    assert summary == f"{total} problems in t.csv ({errors} errors, {total - errors} warnings)"
    assert total - errors > 0
