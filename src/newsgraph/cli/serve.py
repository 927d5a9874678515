"""`serve`: the HTTP API and the web UI in one local process."""
from __future__ import annotations

import os
import socket

from ..errors import NewsgraphError, OptionalDependencyMissing
from . import output


def register(commands, common) -> None:
    p = commands.add_parser("serve", parents=[common],
                            help="open the web UI and the HTTP API over the database (read-only without a token)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0 exposes it to the network)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--token", default=None,
                   help="allow corrections (merge, split, rename) to clients sending this token "
                        "(default: $NEWSGRAPH_TOKEN; without one the server is read-only)")
    p.set_defaults(run=run_serve)


def check_free(host: str, port: int) -> None:
    """Fail with one clear line, before starting, when the address cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise NewsgraphError(f"cannot listen on {host}:{port} ({exc.strerror}): choose another --port or --host") from None


def run_serve(args) -> int:
    try:
        import uvicorn
    except ModuleNotFoundError:
        raise OptionalDependencyMissing("newsgraph serve", "serve") from None
    from ..api import create_app
    from ..api.security import allowed_hosts

    if not 0 < args.port < 65536:
        raise NewsgraphError(f"--port {args.port} is not a TCP port: choose one between 1 and 65535")
    check_free(args.host, args.port)
    token = args.token or os.environ.get("NEWSGRAPH_TOKEN") or None
    app = create_app(args.db, token=token, hosts=allowed_hosts(args.host))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    if not args.quiet:
        mode = "corrections allowed with the token" if token else "read-only"
        output.err.print(f"newsgraph: http://{shown}:{args.port}/  (API: /openapi.json; {mode}; Ctrl+C stops)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="info" if args.verbose else "warning",
                server_header=False)
    return 0
