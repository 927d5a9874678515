"""Read endpoints: documents, search, entities, events, claims, stories, graph, stats.

Each is a thin call into `newsgraph.query`; lists are paged (`limit` <= 500,
`offset`) and answer {items, total, limit, offset, next_offset} plus `entities`
and `documents` maps that label the ids they mention.
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from .. import __version__, query
from ..query import graph, search
from ..store import Store
from ..store.graph_sql import EventFilter
from .params import Paging, event_filter, paging, store
from .responses import ERRORS, Json, ok

router = APIRouter(prefix="/api", responses=ERRORS, default_response_class=Json)
Db = Annotated[Store, Depends(store)]
Page = Annotated[Paging, Depends(paging)]
Filter = Annotated[EventFilter, Depends(event_filter)]
EntityId = Annotated[str, Path(description="entity id, e.g. E12", max_length=64)]
Text = Annotated[str, Query(min_length=1, max_length=200, description="words to look for")]


@router.get("/stats", tags=["meta"], summary="Counts of documents, entities, mentions, events and stories")
def stats(db: Db):
    return ok(query.stats(db) | {"version": __version__})


@router.get("/session", tags=["meta"], summary="Whether this server accepts writes (started with a token)")
def session(request: Request):
    return ok({"writable": bool(request.app.state.token), "version": __version__})


@router.get("/documents", tags=["documents"], summary="Documents in ingest order, without their text")
def documents(db: Db, page: Page, status: Annotated[str | None, Query(description="analysed, duplicate, ...")] = None):
    return ok(search.documents_page(db, status=status, limit=page.limit, offset=page.offset))


@router.get("/documents/{doc_id}", tags=["documents"],
            summary="A document with its text, regions, entity mentions and event evidence spans")
def document(db: Db, doc_id: Annotated[str, Path(max_length=200)]):
    return ok(search.document_view(db, doc_id))


@router.get("/search", tags=["search"], summary="Entities by name or alias, and documents by full text")
def search_all(db: Db, q: Text, page: Page):
    return ok(search.search(db, q, limit=min(page.limit, 100), offset=page.offset))


@router.get("/search/entities", tags=["search"], summary="Entity autocomplete: names and aliases containing q")
def search_entities(db: Db, q: Text, type: Annotated[list[str] | None, Query()] = None,
                    limit: Annotated[int, Query(ge=1, le=100)] = 10):
    types = [t.strip().upper() for v in type or [] for t in v.split(",") if t.strip()]
    return ok({"q": q, "items": search.suggest_entities(db, q, types=types or None, limit=limit)})


@router.get("/search/documents", tags=["search"], summary="Full-text search over documents (every word must occur)")
def search_documents(db: Db, q: Text, page: Page):
    return ok(search.search_documents(db, q, limit=page.limit, offset=page.offset))


@router.get("/entities", tags=["entities"], summary="Entities, filtered by type and country")
def entities(db: Db, page: Page, type: Annotated[str | None, Query(description="PERSON, ORG, COUNTRY, ...")] = None,
             country: Annotated[str | None, Query(description="entity id of the country")] = None,
             order: Literal["name", "id", "mentions"] = "name"):
    return ok(graph.entities_page(db, type=type.upper() if type else None, country=country, order=order,
                                  limit=page.limit, offset=page.offset))


@router.get("/entities/{entity_id}", tags=["entities"],
            summary="An entity with aliases, roles, mentions by document, neighbours and event counts")
def entity(db: Db, entity_id: EntityId):
    return ok(graph.entity_detail(db, entity_id))


@router.get("/entities/{entity_id}/mentions", tags=["entities"], summary="An entity's mentions, in document order")
def mentions(db: Db, entity_id: EntityId, page: Page, doc: str | None = None):
    return ok(graph.mentions_page(db, entity_id, doc=doc, limit=page.limit, offset=page.offset))


@router.get("/entities/{entity_id}/neighbours", tags=["entities"],
            summary="The entities it has most events with, as actor or target")
def neighbours(db: Db, entity_id: EntityId, f: Filter, limit: Annotated[int, Query(ge=1, le=500)] = 50):
    return ok(graph.neighbours(db, entity_id, f, limit=limit))


@router.get("/entities/{entity_id}/timeline", tags=["entities"],
            summary="Its events by date (the event's, else the document's publication date)")
def timeline(db: Db, entity_id: EntityId, f: Filter, page: Page):
    return ok(graph.timeline(db, entity_id, f, limit=page.limit, offset=page.offset))


@router.get("/entities/{entity_id}/claims", tags=["claims"],
            summary="Claims ledger: its events grouped by who did what to whom, by modality, with sources")
def entity_claims(db: Db, entity_id: EntityId, f: Filter):
    return ok(graph.claims(db, entity_id=entity_id, f=f))


@router.get("/events", tags=["events"], summary="Events matching the filters, with evidence")
def events(db: Db, f: Filter, page: Page, order: Literal["seq", "date"] = "seq"):
    return ok(graph.events_page(db, f, order=order, limit=page.limit, offset=page.offset))


@router.get("/events/{event_id}", tags=["events"], summary="One event with its evidence")
def event(db: Db, event_id: Annotated[str, Path(max_length=64)]):
    return ok(graph.event(db, event_id))


@router.get("/stories", tags=["stories"], summary="Stories: one real event reported by several documents")
def stories(db: Db, page: Page, entity: Annotated[str | None, Query(description="entity id as actor or target")] = None):
    return ok(graph.stories_page(db, entity_id=entity, limit=page.limit, offset=page.offset))


@router.get("/stories/{story_id}", tags=["stories"], summary="A story with its events across documents")
def story(db: Db, story_id: Annotated[str, Path(max_length=64)]):
    return ok(graph.story(db, story_id))


@router.get("/stories/{story_id}/claims", tags=["claims"], summary="Claims ledger of a story")
def story_claims(db: Db, story_id: Annotated[str, Path(max_length=64)], f: Filter):
    return ok(graph.claims(db, story_id=story_id, f=f))


@router.get("/graph/{entity_id}", tags=["graph"], summary="Ego network of an entity: nodes by type, edges counted by event "
            "type and modality; capped at max_nodes (the most connected kept)")
def ego_graph(db: Db, entity_id: EntityId, f: Filter, depth: Annotated[int, Query(ge=1, le=3)] = 1, max_nodes: Annotated[int, Query(ge=1, le=500)] = 100,
              max_edges: Annotated[int, Query(ge=1, le=5000)] = 500):
    return ok(graph.ego_graph(db, entity_id, depth=depth, f=f, max_nodes=max_nodes, max_edges=max_edges))
