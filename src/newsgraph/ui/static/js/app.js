// The single-page app: a hash router over the pages, the search box, and the
// server's session (read-only or writable).

import { get } from "./api.js";
import { append, clear, entityHref, h } from "./dom.js";
import { documentPage } from "./document.js";
import { session } from "./edit.js";
import { entityPage } from "./entity.js";
import { graphView } from "./graph.js";
import { documentsPage, entitiesPage, eventsPage, homePage, searchPage, storiesPage } from "./lists.js";
import { attachSearch, goToEntity } from "./search.js";
import { storyPage } from "./story.js";
import { errorBox } from "./views.js";

const main = document.getElementById("main");
let current = null;
let renders = 0;

async function graphPage(main, id, params) {
  const e = await get(`/entities/${encodeURIComponent(id)}`);
  document.title = `Network of ${e.name} · newsgraph`;
  const view = graphView(id, { full: true, depth: Number(params.get("depth")) || 2, maxNodes: 100 });
  append(main, h("header", { class: "page-head" }, h("h1", {}, "Network of ", h("a", { href: entityHref(id) }, e.name))), view.el);
  view.load();
  return view;
}

const ROUTES = [
  [/^\/?$/, (m, p) => homePage(main, p)],
  [/^\/search$/, (m, p) => searchPage(main, p)],
  [/^\/entities$/, (m, p) => entitiesPage(main, p)],
  [/^\/documents$/, (m, p) => documentsPage(main, p)],
  [/^\/stories$/, (m, p) => storiesPage(main, p)],
  [/^\/events$/, (m, p) => eventsPage(main, p)],
  [/^\/entity\/([^/]+)$/, (m, p) => entityPage(main, m[1], p)],
  [/^\/graph\/([^/]+)$/, (m, p) => graphPage(main, m[1], p)],
  [/^\/document\/([^/]+)$/, (m, p) => documentPage(main, m[1], p)],
  [/^\/story\/([^/]+)$/, (m, p) => storyPage(main, m[1], p)],
];

function parseHash() {
  const raw = location.hash.replace(/^#/, "");
  const [path, query] = raw.split("?", 2);
  return { path: path || "/", params: new URLSearchParams(query || "") };
}

async function render() {
  const mine = ++renders;
  if (current && current.destroy) current.destroy();
  current = null;
  const { path, params } = parseHash();
  clear(main).setAttribute("aria-busy", "true");
  document.body.dataset.page = path.split("/")[1] || "home";
  const route = ROUTES.find(([re]) => re.test(path));
  try {
    if (!route) throw new Error(`There is no page ${path}.`);
    const m = path.match(route[0]).map((x, i) => (i ? decodeURIComponent(x) : x));
    const view = await route[1](m, params);
    if (mine === renders) current = view || null;
  } catch (err) {
    if (mine === renders) append(main, errorBox(err.message));
  } finally {
    if (mine === renders) {
      main.setAttribute("aria-busy", "false");
      main.dataset.rendered = String(mine);
      // the link that was followed is gone: start keyboard navigation at the new page, not at the top bar
      if (!document.activeElement || document.activeElement === document.body) main.focus({ preventScroll: true });
    }
  }
}

async function start() {
  attachSearch(document.getElementById("search"), document.getElementById("search-options"), goToEntity);
  document.addEventListener("keydown", (e) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (e.key === "/" && !typing) {
      e.preventDefault();
      document.getElementById("search").focus();
    }
  });
  try {
    session.writable = (await get("/session")).writable;
  } catch (_) {
    session.writable = false;
  }
  document.getElementById("mode").textContent = session.writable ? "editing allowed" : "read-only";
  window.addEventListener("hashchange", render);
  render();
}

start();
