// Building the page from data. Every string from the API is customer text or derived from it, so
// it only ever becomes a text node (textContent) or an attribute value; nothing here parses markup.

/**
 * Creates an element. attrs: "class", "text" (textContent), "on<event>" (listener), booleans as
 * present/absent attributes, anything else as an attribute. children: nodes, strings (as text),
 * null/false (skipped) or arrays of those.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Like h(), for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') el.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces el's children with children (as for h(): null and false skipped). The DOM's own
 * replaceChildren() would show a null as the text "null".
 */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Undoes the API's HTML escaping of snippet text (the five entities it writes, nothing else). */
export function unescapeSnippet(text) {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]);
}

/**
 * A snippet from the API (escaped text with matches in <mark>...</mark>) as DOM nodes: the mark
 * tags become <mark> elements, everything else text. Any other markup stays visible as text.
 */
export function snippet(markup, className = 'snippet') {
  const el = h('p', { class: className });
  const parts = String(markup ?? '').split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) el.append(marked ? h('mark', {}, unescapeSnippet(part)) : unescapeSnippet(part));
  }
  return el;
}

/** A link inside the app: href is a hash route. */
export function link(route, ...children) {
  return h('a', { href: route }, ...children);
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function formatNumber(n) {
  return Number(n ?? 0).toLocaleString('en');
}

export function formatPercent(x, digits = 0) {
  return `${(Number(x ?? 0) * 100).toFixed(digits)} %`;
}

export function formatSigned(x, digits = 2) {
  const n = Number(x ?? 0);
  return (n > 0 ? '+' : n < 0 ? '−' : '') + Math.abs(n).toFixed(digits);
}

export function formatDate(iso) {
  return iso ? String(iso).slice(0, 10) : '';
}

/** A sentiment label as a coloured badge with the word in it (never colour alone). */
export function sentimentBadge(label) {
  const name = typeof label === 'string' ? label : label?.label;
  if (!name) return null;
  return h('span', { class: `badge sentiment-${name}` }, name);
}

/** Tells screen readers what just happened (results loaded, an error). */
export function announce(message) {
  const el = document.getElementById('announcer');
  if (el) el.textContent = message;
}

/** Calls fn once calls stop for ms milliseconds. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** A labelled form field: <label for=id> + the control. */
export function field(label, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control,
    hint ? h('span', { class: 'hint' }, hint) : null);
}

/** A page heading that receives focus after navigation, so keyboard users start at the top. */
export function pageHeading(text) {
  return h('h1', { tabindex: '-1', class: 'page-title' }, text);
}

let navigated = false;

/** From now on, a page shown is one the user navigated to (not the first one loaded). */
export function markNavigated() {
  navigated = true;
}

/**
 * After in-app navigation, moves focus to the new page's heading, as a full page load would put
 * a screen reader at the top; on the first load focus stays where the browser puts it (so Tab
 * reaches the skip link first).
 */
export function focusPage(heading) {
  if (navigated) heading.focus({ preventScroll: true });
}

/** A message box for errors and empty results. */
export function notice(text, kind = 'info') {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : null }, text);
}

/**
 * Shows "Loading…" in out, then the nodes render(answer) makes of load()'s answer, or the error's
 * message; out is aria-busy meanwhile.
 */
export async function fill(out, load, render) {
  out.setAttribute('aria-busy', 'true');
  out.replaceChildren(notice('Loading…'));
  try {
    replace(out, render(await load()));
  } catch (e) {
    out.replaceChildren(notice(e.message, 'error'));
    announce(e.message);
  } finally {
    out.removeAttribute('aria-busy');
  }
}
