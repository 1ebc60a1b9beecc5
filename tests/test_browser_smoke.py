"""Smoke test of the browser stack: dash.testing + selenium + headless Chromium.

Uses a tiny app defined here, so it only proves that a real browser can load a
Dash page, run a callback round-trip and report no console errors.
"""

from dash import Dash, Input, Output, html


def make_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Click me", id="btn", n_clicks=0),
            html.Div(id="out"),
        ]
    )

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show_clicks(n_clicks):
        return f"clicked {n_clicks} times"

    return app


def test_button_click_updates_div(dash_duo):
    dash_duo.start_server(make_app())

    dash_duo.wait_for_text_to_equal("#out", "clicked 0 times")
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#out", "clicked 1 times")

    # The conftest's Chrome options are in effect (headless Chromium, 1280x720).
    size = dash_duo.driver.get_window_size()
    assert (size["width"], size["height"]) == (1280, 720)
    assert "HeadlessChrome" in dash_duo.driver.execute_script("return navigator.userAgent")

    assert dash_duo.get_logs() == []
