"""Query parameters shared by the endpoints: paging limits and the event filters."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Query, Request

from ..store import Store
from ..store.graph_sql import EventFilter

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Modality = Literal["asserted", "alleged", "denied", "planned"]


@dataclass
class Paging:
    limit: int
    offset: int


def paging(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
           offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0) -> Paging:
    return Paging(limit, offset)


def _split(values: list[str] | None, upper: bool = False) -> list[str]:
    """Repeated parameters and comma-separated lists both work: ?type=AID&type=AGREE or ?type=AID,AGREE."""
    out = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    return [v.upper() for v in out] if upper else out


def event_filter(
    type: Annotated[list[str] | None, Query(description="PLOVER event types (repeat or comma-separate)")] = None,
    modality: Annotated[list[Modality] | None, Query(description="asserted, alleged, denied, planned")] = None,
    actor: Annotated[str | None, Query(description="entity id of the actor")] = None,
    target: Annotated[str | None, Query(description="entity id of the target")] = None,
    source: Annotated[str | None, Query(description="entity id of who says so")] = None,
    entity: Annotated[str | None, Query(description="entity id as actor, target or source")] = None,
    story: Annotated[str | None, Query(description="story id")] = None,
    doc: Annotated[str | None, Query(description="document id")] = None,
    date_from: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")] = None,
    date_to: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> EventFilter:
    return EventFilter(types=_split(type, upper=True), modalities=list(dict.fromkeys(modality or [])),
                       actor=actor, target=target, source=source, entity=entity, story=story, doc=doc,
                       date_from=date_from, date_to=date_to, min_confidence=min_confidence)


def store(request: Request) -> Store:
    return request.app.state.store
