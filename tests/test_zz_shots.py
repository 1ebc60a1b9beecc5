import shutil, time
from pathlib import Path
import pytest
from live_helpers import copy_dataset
from classroom_helpers import wait_for

EVENTS_FILE = "shots_events_file"

@pytest.fixture(scope="module")
def shots_events_file(tmp_path_factory):
    return copy_dataset(tmp_path_factory.mktemp("shots") / "events")

def test_shots(page, shots_events_file):
    folder = shots_events_file.parent
    page.open("?event=hungary-1956-revolution")
    page.driver.save_screenshot("/tmp/shots/article-view.png")
    shutil.copy("tests/gold/proposals/the-haymarket-affair.txt", folder / "sources" / "the-haymarket-affair.txt")
    page.open("")
    page.wait("document.querySelector('.article-index') && document.querySelector('.article-index').textContent.includes('Haymarket')", timeout=5, message="index")
    page.open("?proposed=1")
    page.wait("window.timelineLib.current.d.payload.proposed.events.count > 0", timeout=5)
    page.settle()
    page.driver.save_screenshot("/tmp/shots/proposed-layer.png")
    page.js("document.getElementById('paste-panel').open = true")
    text = Path("tests/gold/proposals/the-lawrence-textile-strike.txt").read_text()
    page.js("""const box = document.getElementById('paste-text');
Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, arguments[0]);
box.dispatchEvent(new Event('input', {bubbles: true}));""", text)
    page.driver.find_element("id", "paste-show").click()
    page.wait("document.getElementById('paste-marked') && document.getElementById('paste-marked').textContent.length > 100", timeout=10)
    page.settle()
    page.driver.save_screenshot("/tmp/shots/pasted-top.png")
    page.js("document.getElementById('paste-marked').scrollIntoView()")
    page.driver.save_screenshot("/tmp/shots/pasted-text.png")
