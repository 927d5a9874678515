// Analyst overrides (rename, merge, split), shown only when the server was started
// with a token; the token is kept for this browser tab only (sessionStorage).

import { post, setToken, token } from "./api.js";
import { entityHref, h } from "./dom.js";
import { errorBox } from "./views.js";

export const session = { writable: false };

function form(label, fields, submit) {
  const out = h("p", { class: "form-result", "aria-live": "polite" });
  const el = h("form", { class: "edit-form" }, h("h3", {}, label), fields, h("button", { type: "submit" }, label), out);
  el.addEventListener("submit", async (e) => {
    e.preventDefault();
    out.replaceChildren("Saving…");
    try {
      const result = await submit(new FormData(el));
      out.replaceChildren("Done.");
      location.hash = entityHref(result.entity.id);
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    } catch (err) {
      out.replaceChildren(errorBox(err.message));
    }
  });
  return el;
}

function field(name, label, attrs) {
  const id = `edit-${name}`;
  return h("p", {}, h("label", { for: id }, label), " ", h("input", { id, name, required: true, type: "text", ...attrs }));
}

function tokenForm() {
  const el = h("form", { class: "edit-form" }, h("h3", {}, "Unlock editing"),
    field("token", "Token", { type: "password", autocomplete: "off" }), h("button", { type: "submit" }, "Unlock"));
  el.addEventListener("submit", (e) => {
    e.preventDefault();
    setToken(new FormData(el).get("token"));
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  });
  return el;
}

export function editPanel(entity) {
  if (!session.writable) return null;
  const id = encodeURIComponent(entity.id);
  const body = token()
    ? [form("Rename", field("name", "New name", { value: entity.name, maxlength: 200 }),
          (data) => post(`/entities/${id}/rename`, { name: data.get("name") })),
       form("Merge into", field("into", "Entity id to merge this one into", { placeholder: "E12", maxlength: 64 }),
          (data) => post(`/entities/${id}/merge`, { into: data.get("into").trim() })),
       entity.aliases.length > 1 ? form("Split off", [
          h("fieldset", {}, h("legend", {}, "Move the mentions written as these aliases to a new entity"),
            entity.aliases.map((a) => h("label", { class: "check block" }, h("input", { type: "checkbox", name: "aliases", value: a }), ` ${a}`))),
          field("split-name", "Name of the new entity (optional)", { maxlength: 200, required: false })],
          (data) => post(`/entities/${id}/split`, { aliases: data.getAll("aliases"), name: data.get("split-name") || null })) : null,
       h("p", {}, h("button", { type: "button", class: "link-button", onclick: () => { setToken(""); window.dispatchEvent(new HashChangeEvent("hashchange")); } }, "Lock editing"))]
    : [tokenForm()];
  return h("section", { class: "panel edit-panel", id: "edit", "aria-labelledby": "edit-title" },
    h("h2", { id: "edit-title" }, "Corrections"), body);
}
