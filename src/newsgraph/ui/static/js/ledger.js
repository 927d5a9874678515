// The claims ledger: one row per claim (who did what to whom), its reports side by
// side by modality, each with who says so and a link to the evidence.

import { badge, docHref, empty, h } from "./dom.js";
import { docName, entityLink } from "./views.js";

export const MODALITIES = ["asserted", "alleged", "denied", "planned"];

function report(r, labels, docs) {
  return h("li", { class: "report", dataset: { event: r.event } },
    h("div", { class: "report-meta" },
      r.source ? entityLink(labels, r.source) : h("span", { class: "muted" }, "article"),
      h("span", { class: "muted" }, ` · ${r.date || "undated"}`),
      r.object ? h("span", { class: "object" }, ` · ${r.object}`) : null),
    h("q", { class: "report-text" }, r.evidence.text),
    h("a", { href: docHref(r.doc, { event: r.event }), class: "evidence-link", dataset: { event: r.event } },
      "evidence in ", docName(docs, r.doc)));
}

function claimCell(claim, labels) {
  return h("th", { scope: "row", class: "claim" },
    entityLink(labels, claim.actor), " ", badge(claim.type, "event"), " ",
    claim.target ? entityLink(labels, claim.target) : null,
    claim.objects.length ? h("div", { class: "object" }, claim.objects.join("; ")) : null,
    h("div", { class: "muted" }, `${claim.reports} report${claim.reports === 1 ? "" : "s"} in `,
      `${claim.documents.length} document${claim.documents.length === 1 ? "" : "s"}`,
      claim.first_date ? ` · ${claim.first_date}${claim.last_date !== claim.first_date ? " – " + claim.last_date : ""}` : ""),
    corroborated(claim.corroboration || {}));
}

function corroborated(counts) {
  const parts = MODALITIES.filter((m) => counts[m]).map((m) => `${m} by ${counts[m]}`);
  return parts.length ? h("div", { class: "muted small corroboration" }, "independent sources: ", parts.join(", ")) : null;
}

export function ledgerTable(data) {
  if (!data.claims.length) return empty("No claims recorded yet.");
  const labels = data.entities, docs = data.documents;
  const head = h("tr", {}, h("th", { scope: "col" }, "Claim"),
    MODALITIES.map((m) => h("th", { scope: "col", class: `col-${m}` }, badge(m, `modality-${m}`))));
  const rows = data.claims.map((claim) => h("tr", { class: "claim-row" }, claimCell(claim, labels),
    MODALITIES.map((m) => h("td", { class: `cell-${m}`, dataset: { modality: m } },
      (claim.by_modality[m] || []).length
        ? h("ul", { class: "reports" }, claim.by_modality[m].map((r) => report(r, labels, docs)))
        : h("span", { class: "muted", "aria-label": `no ${m} reports` }, "·")))));
  return h("div", { class: "ledger-wrap" },
    data.truncated ? h("p", { class: "muted" }, `Showing the latest ${data.claims.reduce((n, c) => n + c.reports, 0)} of ${data.events} events.`) : null,
    h("table", { class: "table ledger", id: "ledger" }, h("thead", {}, head), h("tbody", {}, rows)));
}
