"""The HTTP API served from a thread of this process, on a free loopback port.

For notebooks, browser tests and benchmarks that want the real server (uvicorn,
real sockets) next to their own code:

    with BackgroundServer(create_app("news.db")) as server:
        httpx.get(server.url + "/api/stats")
"""
from __future__ import annotations

import socket
import threading
import time

from ..errors import NewsgraphError

START_TIMEOUT = 20  # seconds


class BackgroundServer:
    """uvicorn on a free loopback port, in a daemon thread; a context manager."""

    def __init__(self, app):
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "BackgroundServer":
        self.thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise NewsgraphError(f"the API server did not start on port {self.port} within {START_TIMEOUT} s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
