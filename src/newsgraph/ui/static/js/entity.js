// The entity page: who or what it is (aliases, roles, country), its network, its
// claims ledger, its timeline and the documents that mention it.

import { get } from "./api.js";
import { append, badge, docHref, empty, h, hashFor, section } from "./dom.js";
import { editPanel } from "./edit.js";
import { graphView } from "./graph.js";
import { ledgerTable } from "./ledger.js";
import { entityLink, errorBox, eventLine, modalityBadge, pager, table } from "./views.js";

function header(e) {
  const country = e.country ? entityLink(e.entities, e.country) : null;
  return h("header", { class: "page-head" },
    h("h1", { id: "entity-name" }, e.name, " ", badge(e.type, e.type)),
    h("p", { class: "muted" }, `${e.id} · ${e.mention_count} mention${e.mention_count === 1 ? "" : "s"} in `,
      `${e.documents.total} document${e.documents.total === 1 ? "" : "s"}`, country ? [" · acts for ", country] : null),
    h("nav", { class: "page-nav", "aria-label": "sections" },
      ["network", "claims", "timeline", "documents"].map((s) => h("a", { href: `#/entity/${encodeURIComponent(e.id)}`, dataset: { section: s } }, s))));
}

function identity(e) {
  const roles = e.roles_seen.length
    ? h("ul", { class: "plain" }, e.roles_seen.map((r) => h("li", {}, r.role, r.country ? h("span", { class: "muted" }, ` (${r.country})`) : null,
        " ", h("a", { href: docHref(r.doc, { entity: e.id }), class: "small" }, "source"),
        r.documents > 1 ? h("span", { class: "muted small" }, ` · in ${r.documents} documents`) : null)))
    : empty("No roles or titles seen.");
  const counts = Object.entries(e.events_by_modality);
  return section("Identity", "identity",
    h("div", { class: "two-col" },
      h("div", {}, h("h3", {}, "Aliases"), e.aliases.length ? h("ul", { class: "chips", id: "aliases" }, e.aliases.map((a) => h("li", { class: "chip" }, a))) : empty("None.")),
      h("div", {}, h("h3", {}, "Roles"), roles)),
    h("p", {}, counts.length ? ["Events: ", counts.map(([m, n]) => [modalityBadge(m), ` ${n} `])] : "No events recorded yet."));
}

function timelineList(data) {
  if (!data.items.length) return empty("No dated events yet.");
  return h("ol", { class: "timeline", id: "timeline" }, data.items.map((ev) => h("li", { class: "timeline-item" },
    h("time", { class: "when" }, ev.when || "undated"),
    h("div", {}, eventLine(ev, data.entities), " ", modalityBadge(ev.modality),
      h("div", { class: "muted small" }, ev.source ? ["according to ", entityLink(data.entities, ev.source), " · "] : null,
        h("a", { href: docHref(ev.doc, { event: ev.id }), class: "evidence-link", dataset: { event: ev.id } }, "evidence"))))));
}

function documentsTable(e) {
  if (!e.documents.items.length) return empty("No mentions.");
  return table(["Document", "Published", "Mentions"], e.documents.items.map((d) => [
    h("a", { href: docHref(d.doc, { entity: e.id }) }, d.title || d.name), d.published || "—", String(d.mentions)]), "documents mentioning it");
}

function neighbourList(e) {
  if (!e.neighbours.length) return null;
  return h("p", { class: "neighbours" }, "Most events with: ",
    e.neighbours.slice(0, 10).map((n, i) => [i ? ", " : "", entityLink(e.entities, n.id), h("span", { class: "muted" }, ` (${n.events})`)]));
}

async function fill(slot, load) {
  try {
    slot.replaceChildren(await load());
  } catch (err) {
    slot.replaceChildren(errorBox(err.message));
  }
}

export async function entityPage(main, id, params) {
  const e = await get(`/entities/${encodeURIComponent(id)}`);
  document.title = `${e.name} · newsgraph`;
  const graph = graphView(id, { depth: Number(params.get("depth")) || 1 });
  const claims = h("div", {}, h("p", { class: "muted" }, "Loading claims…"));
  const timeline = h("div", {}, h("p", { class: "muted" }, "Loading timeline…"));
  append(main, header(e), identity(e),
    section("Network", "network", neighbourList(e), graph.el,
      h("p", {}, h("a", { href: hashFor(`/graph/${encodeURIComponent(id)}`) }, "Open the network full screen"))),
    section("Claims ledger", "claims", claims),
    section("Timeline", "timeline-section", timeline),
    section("Documents", "documents", documentsTable(e)),
    editPanel(e));
  for (const a of main.querySelectorAll(".page-nav a")) {
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      const target = main.querySelector(`#${a.dataset.section === "timeline" ? "timeline-section" : a.dataset.section}`);
      if (target) target.scrollIntoView({ block: "start" });
    });
  }
  graph.load();
  await Promise.all([
    fill(claims, async () => ledgerTable(await get(`/entities/${encodeURIComponent(id)}/claims`))),
    fill(timeline, async () => {
      const data = await get(`/entities/${encodeURIComponent(id)}/timeline`, { limit: 200 });
      return h("div", {}, timelineList(data), data.total > data.items.length ? pager(data, "/events", { entity: id, order: "date" }) : null);
    }),
  ]);
  return graph;
}
