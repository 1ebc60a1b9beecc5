"""One way to register a browser-side callback: a function of ``window.dash_clientside[namespace]``."""

from __future__ import annotations

from dash import ClientsideFunction, Dash


def clientside(app: Dash, namespace: str, function: str, *dependencies, **options) -> None:
    """Register ``namespace.function`` (``assets/*.js``) on ``app`` for ``dependencies``."""
    app.clientside_callback(ClientsideFunction(namespace, function), *dependencies, **options)
