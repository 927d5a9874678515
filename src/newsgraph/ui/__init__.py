"""The web UI: static files (our JS and CSS, and Cytoscape.js vendored under static/vendor)
served by the API's process; the page builds itself from /api and never parses data as HTML."""
from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).parent / "static"


def mount(app) -> None:
    """Serve the single page at / and its assets at /static."""
    from fastapi.responses import FileResponse
    from fastapi.staticfiles import StaticFiles

    index = STATIC / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
