"""Any text as a timeline (issue 13 point 5): the server side, in-process."""

from __future__ import annotations

import base64
import csv
import io
import json

import pytest
from dash import no_update

from timeline_app.data.dataset import COLUMNS
from timeline_app.web.paste_view import MAX_TEXT_BYTES, file_text

TEXT = ("<script>alert(1)</script> The dockers struck in London in August 1889. "
        "Rosa Luxemburg was murdered in Berlin on 15 January 1919.")


def paste_call(client, changed, text="", contents=None, filename=None):
    deps = client.get("/_dash-dependencies").get_json()
    spec = next(d for d in deps if "paste-message.children" in d["output"])
    outputs = [dict(zip(("id", "property"), part.split(".", 1))) for part in spec["output"].strip(".").split("...")]
    response = client.post("/_dash-update-component", json={
        "output": spec["output"], "outputs": outputs,
        "inputs": [{"id": "paste-show", "property": "n_clicks", "value": 1},
                   {"id": "paste-upload", "property": "contents", "value": contents}],
        "state": [{"id": "paste-text", "property": "value", "value": text},
                  {"id": "paste-upload", "property": "filename", "value": filename},
                  {"id": "live-state", "property": "data", "value": {}}],
        "changedPropIds": [changed]})
    assert response.status_code == 200
    body = response.get_json()["response"]
    return {f"{k}.{p}": v for k, props in body.items() for p, v in props.items()}


def test_a_pasted_text_is_drawn_from_its_proposed_rows_and_nothing_runs(client):
    out = paste_call(client, "paste-show.n_clicks", text=TEXT)
    assert out["paste-message.children"] == "2 proposed events from the text; nothing is saved."
    assert out["timeline-source.data"]["count"] == 2 and out["live-state.data"]["preview"] == "the pasted text"
    rows = list(csv.reader(io.StringIO(out["paste-rows.data"])))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 3
    assert {r[COLUMNS.index("start")] for r in rows[1:]} == {"1889-08", "1919-01-15"}
    assert all(r[COLUMNS.index("article")] == "pasted-text" for r in rows[1:])
    marked = json.dumps(out["paste-marked.children"])
    assert "<script>alert(1)</script>" in marked, "the text as text"
    assert "dangerouslySetInnerHTML" not in marked and '"type": "Script"' not in marked
    assert "August 1889" in marked and "15 January 1919" in marked


@pytest.mark.parametrize("text, message", [("   ", "Paste a text first."),
                                           ("No dates at all here.", "No date was found in this text.")])
def test_an_empty_or_dateless_text_says_so(client, text, message):
    assert paste_call(client, "paste-show.n_clicks", text=text)["paste-message.children"] == message


def test_a_picked_html_file_is_reduced_to_text(client):
    page = b"<html><body><p>Strike &amp; lockout in <b>1926</b>.</p><script>alert(2)</script></body></html>"
    contents = "data:text/html;base64," + base64.b64encode(page).decode()
    out = paste_call(client, "paste-upload.contents", contents=contents, filename="strike.html")
    assert out["paste-text.value"] == "Strike & lockout in 1926."
    assert out["timeline-source.data"]["count"] == 1


@pytest.mark.parametrize("name, data, message", [
    ("notes.pdf", b"In 1926.", "notes.pdf is not a text file: pick a .txt, .md or .html file."),
    ("big.txt", b"a" * (MAX_TEXT_BYTES + 1), "big.txt is too big (200 KB; the limit is 200 KB)."),
    ("bin.txt", b"\x00\x01\x02 1926", "bin.txt holds binary data, not text: save it as plain text (.txt) and pick that."),
])
def test_a_bad_file_gets_a_clear_message(name, data, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        file_text("data:;base64," + base64.b64encode(data).decode(), name)


def test_the_proposed_rows_download_as_an_events_csv(client):
    from timeline_app.web.paste_view import download

    rows = paste_call(client, "paste-show.n_clicks", text=TEXT)["paste-rows.data"]
    assert download(1, rows) == {"content": rows, "filename": "pasted-text-events.csv", "type": "text/csv"}
    assert download(1, None) is no_update


def test_the_guide_names_the_paste_panels_buttons():
    from pathlib import Path

    from timeline_app.web.paste_view import paste_panel

    guide = (Path(__file__).resolve().parent.parent / "docs" / "editing.md").read_text(encoding="utf-8")
    panel = json.dumps(paste_panel().to_plotly_json(), default=lambda c: c.to_plotly_json())
    for name in ("Any text as a timeline", "Download the proposed rows (CSV)"):
        assert f"**{name}**" in guide and f'"{name}"' in panel
