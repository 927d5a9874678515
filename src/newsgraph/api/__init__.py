"""The HTTP API (FastAPI) and, in the same process, the web UI.

    from newsgraph.api import create_app
    app = create_app("news.db", token=None)      # read-only without a token
    uvicorn.run(app, host="127.0.0.1", port=8000)

Every endpoint is listed at /openapi.json; errors have one shape,
{"error": {"status", "code", "message", "details"}}.
"""
from __future__ import annotations

from contextlib import asynccontextmanager

from .. import __version__
from ..errors import OptionalDependencyMissing
from ..store import Store

DESCRIPTION = """Read a newsgraph knowledge base: documents, entities, PLOVER events with modality
and source, claims ledgers, stories and ego networks. Lists take `limit` (at most 500) and
`offset` and answer `{items, total, limit, offset, next_offset}`; ids they mention are labelled
in `entities` and `documents` maps. Writes (merge, split, rename) need
`Authorization: Bearer TOKEN` with the token the server was started with."""


def create_app(target: str | Store | None = None, token: str | None = None, hosts: set[str] | None = None):
    """The app over a database (a path, URL or open Store); writes only with `token`;
    `hosts` limits the Host headers answered (see security.allowed_hosts)."""
    try:
        from fastapi import FastAPI
    except ModuleNotFoundError:
        raise OptionalDependencyMissing("the HTTP API and web UI", "serve") from None
    from .. import ui
    from . import errors, read, write
    from .security import SecurityHeaders

    store = target if isinstance(target, Store) else Store(target)

    @asynccontextmanager
    async def lifespan(app):
        store.summary_ready()  # starts building the graph summaries in the background if they are stale
        yield
        if store is not target:
            store.close()

    app = FastAPI(title="newsgraph", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", lifespan=lifespan)
    app.state.store, app.state.token = store, token or None
    errors.install(app)
    app.include_router(read.router)
    app.include_router(write.router)
    ui.mount(app)
    app.add_middleware(SecurityHeaders, hosts=hosts)
    return app


__all__ = ["create_app"]
