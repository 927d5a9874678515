// The JSON API, with its one error shape turned into an Error carrying the server's message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function token() {
  return sessionStorage.getItem("newsgraph-token") || "";
}

export function setToken(value) {
  if (value) sessionStorage.setItem("newsgraph-token", value);
  else sessionStorage.removeItem("newsgraph-token");
}

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `the server answered ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

export async function get(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((item) => query.append(k, item));
    else if (v !== null && v !== undefined && v !== "") query.set(k, v);
  }
  const qs = query.toString();
  const response = await fetch(`/api${path}${qs ? "?" + qs : ""}`, { headers: { Accept: "application/json" } });
  return answer(response);
}

export async function post(path, body) {
  const response = await fetch(`/api${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token()}` },
    body: JSON.stringify(body),
  });
  return answer(response);
}
