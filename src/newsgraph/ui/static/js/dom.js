// Building the page from data without ever parsing data as HTML: every string
// becomes a text node or an attribute value, and links only point inside the app
// or to http(s) pages.

const SAFE_URL = /^(#|\/(?!\/)|https?:\/\/)/i;

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "class") {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    } else if (key === "href" || key === "src") {
      if (SAFE_URL.test(String(value))) el.setAttribute(key, String(value));
    } else if (key === "dataset") {
      for (const [k, v] of Object.entries(value)) el.dataset[k] = String(v);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, ...children);
  return el;
}

// Unlike Element.append, skips null/false and flattens arrays, so optional parts can be written inline.
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function link(href, ...children) {
  return h("a", { href }, ...children);
}

export function badge(text, kind) {
  return h("span", { class: ["badge", kind && `badge-${String(kind).toLowerCase()}`] }, text);
}

export function section(title, id, ...children) {
  return h("section", { class: "panel", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title), ...children);
}

export function empty(text) {
  return h("p", { class: "empty" }, text);
}

export function hashFor(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") query.set(k, v);
  }
  const qs = query.toString();
  return `#${path}${qs ? "?" + qs : ""}`;
}

export const entityHref = (id) => hashFor(`/entity/${encodeURIComponent(id)}`);
export const docHref = (id, params) => hashFor(`/document/${encodeURIComponent(id)}`, params);
export const storyHref = (id) => hashFor(`/story/${encodeURIComponent(id)}`);
