// The interactive network around an entity (Cytoscape.js, vendored): nodes coloured
// by entity type, edges by event type, line style by modality. Filters reload it
// from /api/graph; clicking (or choosing from the edge list, by keyboard) shows the
// evidence behind an edge.

import { get } from "./api.js";
import { append, badge, clear, empty, entityHref, h, hashFor } from "./dom.js";
import { MODALITIES } from "./ledger.js";
import { errorBox, eventCard, entityLink, modalityBadge } from "./views.js";

export const NODE_COLORS = { PERSON: "#d9682b", ORG: "#2f8a53", COUNTRY: "#2d64b0", LOCATION: "#8256b3",
  WEAPON: "#b83227", EVENT: "#138f8f", OTHER: "#6b7a7b" };
export const EDGE_COLORS = { AGREE: "#2874a6", CONSULT: "#4a9bd1", SUPPORT: "#1fa38a", CONCEDE: "#58b8a6",
  COOPERATE: "#239b56", AID: "#186a3b", RETREAT: "#7fb3d5", REQUEST: "#d4a017", ACCUSE: "#e67e22",
  REJECT: "#c0550f", THREATEN: "#a04000", PROTEST: "#9b59b6", SANCTION: "#76448a", MOBILIZE: "#c0392b",
  COERCE: "#922b21", ASSAULT: "#4a0e0e" };
const DASHES = { asserted: null, alleged: [8, 5], denied: [2, 4], planned: [12, 4, 2, 4] };

function style() {
  const rules = [
    { selector: "node", style: { label: "data(name)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
      "background-color": "data(color)", width: "data(size)", height: "data(size)", color: "#1d2733",
      "text-wrap": "ellipsis", "text-max-width": 140, "text-background-color": "#ffffff",
      "text-background-opacity": 0.8, "text-background-padding": 1 } },
    { selector: "node.center", style: { "border-width": 4, "border-color": "#111", "font-weight": "bold" } },
    { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)",
      "target-arrow-shape": "triangle", "curve-style": "bezier", "control-point-step-size": 36, "arrow-scale": 0.9,
      opacity: 0.85 } },
    { selector: "edge[label]", style: { label: "data(label)", "font-size": 9, "text-rotation": "autorotate",
      color: "#333", "text-background-color": "#fff", "text-background-opacity": 0.8 } },
    { selector: ":selected", style: { "overlay-color": "#ffbf00", "overlay-opacity": 0.35 } },
  ];
  for (const [modality, dash] of Object.entries(DASHES)) {
    if (dash) rules.push({ selector: `edge[modality = "${modality}"]`, style: { "line-style": "dashed", "line-dash-pattern": dash } });
  }
  rules.push({ selector: 'edge[modality = "denied"]', style: { "target-arrow-shape": "tee" } });
  return rules;
}

function elements(data) {
  const labelled = data.edges.length <= 60;
  const nodes = data.nodes.map((n) => ({ data: { id: n.id, name: n.name, type: n.type, depth: n.depth,
    color: NODE_COLORS[n.type] || NODE_COLORS.OTHER, size: 18 + Math.min(30, 6 * Math.log2(1 + n.events)) },
    classes: n.id === data.center ? "center" : "" }));
  const edges = data.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, type: e.type,
    modality: e.modality, count: e.count, color: EDGE_COLORS[e.type] || "#555",
    width: 1.5 + Math.min(8, 1.5 * Math.log2(e.count)), label: labelled ? `${e.type}${e.count > 1 ? " ×" + e.count : ""}` : undefined } }));
  return [...nodes, ...edges];
}

function layoutFor(data) {
  // a few entities: the centre in the middle, the others around it; more: a force-directed layout
  if (data.nodes.length <= 8) {
    return { name: "concentric", concentric: (n) => (n.id() === data.center ? 2 : 1), levelWidth: () => 1,
      minNodeSpacing: 90, padding: 40, animate: false };
  }
  return { name: "cose", animate: false, padding: 30, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 160,
    nodeRepulsion: () => 40000, edgeElasticity: () => 100, gravity: 40, numIter: 2000, randomize: true };
}

function legend(data) {
  const types = [...new Set(data.nodes.map((n) => n.type))].sort();
  const events = [...new Set(data.edges.map((e) => e.type))].sort();
  const swatch = (color) => { const s = h("span", { class: "swatch", "aria-hidden": "true" }); s.style.background = color; return s; };
  return h("div", { class: "legend", "aria-label": "legend" },
    h("span", { class: "legend-group" }, types.map((t) => h("span", { class: "legend-item" }, swatch(NODE_COLORS[t] || NODE_COLORS.OTHER), t))),
    h("span", { class: "legend-group" }, events.map((t) => h("span", { class: "legend-item" }, swatch(EDGE_COLORS[t] || "#555"), t))),
    h("span", { class: "legend-group" }, MODALITIES.map((m) => h("span", { class: `legend-item line-${m}` }, h("span", { class: "line", "aria-hidden": "true" }), m))));
}

function controls(state, reload) {
  const depth = h("select", { id: "graph-depth", name: "depth" },
    [1, 2, 3].map((d) => h("option", { value: d, selected: d === state.depth }, `${d} hop${d > 1 ? "s" : ""}`)));
  const boxes = MODALITIES.map((m) => h("label", { class: "check" },
    h("input", { type: "checkbox", name: "modality", value: m, checked: state.modalities.includes(m) }), " ", m));
  const from = h("input", { type: "text", name: "date_from", id: "graph-from", placeholder: "YYYY-MM-DD", size: 10,
    pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", value: state.date_from || "" });
  const to = h("input", { type: "text", name: "date_to", id: "graph-to", placeholder: "YYYY-MM-DD", size: 10,
    pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", value: state.date_to || "" });
  const form = h("form", { class: "graph-controls", "aria-label": "graph filters" },
    h("label", { for: "graph-depth" }, "Depth "), depth,
    h("fieldset", {}, h("legend", {}, "Modality"), boxes),
    h("label", { for: "graph-from" }, "From "), from, h("label", { for: "graph-to" }, " to "), to,
    h("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    state.depth = Number(depth.value);
    state.modalities = boxes.map((b) => b.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
    state.date_from = from.value.trim();
    state.date_to = to.value.trim();
    reload();
  });
  return form;
}

function filterParams(state) {
  const all = state.modalities.length === MODALITIES.length;
  return { modality: all ? [] : state.modalities, date_from: state.date_from, date_to: state.date_to };
}

async function showEdge(panel, edge, state, data) {
  clear(panel).appendChild(h("p", { class: "muted" }, "Loading evidence…"));
  const params = { actor: edge.source, target: edge.target, type: edge.type, modality: edge.modality,
    date_from: state.date_from, date_to: state.date_to, limit: 20 };
  try {
    const events = await get("/events", params);
    append(clear(panel), 
      h("h3", {}, entityLink(data.labels, edge.source), " ", badge(edge.type, "event"), " ",
        entityLink(data.labels, edge.target), " ", modalityBadge(edge.modality)),
      h("p", { class: "muted" }, `${events.total} event${events.total === 1 ? "" : "s"}`,
        events.total > events.items.length ? [" · ", h("a", { href: hashFor("/events", params) }, "all")] : null),
      h("ul", { class: "events", id: "edge-events" }, events.items.map((ev) => eventCard(ev, events.entities, events.documents))));
  } catch (err) {
    clear(panel).appendChild(errorBox(err.message));
  }
}

function showNode(panel, node, data) {
  append(clear(panel), h("h3", {}, node.name, " ", badge(node.type, node.type)),
    node.country_name ? h("p", {}, "Country: ", entityLink(data.labels, node.country)) : null,
    h("p", {}, `${node.events} event${node.events === 1 ? "" : "s"} on the edges shown`),
    h("p", {}, h("a", { href: entityHref(node.id) }, "Open entity page"), " · ",
      h("a", { href: hashFor(`/graph/${encodeURIComponent(node.id)}`) }, "Centre the network here")));
}

function edgeList(data, onPick) {
  if (!data.edges.length) return empty("No events link this entity to another yet.");
  const rows = data.edges.slice(0, 200).map((e) => h("tr", {},
    h("td", {}, entityLink(data.labels, e.source)), h("td", {}, badge(e.type, "event")), h("td", {}, entityLink(data.labels, e.target)),
    h("td", {}, modalityBadge(e.modality)), h("td", { class: "num" }, String(e.count)),
    h("td", {}, h("button", { type: "button", class: "link-button", onclick: () => onPick(e) }, "Evidence"))));
  return h("details", { class: "edge-list" }, h("summary", {}, `Edges as a table (${data.edges.length})`),
    h("table", { class: "table" }, h("thead", {}, h("tr", {}, ["Actor", "Event", "Target", "Modality", "Events", ""].map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, rows)));
}

export function graphView(entityId, options = {}) {
  const state = { depth: options.depth || 1, modalities: [...MODALITIES], date_from: "", date_to: "" };
  const canvas = h("div", { class: options.full ? "graph-canvas full" : "graph-canvas", id: "graph",
    role: "img", "aria-label": "network of events around this entity; the table below lists the same edges" });
  const panel = h("aside", { class: "graph-panel", id: "graph-panel", "aria-live": "polite" },
    h("p", { class: "muted" }, "Click a node or an edge to see who it is and the evidence."));
  const status = h("p", { class: "muted graph-status", "aria-live": "polite" });
  const below = h("div", {});
  const root = h("div", { class: "graph-view" });
  let cy = null;

  async function load() {
    canvas.dataset.ready = "0";
    status.textContent = "Loading network…";
    let data;
    try {
      data = await get(`/graph/${encodeURIComponent(entityId)}`, { depth: state.depth, max_nodes: options.maxNodes || 60, max_edges: 300, ...filterParams(state) });
    } catch (err) {
      clear(below).appendChild(errorBox(err.message));
      status.textContent = "";
      return;
    }
    data.labels = Object.fromEntries(data.nodes.map((n) => [n.id, { name: n.name, type: n.type }]));
    for (const n of data.nodes) if (n.country && !data.labels[n.country]) data.labels[n.country] = { name: n.country_name, type: "COUNTRY" };
    draw(data);
  }

  function draw(data) {
    if (cy) cy.destroy();
    const byId = Object.fromEntries(data.nodes.map((n) => [n.id, n]));
    const pick = (e) => showEdge(panel, e, state, data);
    cy = window.cytoscape({ container: canvas, elements: elements(data), style: style(), minZoom: 0.1, maxZoom: 2,
      layout: layoutFor(data) });
    cy.on("tap", "edge", (evt) => pick(data.edges.find((e) => e.id === evt.target.id())));
    cy.on("tap", "node", (evt) => showNode(panel, byId[evt.target.id()], data));
    cy.one("render", () => { canvas.dataset.ready = "1"; });
    canvas.dataset.nodes = String(data.nodes.length);
    canvas.dataset.edges = String(data.edges.length);
    status.textContent = `${data.nodes.length} entities, ${data.edges.length} edges` + (data.truncated ? " (the most connected shown)" : "");
    append(clear(below), legend(data), edgeList(data, pick));
  }

  append(root, controls(state, load), status, h("div", { class: "graph-row" }, canvas, panel), below);
  return { el: root, load, destroy: () => cy && cy.destroy() };
}
