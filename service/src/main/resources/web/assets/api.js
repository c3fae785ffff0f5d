// The API, called from this origin. With API keys configured the service wants
// "Authorization: Bearer KEY"; the key lives in sessionStorage (this tab only), never in a URL.

const KEY = 'voc.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY) || '';
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

/** An answer that was not 2xx, with the API's error code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** A query string from an object; empty values are left out. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) q.set(name, value);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** GETs path and returns the response, or throws ApiError. */
export async function get(path, { signal } = {}) {
  const headers = { Accept: 'application/json' };
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let response;
  try {
    response = await fetch(path, { headers, signal, credentials: 'same-origin' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The service did not answer. Is it running?');
  }
  if (!response.ok) {
    let code = `http_${response.status}`;
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      code = body?.error?.code || code;
      message = body?.error?.message || message;
    } catch { /* not JSON */ }
    if (response.status === 401 || response.status === 403) {
      message += ' — enter an API key with the read scope under “API key” at the top.';
      document.dispatchEvent(new CustomEvent('voc:unauthorized'));
    }
    throw new ApiError(response.status, code, message);
  }
  return response;
}

/** GETs path and parses the JSON answer. */
export async function getJson(path, options) {
  return (await get(path, options)).json();
}
