// Themes: volume, share, sentiment, net sentiment, weekly trend, key phrases and examples per
// theme; a theme's name opens the search filtered to it (the documents behind the figures).
import { getJson, query } from './api.js';
import {
  h, field, snippet, sentimentBadge, formatNumber, formatPercent, formatSigned, formatDate, notice, pageHeading, focusPage, announce, fill,
} from './dom.js';
import { sentimentBar, shareBar, netSentimentBar, trendChart } from './charts.js';
import { searchRoute, documentRoute } from './search.js';

const FILTERS = ['q', 'kind', 'source', 'brand', 'sentiment', 'from', 'to'];

export function themesRoute(params) {
  const kept = {};
  for (const name of [...FILTERS, 'discover']) if (params[name]) kept[name] = params[name];
  return `#/themes${query(kept)}`;
}

export async function renderThemes(main, params) {
  const form = filterForm(params);
  const out = h('div', { class: 'themes-out' });
  const heading = pageHeading('Themes');
  main.replaceChildren(h('div', { class: 'page page-themes' }, heading, form, out));
  focusPage(heading);
  const request = {};
  for (const name of [...FILTERS, 'discover']) request[name] = params[name];
  await fill(out, () => getJson(`/v1/themes${query(request)}`), (result) => {
    announce(`${(result.themes || []).length} themes over ${formatNumber(result.total)} documents`);
    return themesView(params, result);
  });
}

function filterForm(params) {
  const inputs = {
    q: h('input', { id: 'themes-q', name: 'q', type: 'search', value: params.q || '' }),
    kind: h('select', { id: 'themes-kind', name: 'kind' }, [['', 'Any'], ['review', 'Review'], ['ticket', 'Ticket'], ['post', 'Post']]
      .map(([v, l]) => h('option', { value: v, selected: (params.kind || '') === v }, l))),
    source: h('input', { id: 'themes-source', name: 'source', type: 'text', value: params.source || '' }),
    brand: h('input', { id: 'themes-brand', name: 'brand', type: 'text', value: params.brand || '' }),
    from: h('input', { id: 'themes-from', name: 'from', type: 'date', value: params.from || '' }),
    to: h('input', { id: 'themes-to', name: 'to', type: 'date', value: params.to || '' }),
  };
  const discover = h('input', { id: 'themes-discover', name: 'discover', type: 'checkbox', checked: params.discover === 'true' });
  const form = h('form', { class: 'filter-bar', 'aria-label': 'Theme filters' },
    field('Keywords', inputs.q), field('Kind', inputs.kind), field('Source', inputs.source), field('Brand', inputs.brand),
    field('From', inputs.from), field('To', inputs.to),
    h('div', { class: 'field check' }, discover, h('label', { for: discover.id }, 'Discover new themes')),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = {};
    for (const [name, el] of Object.entries(inputs)) if (el.value.trim()) next[name] = el.value.trim();
    if (discover.checked) next.discover = 'true';
    location.hash = themesRoute(next);
  });
  discover.addEventListener('change', () => form.requestSubmit());
  return form;
}

function themesView(params, result) {
  const filters = {};
  for (const name of FILTERS) if (params[name]) filters[name] = params[name];
  const themes = result.themes || [];
  const table = h('table', { class: 'data themes-table' },
    h('caption', {}, `${formatNumber(result.total)} matching documents; a theme’s sentiment is the one expressed about it`),
    h('thead', {}, h('tr', {},
      ['Theme', 'Volume', 'Share', 'Sentiment', 'Net sentiment', 'Weekly trend', 'Key phrases'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, themes.map((t) => h('tr', { class: t.volume ? null : 'muted' },
      h('th', { scope: 'row' }, h('a', { href: searchRoute({ ...filters, theme: t.name }), class: 'theme-link' }, t.name)),
      h('td', { class: 'num' }, formatNumber(t.volume)),
      h('td', {}, h('div', { class: 'bar-cell' }, shareBar(t.share, 80), h('span', { class: 'num' }, formatPercent(t.share, 1)))),
      h('td', {}, sentimentBar(t.sentiment, 140)),
      h('td', {}, h('div', { class: 'bar-cell' }, netSentimentBar(t.netSentiment, null, null, 100), h('span', { class: 'num' }, formatSigned(t.netSentiment)))),
      h('td', {}, t.trend?.length ? trendChart(t.trend, 160, 36) : '—'),
      h('td', { class: 'small' }, (t.keyPhrases || []).slice(0, 5).map((p) => `${p.phrase} (${p.count})`).join(', '))))));
  const examples = themes.filter((t) => t.examples?.length).map((t) => h('section', { class: 'card' },
    h('h3', {}, h('a', { href: searchRoute({ ...filters, theme: t.name }) }, t.name)),
    exampleList(t.examples)));
  return [
    h('div', { class: 'table-wrap' }, themes.length ? table : notice('No themes: no document matches, or the taxonomy is empty.')),
    examples.length ? h('section', { 'aria-labelledby': 'examples-heading' }, h('h2', { id: 'examples-heading' }, 'Examples'),
      h('div', { class: 'card-grid' }, examples)) : null,
    result.discovered ? discovered(result.discovered) : null,
  ];
}

export function exampleList(examples) {
  return h('ul', { class: 'examples' }, examples.map((x) => h('li', {},
    h('p', { class: 'meta' }, sentimentBadge(x.sentiment), ' ',
      h('a', { href: documentRoute(x.source, x.id) }, `${x.source} · ${x.id}`), ' · ', formatDate(x.createdAt)),
    snippet(x.snippet))));
}

function discovered(d) {
  const proposals = d.proposals || [];
  return h('section', { class: 'discovered', 'aria-labelledby': 'discover-heading' },
    h('h2', { id: 'discover-heading' }, 'Proposed new themes'),
    h('p', { class: 'muted' }, `${formatNumber(d.unthemed)} matching documents have no theme; ${formatNumber(d.sampled)} were clustered into ${d.k} groups (mean silhouette ${Number(d.silhouette || 0).toFixed(2)}).`),
    proposals.length ? h('div', { class: 'card-grid' }, proposals.map((p) => h('section', { class: 'card' },
      h('h3', {}, p.label),
      h('p', { class: 'muted' }, `${formatNumber(p.size)} in the sample, about ${formatNumber(p.estimatedVolume)} in all`),
      h('p', { class: 'small' }, (p.keyPhrases || []).join(', ')),
      exampleList(p.examples || [])))) : notice('Nothing to propose.'));
}
