"""Write endpoints: an analyst's corrections to entity resolution (rename, merge, split),
made by `resolve.overrides` like the CLI's, so they last across later ingests.

They need `Authorization: Bearer TOKEN` with the token `serve` was started with; a
server started without one is read-only.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, Field

from ..query import graph
from ..resolve import overrides
from ..store import Store
from .params import store
from .responses import ERRORS, Json, ok
from .security import require_token

router = APIRouter(prefix="/api", tags=["corrections"], dependencies=[Depends(require_token)], default_response_class=Json,
                   responses=ERRORS | {401: ERRORS[400] | {"description": "no token, or the wrong one"},
                                       403: ERRORS[400] | {"description": "the server is read-only"}})
Db = Annotated[Store, Depends(store)]
EntityId = Annotated[str, Path(max_length=64)]


class Rename(BaseModel):
    name: str = Field(min_length=1, max_length=200, description="the canonical name to use from now on")


class Merge(BaseModel):
    into: str = Field(min_length=1, max_length=64, description="id of the entity that absorbs this one")


class Split(BaseModel):
    aliases: list[str] = Field(min_length=1, max_length=100,
                               description="surface forms whose mentions move to a new entity")
    name: str | None = Field(default=None, max_length=200, description="name of the new entity")


@router.post("/entities/{entity_id}/rename", summary="Rename an entity (the name is kept across later ingests)")
def rename(db: Db, entity_id: EntityId, body: Rename):
    graph.entity(db, entity_id)
    row = overrides.rename(db, entity_id, body.name)
    return ok({"entity": graph.entity(db, row["id"])})


@router.post("/entities/{entity_id}/merge", summary="Merge this entity into another one")
def merge(db: Db, entity_id: EntityId, body: Merge):
    graph.entity(db, entity_id)
    graph.entity(db, body.into)
    row = overrides.merge(db, body.into, [entity_id])
    return ok({"entity": graph.entity(db, row["id"]), "merged": entity_id})


@router.post("/entities/{entity_id}/split", summary="Move the mentions written as some aliases to a new entity")
def split(db: Db, entity_id: EntityId, body: Split):
    graph.entity(db, entity_id)
    row = overrides.split(db, entity_id, body.aliases, body.name)
    return ok({"entity": graph.entity(db, row["id"]), "split_from": entity_id})
