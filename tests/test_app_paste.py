"""Any text as a timeline in the browser (issue 13 point 5): pasted, drawn, marked, nothing run."""

from __future__ import annotations

from selenium.webdriver.common.by import By

TEXT = ("<img src=x onerror=\"window.ran=1\"><script>window.ran=1</script> The dockers struck in London in "
        "August 1889. Rosa Luxemburg was murdered in Berlin on 15 January 1919.")


def test_a_pasted_text_is_drawn_as_a_timeline_beside_its_marked_text(page):
    page.open()
    page.js("document.getElementById('paste-panel').open = true")
    box = page.driver.find_element(By.ID, "paste-text")
    page.js("arguments[0].scrollIntoView()", box)
    box.send_keys(TEXT)
    page.driver.find_element(By.ID, "paste-show").click()
    page.wait("document.getElementById('paste-message').textContent.startsWith('2 proposed events')")
    page.wait("window.timelineLib.current && window.timelineLib.current.d.n === 2")
    marks = page.js("return [...document.querySelectorAll('#paste-marked .mention')].map(m => m.textContent)")
    assert marks == ["August 1889", "15 January 1919"]
    assert "<script>" in page.js("return document.getElementById('paste-marked').textContent")
    assert page.js("return document.querySelectorAll('#paste-marked img, #paste-marked script').length") == 0
    assert page.js("return window.ran === undefined"), "nothing in the text ran"
    assert "nothing is saved" in page.js("return document.getElementById('preview-text').textContent")
    assert page.duo.get_logs() == []
