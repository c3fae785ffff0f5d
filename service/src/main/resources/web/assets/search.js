// Search: query, mode and filters in the URL's hash (so every state is a link, and Back works),
// one page of hits at a time, facet counts as links that add or remove a filter.
import { getJson, query } from './api.js';
import {
  h, field, snippet, sentimentBadge, formatNumber, formatDate, debounce, announce, notice, pageHeading, focusPage, replace,
} from './dom.js';
import { trendChart } from './charts.js';

export const FILTERS = ['kind', 'source', 'brand', 'theme', 'sentiment', 'urgency', 'class', 'from', 'to', 'minRating', 'maxRating'];
const PARAMS = ['q', 'mode', 'sort', ...FILTERS];
const FACETS = [['sentiment', 'Sentiment'], ['urgency', 'Urgency'], ['kind', 'Kind'], ['source', 'Source'], ['brand', 'Brand'], ['theme', 'Theme']];
const FACET_SHOWN = 10;
const PAGE_SIZE = 20;

let view = null;

/** The hash route of a search with these parameters. */
export function searchRoute(params) {
  const kept = {};
  for (const name of [...PARAMS, 'cursor', 'page']) if (params[name]) kept[name] = params[name];
  return `#/search${query(kept)}`;
}

/** Shows the search page for params; keeps the form (and the caret) when it is already shown. */
export function renderSearch(main, params) {
  if (!view || !main.contains(view.root)) {
    view?.controller?.abort(); // an answer still on its way belongs to the page left before
    view = buildView(params);
    main.replaceChildren(view.root);
    focusPage(view.root.querySelector('h1'));
  }
  fillForm(view.form, params);
  update(params);
}

function select(id, name, options) {
  return h('select', { id, name }, options.map(([value, label]) => h('option', { value }, label)));
}

function input(id, name, type, extra = {}) {
  return h('input', { id, name, type, ...extra });
}

function buildView(params) {
  const q = input('search-q', 'q', 'search', {
    placeholder: 'e.g. refund AND "late delivery" NOT apology', autocomplete: 'off', spellcheck: 'false',
  });
  const form = h('form', { class: 'search-form', role: 'search', 'aria-label': 'Search documents' },
    h('div', { class: 'search-row' },
      field('Search', q),
      field('Mode', select('search-mode', 'mode', [['', 'Default'], ['keyword', 'Keyword'], ['semantic', 'Semantic'], ['hybrid', 'Hybrid']])),
      field('Sort', select('search-sort', 'sort', [['', 'Best match'], ['relevance', 'Relevance'], ['newest', 'Newest first']])),
      h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search'))),
    // Folded on small screens unless a filter is set: the hits come first there.
    h('details', { class: 'filters', open: matchMedia('(min-width: 901px)').matches || FILTERS.some((f) => params[f]) },
      h('summary', {}, 'Filters'),
      h('div', { class: 'filter-grid' },
        field('Kind', select('search-kind', 'kind', [['', 'Any'], ['review', 'Review'], ['ticket', 'Ticket'], ['post', 'Post']])),
        field('Sentiment', select('search-sentiment', 'sentiment', [['', 'Any'], ['negative', 'Negative'], ['neutral', 'Neutral'], ['positive', 'Positive']])),
        field('Urgency', select('search-urgency', 'urgency', [['', 'Any'], ['high', 'High'], ['normal', 'Normal'], ['low', 'Low']])),
        field('Source', input('search-source', 'source', 'text', { placeholder: 'zendesk,appstore' })),
        field('Brand', input('search-brand', 'brand', 'text')),
        field('Theme', input('search-theme', 'theme', 'text')),
        field('From', input('search-from', 'from', 'date')),
        field('To', input('search-to', 'to', 'date')),
        field('Min rating', input('search-minRating', 'minRating', 'number', { min: 0, max: 5, step: 0.5 })),
        field('Max rating', input('search-maxRating', 'maxRating', 'number', { min: 0, max: 5, step: 0.5 })),
        field('Classifier label', input('search-class', 'class', 'text', { placeholder: 'intent:refund' })),
        h('div', { class: 'field actions' }, h('a', { href: '#/search', class: 'button' }, 'Clear all')))));
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' });
  const facets = h('aside', { class: 'facets', 'aria-label': 'Refine by' });
  const root = h('div', { class: 'page page-search' },
    pageHeading('Search'), form, h('div', { class: 'search-layout' }, facets, results));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(formParams(form), false);
  });
  // Typing searches by itself once it pauses; a changed filter searches at once.
  const typed = debounce(() => navigate(formParams(form), true), 350);
  q.addEventListener('input', typed);
  form.addEventListener('change', (e) => {
    if (e.target !== q) navigate(formParams(form), false);
  });
  return { root, form, results, facets, controller: null, key: null };
}

function formParams(form) {
  const params = {};
  for (const name of PARAMS) {
    const value = form.elements[name]?.value?.trim();
    if (value) params[name] = value;
  }
  return params;
}

function fillForm(form, params) {
  for (const name of PARAMS) {
    const el = form.elements[name];
    if (el && el !== document.activeElement) el.value = params[name] || '';
  }
}

/** Goes to the search for params: a new history entry, or (while typing) the current one replaced. */
function navigate(params, replace) {
  const route = searchRoute(params);
  if (route === location.hash) return;
  if (replace) {
    history.replaceState(null, '', route);
    update(params);
  } else {
    location.hash = route;
  }
}

async function update(params) {
  const key = searchRoute(params);
  if (key === view.key) return;
  view.key = key;
  view.controller?.abort();
  const controller = new AbortController();
  view.controller = controller;
  view.results.setAttribute('aria-busy', 'true');
  const request = { limit: PAGE_SIZE, cursor: params.cursor };
  for (const name of PARAMS) request[name] = params[name];
  try {
    const result = await getJson(`/v1/search${query(request)}`, { signal: controller.signal });
    if (controller.signal.aborted) return;
    showResults(params, result);
  } catch (e) {
    if (e.name === 'AbortError') return;
    view.key = null; // the same search again (say, with an API key now) is asked again
    view.facets.replaceChildren();
    view.results.replaceChildren(h('h2', { id: 'results-heading', class: 'visually-hidden' }, 'Results'),
      notice(e.message, 'error'));
    announce(e.message);
  } finally {
    if (view.controller === controller) view.results.removeAttribute('aria-busy');
  }
}

function showResults(params, result) {
  const page = Number(params.page || 1);
  const first = (page - 1) * PAGE_SIZE + 1;
  const total = Number(result.total || 0);
  const shown = result.hits?.length || 0;
  const summary = total === 0 ? 'No documents match'
    : `${formatNumber(first)}–${formatNumber(first + shown - 1)} of ${formatNumber(total)} documents`;
  const hadFocus = view.results.contains(document.activeElement) || view.facets.contains(document.activeElement);
  replace(view.results,
    h('div', { class: 'results-head' },
      h('h2', { id: 'results-heading', tabindex: '-1' }, summary),
      activeFilters(params)),
    result.histogram?.length ? h('figure', { class: 'histogram' },
      trendChart(result.histogram, Math.min(960, result.histogram.length * 28), 48), h('figcaption', {}, 'Matches per week')) : null,
    total === 0 ? notice('Try fewer words, another mode, or remove a filter.') : null,
    h('ol', { class: 'hits', start: first }, (result.hits || []).map(hitItem)),
    pager(params, result, page));
  replace(view.facets,
    FACETS.filter(([dim]) => dim !== 'urgency' || Object.keys(result.facets?.urgency || {}).length)
      .map(([dim, label]) => facetGroup(params, dim, label, result.facets?.[dim] || {})),
    classifierFacets(params, result.facets?.classifications || {}));
  announce(summary);
  // A facet or pager link was clicked and is gone now: continue from the results heading.
  if (hadFocus) view.results.querySelector('h2').focus({ preventScroll: true });
}

function hitItem(hit) {
  const title = hit.title || `${hit.source} · ${hit.id}`;
  return h('li', { class: 'hit' },
    h('article', {},
      h('h3', {}, h('a', { href: documentRoute(hit.source, hit.id), class: 'hit-link' }, title)),
      h('p', { class: 'meta' },
        sentimentBadge(hit.sentiment), ' ',
        h('span', {}, hit.kind), ' · ', h('span', {}, hit.source),
        hit.brand ? [' · ', h('span', {}, hit.brand)] : null,
        ' · ', h('time', { datetime: hit.createdAt }, formatDate(hit.createdAt))),
      snippet(hit.snippet)));
}

export function documentRoute(source, id) {
  return `#/doc/${encodeURIComponent(source)}/${encodeURIComponent(id)}`;
}

function activeFilters(params) {
  const active = FILTERS.filter((name) => params[name]);
  if (!active.length) return null;
  return h('ul', { class: 'chips', 'aria-label': 'Active filters' }, active.map((name) => {
    const without = { ...params, cursor: null, page: null, [name]: null };
    return h('li', {}, h('a', { href: searchRoute(without), class: 'chip', 'aria-label': `Remove filter ${name}: ${params[name]}` },
      `${name}: ${params[name]}`, h('span', { 'aria-hidden': 'true', class: 'chip-x' }, ' ×')));
  }));
}

/** One facet group per classifier (intent, ...); a label filters with class=NAME:LABEL. */
function classifierFacets(params, byClassifier) {
  return Object.entries(byClassifier).map(([name, counts]) => facetGroup(params, 'class', name, counts,
    (label) => `${name}:${label}`));
}

function facetGroup(params, dim, label, counts, filterValue = (value) => value) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const items = entries.map(([value, count]) => {
    const active = params[dim] === filterValue(value);
    const next = { ...params, cursor: null, page: null, [dim]: active ? null : filterValue(value) };
    return h('li', {}, h('a', {
      href: searchRoute(next), class: active ? 'facet active' : 'facet', 'aria-current': active ? 'true' : null,
      'aria-label': `${label} ${value}, ${count} documents${active ? ', active: remove filter' : ''}`,
    }, h('span', { class: 'facet-value' }, value), h('span', { class: 'count' }, formatNumber(count))));
  });
  const list = h('ul', { class: 'facet-list' }, items.slice(0, FACET_SHOWN));
  const more = items.length > FACET_SHOWN
    ? h('details', { class: 'facet-more' }, h('summary', {}, `${items.length - FACET_SHOWN} more`), h('ul', { class: 'facet-list' }, items.slice(FACET_SHOWN)))
    : null;
  return h('section', { class: 'facet-group', 'data-facet': dim === 'class' ? `class:${label}` : dim },
    h('h2', {}, label), entries.length ? list : h('p', { class: 'muted' }, 'none'), more);
}

function pager(params, result, page) {
  const links = [];
  if (params.cursor) links.push(h('a', { href: searchRoute({ ...params, cursor: null, page: null }), class: 'button' }, '« First page'));
  if (result.nextCursor) {
    links.push(h('a', { href: searchRoute({ ...params, cursor: result.nextCursor, page: String(page + 1) }), class: 'button', rel: 'next' },
      'Next page »'));
  }
  return links.length ? h('nav', { class: 'pager', 'aria-label': 'Result pages' }, h('span', {}, `Page ${page}`), links) : null;
}
