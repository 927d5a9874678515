// Entity search with autocomplete: an ARIA combobox driven by the keyboard
// (arrows, Enter, Escape) or the mouse. Enter without a choice searches everything.

import { get } from "./api.js";
import { badge, clear, entityHref, h, hashFor } from "./dom.js";

const DELAY_MS = 120;

export function attachSearch(input, listbox, onChoose) {
  let options = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  function close() {
    clear(listbox);
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    options = [];
    active = -1;
  }

  function highlight(index) {
    active = index;
    listbox.querySelectorAll("[role=option]").forEach((el, i) => el.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) input.setAttribute("aria-activedescendant", `${listbox.id}-${index}`);
    else input.removeAttribute("aria-activedescendant");
  }

  function option(item, i) {
    const el = h("li", { id: `${listbox.id}-${i}`, role: "option", class: "option", "aria-selected": "false",
                         dataset: { entity: item.id } },
      h("span", { class: "option-name" }, item.name), " ", badge(item.type, item.type),
      item.country_name ? h("span", { class: "muted" }, ` ${item.country_name}`) : null,
      item.matched.length ? h("span", { class: "muted" }, ` (${item.matched.slice(0, 2).join(", ")})`) : null,
      h("span", { class: "muted count" }, `${item.mentions} mentions`));
    el.addEventListener("mousedown", (e) => { e.preventDefault(); choose(i); });
    return el;
  }

  function show(items) {
    clear(listbox);
    options = items;
    items.forEach((item, i) => listbox.appendChild(option(item, i)));
    listbox.hidden = items.length === 0;
    input.setAttribute("aria-expanded", String(items.length > 0));
    highlight(-1);
  }

  function choose(i) {
    const item = options[i];
    close();
    input.value = "";
    onChoose(item);
  }

  async function suggest() {
    const q = input.value.trim();
    const mine = ++asked;
    if (!q) return close();
    try {
      const data = await get("/search/entities", { q, limit: 8 });
      if (mine === asked) show(data.items);
    } catch (_) {
      if (mine === asked) close();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DELAY_MS);
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && options.length) {
      e.preventDefault();
      highlight((active + 1) % options.length);
    } else if (e.key === "ArrowUp" && options.length) {
      e.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (active >= 0) choose(active);
      else if (input.value.trim()) {
        const q = input.value.trim();
        close();
        location.hash = hashFor("/search", { q });
      }
    } else if (e.key === "Escape") {
      close();
    }
  });
}

export function goToEntity(item) {
  location.hash = entityHref(item.id);
}
