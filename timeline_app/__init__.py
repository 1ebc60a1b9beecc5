"""timeline_app: history texts turned into an interactive, zoomable timeline."""
