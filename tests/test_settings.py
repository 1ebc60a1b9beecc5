"""The settings registry (timeline_app/server/settings.py): one place, one parser, the README's table."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from timeline_app.cli import build_parser
from timeline_app.data import files
from timeline_app.server.settings import (
    BY_NAME,
    SETTINGS,
    SettingError,
    Settings,
    apply_to_process,
    from_environment,
    load_settings,
    unknown_variables,
)

README = Path(__file__).resolve().parent.parent / "README.md"
ROW = re.compile(r"^\| `(TIMELINE_[A-Z_]+)` \| `(--[a-z-]+)` \| (.+?) \| .+ \|$")


def readme_table() -> list[tuple[str, str, str]]:
    section = README.read_text(encoding="utf-8").split("## Serving a whole class", 1)[1].split("\n## ", 1)[0]
    return [m.groups() for m in map(ROW.match, section.splitlines()) if m]


def test_the_readme_lists_exactly_the_settings_with_their_defaults():
    assert readme_table() == [(s.env, s.option, s.shown_default) for s in SETTINGS]


def test_every_setting_is_a_field_an_option_and_a_variable():
    assert [f.name for f in fields(Settings)] == [s.name for s in SETTINGS]
    serve = build_parser()._subparsers._group_actions[0].choices["serve"]
    options = {o for action in serve._actions for o in action.option_strings} - {"-h", "--help"}
    assert options == {s.option for s in SETTINGS}
    assert all(s.env == "TIMELINE_" + s.name.upper() for s in SETTINGS)


def test_defaults_when_nothing_is_set():
    settings = load_settings({}, environ={})
    assert settings == Settings(**{s.name: s.default for s in SETTINGS})


def test_the_option_wins_over_the_variable_which_wins_over_the_default():
    env = {"TIMELINE_PORT": "9000", "TIMELINE_THREADS": "3"}
    settings = load_settings({"port": "9100", "threads": None}, environ=env)
    assert (settings.port, settings.threads, settings.host) == (9100, 3, "127.0.0.1")
    assert from_environment("threads", env) == 3 and from_environment("port", {}) == 8050


@pytest.mark.parametrize("name, bad, says", [
    ("port", "eighty", "'eighty' is not a whole number"),
    ("port", "70000", "70000 is out of range (1 to 65535)"),
    ("threads", "0", "0 is out of range (1 to 256)"),
    ("connection_limit", "-1", "-1 is out of range"),
    ("max_body_bytes", "100", "100 is out of range (1024 to any)"),
    ("frame_ancestors", "https://a.example.org; script-src *", "is not an origin like https://lms.example.org"),
    ("host", "a b", "is not a host name or address"),
    ("events", "/no/such.csv", "/no/such.csv: no such events file"),
])
def test_a_bad_value_is_one_line_naming_where_it_came_from(name, bad, says):
    setting = BY_NAME[name]
    for options, environ, where in (({name: bad}, {}, setting.option), ({}, {setting.env: bad}, setting.env)):
        with pytest.raises(SettingError) as caught:
            load_settings(options, environ=environ)
        message = str(caught.value)
        assert message.startswith(f"{where}: ") and says in message and "\n" not in message


def test_an_events_folder_is_named_a_folder(tmp_path):
    with pytest.raises(SettingError, match="is a folder; give the events file in it"):
        load_settings({"events": str(tmp_path)}, environ={})


def test_unknown_variables_are_found():
    environ = {"TIMELINE_WORKERS": "2", "TIMELINE_PORT": "1", "PATH": "/bin"}
    assert unknown_variables(environ) == ["TIMELINE_WORKERS"]


def test_the_file_cap_reaches_the_data_layer():
    try:
        apply_to_process(load_settings({"max_file_bytes": "2048"}, environ={}))
        assert files.max_file_bytes() == 2048
    finally:
        files.set_max_file_bytes(files.MAX_FILE_BYTES)
