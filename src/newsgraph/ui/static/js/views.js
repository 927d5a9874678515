// Pieces shared by the pages: entity links, event lines, evidence quotes, pagers.

import { badge, docHref, entityHref, h, hashFor, storyHref } from "./dom.js";

export function entityLink(labels, id) {
  if (!id) return h("span", { class: "muted" }, "—");
  const label = labels[id];
  return h("a", { href: entityHref(id), class: "entity-link", dataset: { entity: id } },
    label ? label.name : id);
}

export function docName(docs, id) {
  const d = docs[id];
  if (!d) return id;
  return d.title || d.name;
}

export function modalityBadge(modality) {
  return badge(modality, `modality-${modality}`);
}

export function eventLine(ev, labels) {
  return h("span", { class: "event-line" },
    entityLink(labels, ev.actor), " ", badge(ev.type, "event"), ev.mode ? h("span", { class: "muted" }, ` (${ev.mode})`) : null,
    " ", ev.target ? entityLink(labels, ev.target) : null,
    ev.object ? h("span", { class: "object" }, ` · ${ev.object}`) : null);
}

export function sourceNote(ev, labels) {
  if (!ev.source) return h("span", { class: "muted" }, "stated by the article");
  return h("span", {}, "according to ", entityLink(labels, ev.source));
}

export function evidenceQuote(ev, docs) {
  return h("blockquote", { class: "evidence" },
    h("span", { class: "evidence-text" }, ev.evidence.text),
    h("footer", {},
      h("a", { href: docHref(ev.doc, { event: ev.id }), class: "evidence-link", dataset: { event: ev.id } },
        "Open evidence in ", docName(docs || {}, ev.doc)),
      ev.story ? [" · ", h("a", { href: storyHref(ev.story) }, "story")] : null));
}

export function eventCard(ev, labels, docs) {
  return h("li", { class: "event-card", dataset: { event: ev.id } },
    h("div", { class: "event-head" }, eventLine(ev, labels), " ", modalityBadge(ev.modality)),
    h("div", { class: "event-meta muted" }, ev.date || ev.when || "undated", " · ", sourceNote(ev, labels),
      ` · confidence ${Number(ev.confidence).toFixed(2)}`),
    evidenceQuote(ev, docs));
}

export function pager(data, path, params) {
  if (data.total <= data.limit && data.offset === 0) return null;
  const prev = Math.max(0, data.offset - data.limit);
  const last = Math.min(data.total, data.offset + data.items.length);
  return h("nav", { class: "pager", "aria-label": "pages" },
    data.offset > 0 ? h("a", { href: hashFor(path, { ...params, offset: prev }) }, "← previous") : null,
    h("span", { class: "muted" }, ` ${data.offset + 1}–${last} of ${data.total} `),
    data.next_offset !== null ? h("a", { href: hashFor(path, { ...params, offset: data.next_offset }) }, "next →") : null);
}

export function table(headers, rows, caption) {
  return h("table", { class: "table" },
    caption ? h("caption", { class: "visually-hidden" }, caption) : null,
    h("thead", {}, h("tr", {}, headers.map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c))))));
}

export function errorBox(message) {
  return h("div", { class: "error", role: "alert" }, message);
}
