// A story: the same real event as several documents report it, with its ledger.

import { get } from "./api.js";
import { append, badge, h, section } from "./dom.js";
import { ledgerTable } from "./ledger.js";
import { entityLink, eventCard } from "./views.js";

export async function storyPage(main, id) {
  const [story, claims] = await Promise.all([get(`/stories/${encodeURIComponent(id)}`),
    get(`/stories/${encodeURIComponent(id)}/claims`)]);
  document.title = `${story.title || story.id} · newsgraph`;
  append(main, 
    h("header", { class: "page-head" }, h("h1", {}, story.title || `Story ${story.id}`),
      h("p", {}, entityLink(story.entities, story.actor), " ", badge(story.type, "event"), " ",
        story.target ? entityLink(story.entities, story.target) : null),
      h("p", { class: "muted" }, `${story.event_count} events in ${story.document_count} documents`,
        story.first_seen ? ` · ${story.first_seen}${story.last_seen && story.last_seen !== story.first_seen ? " – " + story.last_seen : ""}` : "")),
    section("Claims ledger", "claims", ledgerTable(claims)),
    section("Reports", "reports", h("ul", { class: "events" }, story.items.map((ev) => eventCard(ev, story.entities, story.documents)))));
}
