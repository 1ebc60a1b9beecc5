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


def test_a_long_pasted_text_leaves_the_timeline_its_height(page):
    """Open with a long text, the panel below the workspace once squeezed the timeline to nothing and
    the plot was drawn over the text: the timeline keeps a screen's worth, the page scrolls to the text."""
    page.open()
    page.js("document.getElementById('paste-panel').open = true")
    page.js("const box = document.getElementById('paste-text');"
            "Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, arguments[0]);"
            "box.dispatchEvent(new Event('input', {bubbles: true}));",
            "\n\n".join(f"In {1800 + n} the workers of town {n} went on strike for {n} days." for n in range(150)))
    page.driver.find_element(By.ID, "paste-show").click()
    page.wait("document.getElementById('paste-message').textContent.startsWith('150 proposed events')")
    page.settle()
    boxes = page.js("const r = (s) => document.querySelector(s).getBoundingClientRect();"
                    " return [r('.timeline-graph').height, r('.timeline-graph').bottom, r('#paste-panel').top]")
    graph_height, graph_bottom, panel_top = boxes
    assert graph_height >= 300, boxes
    assert panel_top >= graph_bottom - 1, "the timeline drawn over the text: " + str(boxes)
    assert page.duo.get_logs() == []
