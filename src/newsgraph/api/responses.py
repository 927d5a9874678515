"""JSON responses without FastAPI's per-field re-encoding (query records are already plain
JSON types), and the documented shape of errors."""
from __future__ import annotations

import json

from fastapi.responses import JSONResponse
from pydantic import BaseModel


class Json(JSONResponse):
    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def ok(data) -> Json:
    return Json(data)


class ErrorDetail(BaseModel):
    where: str
    message: str


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[ErrorDetail] = []


class Error(BaseModel):
    error: ErrorBody


ERRORS = {status: {"model": Error, "description": text} for status, text in (
    (400, "a request the server understood but cannot answer"),
    (404, "no such document, entity, event or story"),
    (422, "a parameter is missing or has the wrong form"),
)}
