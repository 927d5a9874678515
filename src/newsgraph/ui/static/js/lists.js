// The home page, search results and the paged lists of entities, documents, stories and events.

import { get } from "./api.js";
import { append, badge, docHref, empty, entityHref, h, hashFor, section, storyHref } from "./dom.js";
import { entityLink, eventCard, pager, table } from "./views.js";

const TYPES = ["PERSON", "ORG", "COUNTRY", "LOCATION", "WEAPON", "EVENT", "OTHER"];
const num = (params, key) => Math.max(0, Number(params.get(key)) || 0);

function counts(obj) {
  const entries = Object.entries(obj || {}).sort((a, b) => b[1] - a[1]);
  return entries.length ? h("ul", { class: "chips" }, entries.map(([k, n]) => h("li", { class: "chip" }, `${k} ${n}`))) : null;
}

function entityRows(items, labels) {
  return items.map((e) => [h("a", { href: entityHref(e.id) }, e.name), badge(e.type, e.type),
    e.country ? entityLink(labels, e.country) : "—", e.mention_count !== undefined ? String(e.mention_count) : e.aliases.slice(0, 3).join(", ")]);
}

function documentRows(items) {
  return items.map((d) => [h("a", { href: docHref(d.id) }, d.title || d.name), d.published || "—", d.status]);
}

export async function homePage(main) {
  const [stats, top, docs, stories] = await Promise.all([get("/stats"), get("/entities", { order: "mentions", limit: 15 }),
    get("/documents", { limit: 10 }), get("/stories", { limit: 10 })]);
  document.title = "newsgraph";
  append(main, h("header", { class: "page-head" }, h("h1", {}, "Knowledge base"),
      h("p", { class: "muted" }, `${stats.documents} documents · ${stats.entities} entities · ${stats.mentions} mentions · `,
        `${stats.events} events · ${stats.stories} stories`)),
    h("div", { class: "two-col" },
      section("Most mentioned", "top-entities", table(["Entity", "Type", "Country", "Mentions"], entityRows(top.items, top.entities), "most mentioned entities"),
        h("p", {}, h("a", { href: "#/entities" }, "All entities"))),
      section("Events", "event-counts", counts(stats.events_by_type) || empty("No events yet."), counts(stats.events_by_modality),
        h("p", {}, h("a", { href: "#/events" }, "All events")))),
    h("div", { class: "two-col" },
      section("Documents", "recent-docs", table(["Document", "Published", "Status"], documentRows(docs.items), "documents"),
        h("p", {}, h("a", { href: "#/documents" }, `All ${docs.total} documents`))),
      section("Stories", "recent-stories", stories.items.length
        ? h("ul", { class: "plain" }, stories.items.map((s) => h("li", {}, h("a", { href: storyHref(s.id) }, s.title || s.id),
            h("span", { class: "muted" }, ` ${s.event_count} events`))))
        : empty("No stories yet."))));
}

function snippet(parts) {
  return h("p", { class: "snippet" }, parts.map((p) => (p.hit ? h("mark", {}, p.text) : p.text)));
}

export async function searchPage(main, params) {
  const q = params.get("q") || "";
  const offset = num(params, "offset");
  document.title = `${q} · search · newsgraph`;
  if (!q.trim()) return append(main, h("h1", {}, "Search"), empty("Type a name or words in the search box."));
  const data = await get("/search", { q, offset, limit: 20 });
  const docs = data.documents;
  append(main, h("header", { class: "page-head" }, h("h1", {}, "Search: ", h("q", {}, q))),
    section(`Entities (${data.entities.length})`, "entity-results", data.entities.length
      ? h("ul", { class: "plain" }, data.entities.map((e) => h("li", {}, h("a", { href: entityHref(e.id) }, e.name), " ", badge(e.type, e.type),
          e.matched.length ? h("span", { class: "muted" }, ` also ${e.matched.join(", ")}`) : null, h("span", { class: "muted" }, ` · ${e.mentions} mentions`))))
      : empty("No entity has this name or alias.")),
    section(`Documents (${docs.total})`, "document-results", docs.items.length
      ? h("ul", { class: "plain results" }, docs.items.map((d) => h("li", {}, h("a", { href: docHref(d.id) }, d.title || d.name),
          d.published ? h("span", { class: "muted" }, ` · ${d.published}`) : null, snippet(d.snippet))))
      : empty("No document contains all these words."), pager(docs, "/search", { q })));
}

export async function entitiesPage(main, params) {
  const type = params.get("type") || "";
  const order = params.get("order") || "name";
  const data = await get("/entities", { type, order, offset: num(params, "offset"), limit: 50 });
  document.title = "Entities · newsgraph";
  append(main, h("header", { class: "page-head" }, h("h1", {}, "Entities"),
      h("nav", { class: "tabs", "aria-label": "entity types" }, ["", ...TYPES].map((t) =>
        h("a", { href: hashFor("/entities", { type: t, order }), "aria-current": t === type ? "page" : null }, t || "all")))),
    table(["Entity", "Type", "Country", order === "mentions" ? "Mentions" : "Aliases"], entityRows(data.items, data.entities), "entities"),
    pager(data, "/entities", { type, order }));
}

export async function documentsPage(main, params) {
  const data = await get("/documents", { offset: num(params, "offset"), limit: 50 });
  document.title = "Documents · newsgraph";
  append(main, h("h1", {}, "Documents"), table(["Document", "Published", "Status"], documentRows(data.items), "documents"),
    pager(data, "/documents", {}));
}

export async function storiesPage(main, params) {
  const data = await get("/stories", { offset: num(params, "offset"), limit: 50 });
  document.title = "Stories · newsgraph";
  append(main, h("h1", {}, "Stories"), data.items.length
    ? table(["Story", "Event", "Actor", "Target", "Events", "Documents"], data.items.map((s) => [
        h("a", { href: storyHref(s.id) }, s.title || s.id), badge(s.type, "event"), entityLink(data.entities, s.actor),
        entityLink(data.entities, s.target), String(s.event_count), String(s.document_count)]), "stories")
    : empty("No stories yet: a story forms when several documents report the same event."),
    pager(data, "/stories", {}));
}

const EVENT_FILTERS = ["type", "modality", "actor", "target", "source", "entity", "story", "doc", "date_from", "date_to", "min_confidence", "order"];

export async function eventsPage(main, params) {
  const filters = Object.fromEntries(EVENT_FILTERS.filter((k) => params.get(k)).map((k) => [k, params.get(k)]));
  const data = await get("/events", { ...filters, offset: num(params, "offset"), limit: 50 });
  document.title = "Events · newsgraph";
  append(main, h("h1", {}, "Events"),
    Object.keys(filters).length ? h("p", { class: "muted" }, "Filtered by ", Object.entries(filters).map(([k, v]) => `${k}=${v}`).join(", ")) : null,
    data.items.length ? h("ul", { class: "events" }, data.items.map((ev) => eventCard(ev, data.entities, data.documents))) : empty("No events match."),
    pager(data, "/events", filters));
}
