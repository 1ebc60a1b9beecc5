"""Files that are not what they seem, and outputs that must not be lost (issue 11, points 1, 7, 8, 9).

Every reader goes through ``timeline_app.data.files.read_file``: only
regular files, size-capped, never through a link out of the dataset folder.
Every command output goes through ``files.replacing``: atomic, never over an
existing file unless forced.
"""

from __future__ import annotations

import os
import shutil
import threading

import pytest

from timeline_app.data import files
from timeline_app.data.dataset import load_dataset
from timeline_app.data.files import OutputError, read_file, replacing
from timeline_app.data.live import LiveDataset


def finishes(function, seconds: float = 10):
    """``function()``'s result, or a failure if it does not return (a reader blocked on a FIFO)."""
    result = []
    worker = threading.Thread(target=lambda: result.append(function()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the reader hung"
    return result[0]


# --- reading -------------------------------------------------------------------

def test_a_fifo_is_a_problem_not_a_hang(tmp_path):
    fifo = tmp_path / "events.csv"
    os.mkfifo(fifo)
    data, problem = finishes(lambda: read_file(fifo))
    assert data is None
    assert str(problem) == (f"{fifo}:1: (file): this is a named pipe (FIFO), not a file, so it is not read; "
                            "fix: put a regular file here")


def test_a_fifo_in_place_of_events_csv_loads_the_rest_of_the_dataset(dataset_copy):
    (dataset_copy / "events.csv").unlink()
    os.mkfifo(dataset_copy / "events.csv")
    dataset = finishes(lambda: load_dataset(dataset_copy))
    assert [str(p) for p in dataset.errors] == [
        "events.csv:1: (file): this is a named pipe (FIFO), not a file, so it is not read; "
        "fix: put a regular file here"]
    assert len(dataset.articles) >= 10 and dataset.categories


def test_a_link_to_dev_zero_is_not_read(dataset_copy):
    (dataset_copy / "events.csv").unlink()
    (dataset_copy / "events.csv").symlink_to("/dev/zero")
    (dataset_copy / "sources" / "zero.txt").symlink_to("/dev/zero")
    dataset = finishes(lambda: load_dataset(dataset_copy))
    assert {(p.file, p.message) for p in dataset.errors} == {
        ("events.csv", "the file is a link to a place outside the dataset folder, so it is not read"),
        ("sources/zero.txt", "the file is a link to a place outside the dataset folder, so it is not read")}


def test_a_device_inside_the_folder_is_not_read_either(tmp_path):
    (tmp_path / "null.csv").symlink_to("/dev/null")
    data, problem = read_file(tmp_path / "null.csv")  # no root: the link is followed, to a device
    assert data is None and problem.message == "this is a device, not a file, so it is not read"


def test_files_over_the_size_cap_are_refused_and_the_cap_is_settable(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 1001)
    assert read_file(big, max_bytes=1001) == (b"x" * 1001, None)
    data, problem = read_file(big, max_bytes=1000)
    assert data is None and problem.message == (
        "the file is too big to read (1,001 bytes or more; the cap is 1,000 bytes)")
    assert files.max_file_bytes() == files.MAX_FILE_BYTES
    files.set_max_file_bytes(1000)
    try:
        assert read_file(big)[0] is None
    finally:
        files.set_max_file_bytes(files.MAX_FILE_BYTES)


def test_events_csv_linked_to_etc_passwd_shows_nothing_of_it(dataset_copy):
    (dataset_copy / "events.csv").unlink()
    (dataset_copy / "events.csv").symlink_to("/etc/passwd")
    dataset = load_dataset(dataset_copy)
    shown = "\n".join(map(str, dataset.problems))
    assert "root" not in shown and dataset.events == []
    assert shown == ("events.csv:1: (file): the file is a link to a place outside the dataset folder, so it is "
                     "not read; fix: put the file itself (not a link to it) in the dataset folder")


def test_a_link_inside_the_dataset_folder_is_followed(dataset_copy):
    (dataset_copy / "events.csv").rename(dataset_copy / "real-events.csv")
    (dataset_copy / "events.csv").symlink_to("real-events.csv")
    assert len(load_dataset(dataset_copy).events) == 29


def test_problems_name_files_relative_to_the_dataset_folder(dataset_copy):
    events = dataset_copy / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",revolution,", ",revolutio,", 1),
                      encoding="utf-8")
    (dataset_copy / "categories.csv").write_text(
        (dataset_copy / "categories.csv").read_text(encoding="utf-8").replace("#44AA99", "teal"), encoding="utf-8")
    shown = [str(p) for p in load_dataset(dataset_copy).problems]
    assert shown and all(line.startswith(("events.csv:", "categories.csv:")) for line in shown), shown
    assert not any(str(dataset_copy) in line for line in shown)
    typed = [str(p) for p in load_dataset(dataset_copy, names_as_given=True).problems]
    assert all(line.startswith(str(dataset_copy)) for line in typed)


# --- source articles -------------------------------------------------------------

def test_an_article_that_is_not_utf8_is_one_warning_and_every_article_loads(dataset_copy):
    (dataset_copy / "sources" / "commune.txt").write_bytes("La Commune\n\nGrève générale à Paris.\n".encode("cp1252"))
    dataset = load_dataset(dataset_copy)
    assert [str(p) for p in dataset.problems] == [
        "sources/commune.txt:3: (file): warning: the file is not UTF-8; it was read as Windows-1252 (Western "
        "European), giving the letters è, é, à; fix: if any letter looks wrong, save the file again as 'UTF-8'"]
    assert dataset.articles["commune"].text == "La Commune\n\nGrève générale à Paris.\n"
    assert len(dataset.events) == 29


def test_an_unreadable_article_is_one_problem_and_its_events_are_not_blamed(dataset_copy):
    article = dataset_copy / "sources" / "rosa-luxemburg.txt"
    article.unlink()
    os.mkfifo(article)
    dataset = finishes(lambda: load_dataset(dataset_copy))
    assert [str(p) for p in dataset.problems] == [
        "sources/rosa-luxemburg.txt:1: (file): this is a named pipe (FIFO), not a file, so it is not read; "
        "fix: put a regular file here"]
    assert len(dataset.events) == 29 and "rosa-luxemburg" not in dataset.articles


def test_a_missing_sources_folder_is_named_as_missing(dataset_copy):
    shutil.rmtree(dataset_copy / "sources")
    dataset = load_dataset(dataset_copy)
    assert [str(p) for p in dataset.problems] == [
        "sources:1: (file): the folder of source articles is missing, so no event's article or quote can be "
        "checked; fix: create the folder sources and put the articles in it"]


def test_the_live_dataset_names_the_article_not_events_csv(dataset_copy):
    article = dataset_copy / "sources" / "lenin.txt"
    article.write_bytes(article.read_bytes() + "Grève générale.\n".encode("cp1252"))
    live = LiveDataset(dataset_copy)
    problems = live.current().problems
    assert len(live.current().dataset.events) == 29
    assert [p.file for p in problems] == ["sources/lenin.txt"]


# --- writing ----------------------------------------------------------------------

def test_replacing_is_atomic_and_needs_force_to_overwrite(tmp_path):
    out = tmp_path / "out.csv"
    with replacing(out) as temporary:
        assert temporary.parent == tmp_path and temporary != out
        temporary.write_text("new")
    assert out.read_text() == "new" and os.listdir(tmp_path) == ["out.csv"]
    with pytest.raises(OutputError, match="the file exists; add --force to overwrite it"):
        with replacing(out):
            pass
    with pytest.raises(RuntimeError):
        with replacing(out, force=True) as temporary:
            temporary.write_text("half")
            raise RuntimeError("interrupted")
    assert out.read_text() == "new" and os.listdir(tmp_path) == ["out.csv"]
    with replacing(out, force=True) as temporary:
        temporary.write_text("newer")
    assert out.read_text() == "newer" and oct(out.stat().st_mode & 0o777) != oct(0o600)


def test_a_missing_or_unwritable_folder_is_a_one_line_error(tmp_path, monkeypatch):
    with pytest.raises(OutputError) as missing:
        with replacing(tmp_path / "no" / "out.csv"):
            pass
    assert str(missing.value) == (f"{tmp_path / 'no' / 'out.csv'}: the folder {tmp_path / 'no'} does not exist; "
                                  "create it or choose another output")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError) as read_only:
        with replacing(tmp_path / "out.csv"):
            pass
    assert str(read_only.value) == f"{tmp_path / 'out.csv'}: cannot write in {tmp_path}: Permission denied"


def test_visitor_names_never_hold_the_servers_path(tmp_path):
    from timeline_app.data.dataset import visitor_name

    assert visitor_name(tmp_path, tmp_path / "events.csv") == "events.csv"
    assert visitor_name(tmp_path, tmp_path / "sources" / "lenin.txt") == "sources/lenin.txt"
    assert visitor_name(tmp_path / "events", tmp_path / "elsewhere" / "mine.csv") == "mine.csv"
