// Brands side by side: share of voice, net sentiment with its 95 % interval, per-theme net
// sentiment, and which differences are significant (as /v1/compare computes them).
import { getJson, query } from './api.js';
import { h, field, formatNumber, formatPercent, formatSigned, notice, pageHeading, focusPage, announce, fill } from './dom.js';
import { sentimentBar, shareBar, netSentimentBar, trendChart } from './charts.js';
import { searchRoute } from './search.js';
import { exampleList } from './themes.js';

const PARAMS = ['brands', 'theme', 'source', 'kind', 'from', 'to'];

export function compareRoute(params) {
  const kept = {};
  for (const name of PARAMS) if (params[name]) kept[name] = params[name];
  return `#/compare${query(kept)}`;
}

export async function renderCompare(main, params) {
  const heading = pageHeading('Compare brands');
  const out = h('div', {});
  main.replaceChildren(h('div', { class: 'page page-compare' }, heading, filterForm(params), out));
  focusPage(heading);
  const request = {};
  for (const name of PARAMS) request[name] = params[name];
  await fill(out, () => getJson(`/v1/compare${query(request)}`), (result) => {
    announce(`${(result.brands || []).length} brands compared`);
    return compareView(params, result);
  });
}

function filterForm(params) {
  const inputs = {
    brands: h('input', { id: 'compare-brands', name: 'brands', type: 'text', value: params.brands || '', placeholder: 'all configured brands' }),
    theme: h('input', { id: 'compare-theme', name: 'theme', type: 'text', value: params.theme || '', placeholder: 'any' }),
    source: h('input', { id: 'compare-source', name: 'source', type: 'text', value: params.source || '' }),
    from: h('input', { id: 'compare-from', name: 'from', type: 'date', value: params.from || '' }),
    to: h('input', { id: 'compare-to', name: 'to', type: 'date', value: params.to || '' }),
  };
  const form = h('form', { class: 'filter-bar', 'aria-label': 'Comparison' },
    field('Brands', inputs.brands, 'comma-separated'), field('Theme', inputs.theme), field('Source', inputs.source),
    field('From', inputs.from), field('To', inputs.to),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Compare')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = {};
    for (const [name, el] of Object.entries(inputs)) if (el.value.trim()) next[name] = el.value.trim();
    location.hash = compareRoute(next);
  });
  return form;
}

function compareView(params, result) {
  const brands = result.brands || [];
  if (!brands.length) return [notice('No brands to compare: configure brands, or ingest documents that carry one.')];
  const base = {};
  for (const name of ['source', 'kind', 'from', 'to']) if (params[name]) base[name] = params[name];
  if (result.theme) base.theme = result.theme;
  const main = h('table', { class: 'data compare-table' },
    h('caption', {}, `${formatNumber(result.total)} matching documents${result.theme ? `, theme ${result.theme}: sentiment about that theme` : ''}`),
    h('thead', {}, h('tr', {}, ['Brand', 'Volume', 'Share of voice', 'Sentiment', 'Net sentiment (95 % interval)', 'Weekly trend']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, brands.map((b) => {
      const net = b.netSentiment || {};
      return h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: searchRoute({ ...base, brand: b.name }), class: 'brand-link' }, b.name),
          b.own ? h('span', { class: 'tag' }, 'own') : null),
        h('td', { class: 'num' }, formatNumber(b.volume)),
        h('td', {}, h('div', { class: 'bar-cell' }, shareBar(b.shareOfVoice, 80), h('span', { class: 'num' }, formatPercent(b.shareOfVoice, 1)))),
        h('td', {}, sentimentBar(b.sentiment, 140)),
        h('td', {}, h('div', { class: 'bar-cell' }, netSentimentBar(net.value, net.low, net.high, 140),
          h('span', { class: 'num' }, `${formatSigned(net.value)} [${formatSigned(net.low)}, ${formatSigned(net.high)}]`))),
        h('td', {}, b.trend?.length ? trendChart(b.trend, 140, 32) : '—'));
    })));
  return [
    h('div', { class: 'table-wrap' }, main),
    significance(result.significance),
    themeBreakdown(brands, base),
    h('section', { 'aria-labelledby': 'brand-examples' }, h('h2', { id: 'brand-examples' }, 'Examples'),
      h('div', { class: 'card-grid' }, brands.filter((b) => b.examples?.length).map((b) => h('section', { class: 'card' },
        h('h3', {}, b.name), exampleList(b.examples))))),
  ];
}

function significance(sig) {
  const pairs = sig?.pairs || [];
  if (!pairs.length) return null;
  const p = (v) => (v === undefined || v === null ? '—' : Number(v) < 0.001 ? '< 0.001' : Number(v).toFixed(3));
  return h('section', { 'aria-labelledby': 'sig-heading' },
    h('h2', { id: 'sig-heading' }, 'Differences in net sentiment'),
    h('p', { class: 'muted small' }, `${sig.test?.replace(/_/g, ' ')}, ${sig.correction?.replace(/_/g, '-')} correction, α = ${sig.alpha}`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data sig-table' },
      h('thead', {}, h('tr', {}, ['Brands', 'Difference', 'Adjusted p', 'Significant'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, pairs.map((x) => h('tr', { class: x.significant ? 'significant' : null },
        h('th', { scope: 'row' }, `${x.a} vs ${x.b}`),
        h('td', { class: 'num' }, formatSigned(x.difference)),
        h('td', { class: 'num' }, p(x.adjustedPValue)),
        h('td', {}, x.significant ? h('strong', {}, 'yes') : 'no')))))));
}

function themeBreakdown(brands, base) {
  const names = [...new Set(brands.flatMap((b) => (b.themes || []).map((t) => t.name)))].sort();
  if (!names.length) return null;
  const cell = (b, name) => {
    const t = (b.themes || []).find((x) => x.name === name);
    if (!t || !t.volume) return h('td', { class: 'muted' }, '—');
    return h('td', {}, h('a', { href: searchRoute({ ...base, brand: b.name, theme: name }), 'aria-label': `${b.name}, ${name}: ${t.volume} documents, net ${formatSigned(t.netSentiment)}` },
      h('span', { class: `net ${t.netSentiment > 0.05 ? 'pos' : t.netSentiment < -0.05 ? 'neg' : 'neu'}` }, formatSigned(t.netSentiment)),
      h('span', { class: 'muted small' }, ` (${formatNumber(t.volume)})`)));
  };
  return h('section', { 'aria-labelledby': 'breakdown-heading' },
    h('h2', { id: 'breakdown-heading' }, 'Net sentiment by theme'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data breakdown' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Theme'), brands.map((b) => h('th', { scope: 'col' }, b.name)))),
      h('tbody', {}, names.map((name) => h('tr', {}, h('th', { scope: 'row' }, name), brands.map((b) => cell(b, name))))))));
}
