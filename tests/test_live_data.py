"""LiveDataset: reloads on change; a broken or half-written file keeps the last good data."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from timeline_app.data.live import LiveDataset
from timeline_app.data.paths import EVENTS_DIR

HEADER = "id,title,start,end,category,people,place,article,quote,description\n"


def rows(version: int, count: int = 5) -> str:
    return "".join(f"ev-{i},Event {i} v{version},{1900 + i},,strike,,,,,\n" for i in range(count))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "events"
    shutil.copytree(EVENTS_DIR, target)
    (target / "events.csv").write_text(HEADER + rows(1), encoding="utf-8")
    return target


def live_for(folder: Path) -> LiveDataset:
    return LiveDataset(folder, check_seconds=0, settle_seconds=0.3)


def titles(live: LiveDataset) -> set[str]:
    return {e.title.rsplit(" ", 1)[1] for e in live.current().dataset.events}


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # Make sure the signature changes even on coarse-mtime file systems.
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def test_reloads_a_changed_file(folder):
    live = live_for(folder)
    first = live.current()
    assert titles(live) == {"v1"} and not first.kept
    write(folder / "events.csv", HEADER + rows(2, 7))
    snapshot = live.current()
    assert titles(live) == {"v2"} and len(snapshot.dataset.events) == 7
    assert snapshot.version > first.version and snapshot.stamp > first.stamp


def test_checks_at_most_every_interval(folder):
    now = [0.0]
    live = LiveDataset(folder, check_seconds=0.5, clock=lambda: now[0])
    live.current()
    write(folder / "events.csv", HEADER + rows(2))
    now[0] = 0.2
    assert titles(live) == {"v1"}
    now[0] = 0.8
    assert titles(live) == {"v2"}


def test_row_errors_are_left_out_and_listed(folder):
    live = live_for(folder)
    write(folder / "events.csv", HEADER + rows(2) + "bad-row,Bad v2,not a date,,strike,,,,,\n")
    snapshot = live.current()
    assert titles(live) == {"v2"} and len(snapshot.dataset.events) == 5 and not snapshot.kept
    assert any(p.line == 7 and p.column == "start" for p in snapshot.problems)


@pytest.mark.parametrize("damage", ["empty", "zero rows", "header", "deleted", "binary", "categories gone"])
def test_broken_files_keep_the_last_good_data(folder, damage):
    live = live_for(folder)
    good = live.current()
    events = folder / "events.csv"
    if damage == "empty":
        write(events, "")
    elif damage == "zero rows":
        write(events, HEADER)
    elif damage == "header":
        write(events, "id,tit\n" + rows(2))
    elif damage == "deleted":
        events.unlink()
    elif damage == "binary":
        events.write_bytes(b"\x00\x01\x02" * 50)
    elif damage == "categories gone":
        (folder / "categories.csv").unlink()
    snapshot = live.current()
    assert titles(live) == {"v1"} and snapshot.kept
    assert snapshot.catalog is good.catalog and snapshot.stamp == good.stamp and snapshot.version > good.version
    assert "last good data" in str(snapshot.problems[0])
    # ...and recovers with the next good save.
    if damage == "categories gone":
        shutil.copy(EVENTS_DIR / "categories.csv", folder / "categories.csv")
    write(events, HEADER + rows(3))
    recovered = live.current()
    assert titles(live) == {"v3"} and not recovered.kept


def test_half_written_file_waits_until_it_settles(folder):
    live = live_for(folder)
    full = HEADER + rows(2, 20)
    write(folder / "events.csv", full[: len(full) // 2])  # cut mid-row, no final line break
    assert titles(live) == {"v1"} and live.current().kept
    time.sleep(0.4)  # an editor's file without a final line break is taken once it stays put
    assert live.current().dataset.events and not live.current().kept


def test_truncated_at_a_row_boundary_is_one_version(folder):
    live = live_for(folder)
    full = HEADER + rows(2, 20)
    cut = full[: full.index("\n", len(full) // 2) + 1]
    write(folder / "events.csv", cut)
    assert titles(live) == {"v2"}


def test_replaced_by_rename(folder):
    live = live_for(folder)
    temp = folder / "events.csv.tmp"
    temp.write_text(HEADER + rows(4), encoding="utf-8")
    os.replace(temp, folder / "events.csv")
    assert titles(live) == {"v4"}


def test_source_article_change_is_noticed(folder):
    live = live_for(folder)
    before = live.current()
    article = next((folder / "sources").glob("*.txt"))
    write(article, article.read_text(encoding="utf-8") + "\nOne more line.\n")
    assert live.current().version > before.version


def test_problems_only_change_bumps_the_version_not_the_data(folder):
    live = live_for(folder)
    before = live.current()
    write(folder / "events.csv", HEADER + rows(1) + "dup,Dup v1,1950,,nonsense,,,,,\n")
    after = live.current()
    assert after.version > before.version and after.dataset.events == before.dataset.events
    assert any("nonsense" in str(p) for p in after.problems)


def test_never_raises(folder, monkeypatch):
    live = live_for(folder)
    import timeline_app.data.live as module

    def boom(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(module, "load_dataset", boom)
    write(folder / "events.csv", HEADER + rows(2))
    snapshot = live.current()
    assert titles(live) == {"v1"} and snapshot.kept


def test_a_permission_change_is_noticed_without_touching_the_file(folder, monkeypatch):
    """chmod 000 then 644 (issue 11.10): mtime and size stay, the mode and ctime change."""
    import timeline_app.data.live as module

    events = folder / "events.csv"
    real_load = module.load_dataset

    def load_as_a_user(*args, **kwargs):  # the tests may run as root, who reads mode 000 files
        if events.stat().st_mode & 0o777 == 0:
            raise PermissionError(13, "Permission denied", str(events))
        return real_load(*args, **kwargs)

    monkeypatch.setattr(module, "load_dataset", load_as_a_user)
    live = live_for(folder)
    write(events, HEADER + rows(2))
    events.chmod(0o000)
    assert titles(live) == {"v1"} and live.current().kept
    events.chmod(0o644)
    assert titles(live) == {"v2"} and not live.current().kept


def test_a_same_size_rewrite_with_the_same_mtime_is_noticed(folder):
    live = live_for(folder)
    events = folder / "events.csv"
    st = events.stat()
    events.write_text(HEADER + rows(2), encoding="utf-8")  # "v1" -> "v2": the same size
    os.utime(events, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert events.stat().st_size == st.st_size
    assert titles(live) == {"v2"}


def test_processes_reading_the_same_files_agree_on_the_stamp(folder):
    """Two server workers: the same files give the same stamp; a refused save keeps the data's stamp."""
    first, second = live_for(folder), live_for(folder)
    assert first.current().stamp == second.current().stamp
    before = first.current().stamp
    write(folder / "events.csv", HEADER + rows(2))
    assert first.current().stamp == second.current().stamp > before
    good = first.current().stamp
    write(folder / "events.csv", "id,tit\n")
    assert first.current().kept and first.current().stamp == good


def test_reload_problems_name_the_file_as_visitors_see_it(folder, monkeypatch, caplog):
    """Visitors see ``events.csv``, never the server's path or an exception's text (issue 11.9)."""
    live = live_for(folder)
    import timeline_app.data.live as module

    def boom(*_args, **_kwargs):
        raise RuntimeError(f"cannot open {folder}/secret")

    monkeypatch.setattr(module, "load_dataset", boom)
    write(folder / "events.csv", HEADER + rows(2))
    shown = [str(p) for p in live.current().problems]
    assert shown and all(line.startswith("events.csv:") for line in shown)
    assert not any(str(folder) in line or "secret" in line for line in shown)
    assert "secret" in caplog.text  # the server's keeper still gets the details


def test_a_fifo_in_place_of_a_half_written_events_file_does_not_hang(folder):
    live = live_for(folder)
    events = folder / "events.csv"
    events.unlink()
    os.mkfifo(events)
    snapshot = live.current()  # would block for ever on a blocking open of the FIFO
    assert titles(live) == {"v1"} and snapshot.kept
    assert all(str(folder) not in str(p) for p in snapshot.problems)
