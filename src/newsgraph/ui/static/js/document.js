// The document view: the stored text with every mention and every event's evidence
// highlighted at its exact character offsets. Offsets index the text as stored, so
// the page cuts the text at span boundaries and never searches for strings.

import { get } from "./api.js";
import { append, badge, clear, docHref, empty, entityHref, h, section } from "./dom.js";
import { eventCard, errorBox } from "./views.js";

function spansOf(doc, focus) {
  const spans = [];
  for (const r of doc.regions) spans.push({ start: r.start, end: r.end, kind: "region", label: r.label });
  for (const m of doc.mentions) {
    const type = (doc.entities[m.entity] || {}).type || "OTHER";
    spans.push({ start: m.start, end: m.end, kind: "mention", entity: m.entity, type, focus: m.entity === focus.entity });
  }
  for (const ev of doc.events) {
    spans.push({ start: ev.evidence.start, end: ev.evidence.end, kind: "evidence", event: ev.id, focus: ev.id === focus.event });
  }
  return spans.filter((s) => s.end > s.start);
}

function segmentElement(text, covering, doc) {
  const mention = covering.find((s) => s.kind === "mention");
  const classes = [];
  const events = covering.filter((s) => s.kind === "evidence");
  if (events.length) classes.push("evidence");
  if (events.some((s) => s.focus)) classes.push("evidence-focus");
  const region = covering.find((s) => s.kind === "region");
  if (region) classes.push("region", `region-${region.label}`);
  if (mention) {
    classes.push("mention", `type-${mention.type.toLowerCase()}`);
    if (mention.focus) classes.push("mention-focus");
    const name = (doc.entities[mention.entity] || {}).name || mention.entity;
    return h("a", { href: entityHref(mention.entity), class: classes, title: `${name} (${mention.type})`,
      dataset: { entity: mention.entity } }, text);
  }
  return h(events.length ? "mark" : "span", { class: classes, title: region ? region.label : null,
    dataset: events.length ? { events: events.map((s) => s.event).join(" ") } : {} }, text);
}

export function highlightedText(doc, focus) {
  const spans = spansOf(doc, focus);
  const cuts = new Set([0, doc.text.length]);
  for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(doc.text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = h("div", { class: "doc-text", id: "doc-text", lang: doc.language || "en" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const text = doc.text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    box.appendChild(covering.length ? segmentElement(text, covering, doc) : document.createTextNode(text));
  }
  return box;
}

function meta(doc) {
  const parts = [doc.name, doc.published, doc.outlet, doc.byline].filter(Boolean);
  return h("p", { class: "muted doc-meta" }, parts.join(" · "),
    doc.url && /^https?:\/\//i.test(doc.url) ? [" · ", h("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null,
    doc.duplicate_of ? [" · duplicate of ", h("a", { href: docHref(doc.duplicate_of) }, doc.duplicate_of)] : null);
}

function entityList(doc, focus) {
  const counts = {};
  for (const m of doc.mentions) counts[m.entity] = (counts[m.entity] || 0) + 1;
  const ids = Object.keys(counts).sort((a, b) => counts[b] - counts[a]);
  if (!ids.length) return empty("No entities found in this document.");
  return h("ul", { class: "plain" }, ids.map((id) => {
    const e = doc.entities[id] || { name: id, type: "OTHER" };
    return h("li", {}, h("a", { href: entityHref(id) }, e.name), " ", badge(e.type, e.type),
      h("span", { class: "muted" }, ` ×${counts[id]} `),
      h("a", { href: docHref(doc.id, { entity: id }), class: "small", "aria-current": focus.entity === id ? "true" : null,
        "aria-label": `highlight ${e.name} in the text` }, "highlight"));
  }));
}

export async function documentPage(main, id, params) {
  const doc = await get(`/documents/${encodeURIComponent(id)}`);
  const focus = { event: params.get("event"), entity: params.get("entity") };
  document.title = `${doc.title || doc.name} · newsgraph`;
  const chosen = doc.events.find((ev) => ev.id === focus.event);
  const text = highlightedText(doc, focus);
  append(main, 
    h("header", { class: "page-head" }, h("h1", {}, doc.title || doc.name), meta(doc)),
    h("div", { class: "legend doc-legend" }, h("span", { class: "mention type-person" }, "mention"), " ",
      h("mark", { class: "evidence" }, "evidence of an event"), " ", h("mark", { class: "evidence evidence-focus" }, "selected evidence"),
      " ", h("span", { class: "region" }, "boilerplate / header")),
    h("div", { class: "doc-layout" },
      h("article", { class: "panel", "aria-label": "document text" }, text),
      h("div", { class: "doc-side" },
        chosen ? section("Selected event", "selected-event", h("ul", { class: "events" }, eventCard(chosen, doc.entities, { [doc.id]: doc }))) : null,
        focus.event && !chosen ? errorBox(`This document has no event ${focus.event}.`) : null,
        section(`Events (${doc.events.length})`, "doc-events", doc.events.length
          ? h("ul", { class: "events compact" }, doc.events.map((ev) => eventCard(ev, doc.entities, { [doc.id]: doc })))
          : empty("No events were read from this document.")),
        section("Entities", "doc-entities", entityList(doc, focus)))));
  const target = text.querySelector(".evidence-focus") || text.querySelector(".mention-focus");
  if (target) {
    target.scrollIntoView({ block: "center" });
    target.setAttribute("tabindex", "-1");
  }
}
