"""Bench: pasting a 200 KB text draws its timeline in < 2 s in headless Chromium (issue 13 point 5).

The text is the shipped articles' bodies repeated to 200 KB (so its dates
read like real ones).  Each round loads the page afresh, puts the text in the
box (as a paste does: one input event), clicks "Show as a timeline" and
times, in the browser, from the click to the frame after the timeline holds
the proposed events.  Median of the rounds; the server's share (the
callback: extract, propose, check, payload) is printed beside it.

    .venv/bin/python bench/paste.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import app as bench_app  # noqa: E402  (the browser, server and waits of bench/app.py)

from timeline_app.data.paths import SOURCES_DIR  # noqa: E402
from timeline_app.web.paste_view import MAX_TEXT_BYTES  # noqa: E402

TARGET_S = 2.0
PASTE = """const box = document.getElementById('paste-text');
Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, arguments[0]);
box.dispatchEvent(new Event('input', {bubbles: true}));"""
CLICK = """window.__pasteDone = null; window.__pasteStart = performance.now();
const before = window.timelineLib.current;
(function wait() {
  const cur = window.timelineLib.current;
  if (cur && cur !== before && cur.d.n > 100) {
    requestAnimationFrame(() => { window.__pasteDone = performance.now() - window.__pasteStart; });
  } else setTimeout(wait, 5);
})();
document.getElementById('paste-show').click();"""


def sample_text(size: int = MAX_TEXT_BYTES - 1024) -> str:
    bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(SOURCES_DIR.glob("*.txt"))]
    body = "\n\n".join(bodies)
    return (body * (size // len(body.encode("utf-8")) + 1)).encode("utf-8")[:size].decode("utf-8", "ignore")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args(argv).rounds
    from timeline_app.web.app import create_app

    text = sample_text()
    url, server = bench_app.serve(create_app().server)
    driver = bench_app.browser()
    times, counts = [], []
    try:
        for _ in range(rounds):
            driver.get("about:blank")
            driver.get(url)
            bench_app.wait_for(driver, "window.timelineLib && window.timelineLib.current", 60)
            driver.execute_script("document.getElementById('paste-panel').open = true")
            driver.execute_script(PASTE, text)
            start = time.perf_counter()
            driver.execute_script(CLICK)
            times.append(bench_app.wait_for(driver, "window.__pasteDone", 60) / 1000)
            counts.append(driver.execute_script("return window.timelineLib.current.d.n"))
            print(f"round: {times[-1]:.2f} s in the browser ({time.perf_counter() - start:.2f} s wall), "
                  f"{counts[-1]} events", flush=True)
    finally:
        driver.quit()
        server.shutdown()
    median = statistics.median(times)
    print(f"pasting {len(text.encode('utf-8')) // 1024} KB: median {median:.2f} s from the click to the drawn "
          f"timeline of {counts[-1]} proposed events over {rounds} rounds; target < {TARGET_S:.0f} s: "
          f"{'PASS' if median < TARGET_S else 'FAIL'}")
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
