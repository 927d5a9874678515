"""One JSON error shape for every failure: {"error": {"status", "code", "message", "details"}}.

Clients get a sentence they can act on, never a stack trace; unexpected errors
are logged on the server with their traceback.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import NewsgraphError, NotFound

log = logging.getLogger(__name__)

CODES = {400: "bad_request", 401: "unauthorized", 403: "read_only", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 422: "invalid_request", 500: "internal_error"}


def error_response(status: int, message: str, details: list | None = None, headers: dict | None = None) -> JSONResponse:
    body = {"error": {"status": status, "code": CODES.get(status, "error"), "message": message, "details": details or []}}
    return JSONResponse(body, status_code=status, headers=headers)


def _where(loc) -> str:
    parts = [str(p) for p in loc[1:] if not isinstance(p, int)]
    place = {"query": "query parameter", "path": "path parameter", "body": "request body"}.get(str(loc[0]), "") if loc else ""
    return f"{place} {'.'.join(parts)!r}".strip() if parts else place or "request"


def validation_details(exc: RequestValidationError) -> list[dict]:
    return [{"where": _where(e.get("loc", ())), "message": e.get("msg", "invalid")} for e in exc.errors()]


async def on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    details = validation_details(exc)
    first = details[0] if details else {"where": "request", "message": "invalid"}
    more = f" (and {len(details) - 1} more)" if len(details) > 1 else ""
    return error_response(422, f"{first['where']}: {first['message']}{more}", details)


async def on_http(request: Request, exc: HTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such endpoint {request.url.path}: /openapi.json lists the endpoints"
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


async def on_not_found(request: Request, exc: NotFound) -> JSONResponse:
    return error_response(404, str(exc))


async def on_newsgraph(request: Request, exc: NewsgraphError) -> JSONResponse:
    return error_response(400, str(exc))


async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "the server failed to answer this request; its log has the details")


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(NotFound, on_not_found)
    app.add_exception_handler(NewsgraphError, on_newsgraph)
    app.add_exception_handler(Exception, on_unexpected)
