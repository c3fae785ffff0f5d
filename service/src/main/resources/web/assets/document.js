// One document and everything voc found in it. The text is shown once, with one layer of its
// analysis highlighted at a time (sentences by sentiment, a theme's evidence, aspects and their
// opinion words, brand mentions); spans are character offsets into analysis.text.
import { getJson } from './api.js';
import {
  h, sentimentBadge, formatDate, formatPercent, formatSigned, notice, pageHeading, focusPage, safeUrl, announce, replace,
} from './dom.js';
import { searchRoute } from './search.js';
import { shareBar } from './charts.js';

export async function renderDocument(main, source, id) {
  const heading = pageHeading('Document');
  const body = h('div', { class: 'doc-body' }, notice('Loading…'));
  main.replaceChildren(h('div', { class: 'page page-document' },
    h('p', { class: 'back' }, h('button', { type: 'button', class: 'link-button', onclick: goBack }, '← Back')), heading, body));
  focusPage(heading);
  let answer;
  try {
    answer = await getJson(`/v1/documents/${encodeURIComponent(source)}/${encodeURIComponent(id)}`);
  } catch (e) {
    body.replaceChildren(notice(e.status === 404 ? 'No such document (it may have been erased).' : e.message, 'error'));
    announce(e.message);
    return;
  }
  const doc = answer.document || {};
  heading.textContent = doc.title || `${doc.source} · ${doc.id}`;
  document.title = `${heading.textContent} · voc`;
  if (answer.status !== 'analyzed' || !answer.analysis) {
    body.replaceChildren(metadata(doc), notice('Waiting for analysis; reload in a moment.'),
      h('div', { class: 'doc-text' }, doc.text || ''));
    return;
  }
  replace(body, analysisView(doc, answer.analysis));
  announce(`Document ${heading.textContent} loaded`);
}

function goBack() {
  if (history.length > 1) history.back();
  else location.hash = '#/search';
}

function metadata(doc) {
  const rows = [
    ['Source', doc.source], ['Id', doc.id], ['Kind', doc.kind], ['Created', formatDate(doc.createdAt)],
    ['Author', doc.author], ['Rating', doc.rating === undefined || doc.rating === null ? null : `${doc.rating} / ${doc.ratingMax ?? 5}`],
    ['Brand', doc.brand], ['Product', doc.product], ['Language', doc.lang],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  const url = doc.url ? safeUrl(doc.url) : null;
  return h('dl', { class: 'meta-list' },
    rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]),
    doc.url ? [h('dt', {}, 'URL'), h('dd', {}, url ? h('a', { href: url, rel: 'noreferrer noopener', target: '_blank' }, doc.url) : doc.url)] : null,
    Object.entries(doc.metadata || {}).map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]));
}

function analysisView(doc, a) {
  const layers = highlightLayers(a);
  const textBox = h('div', { class: 'doc-text', id: 'doc-text' });
  const legend = h('p', { class: 'legend', id: 'doc-legend' });
  const picker = h('fieldset', { class: 'layer-picker' }, h('legend', {}, 'Highlight'),
    layers.map((layer, i) => h('label', {},
      h('input', {
        type: 'radio', name: 'layer', value: layer.id, checked: i === 0,
        onchange: () => showLayer(textBox, legend, a.text, layer),
      }), ` ${layer.label}`)));
  showLayer(textBox, legend, a.text, layers[0]);
  const chooseTheme = (name) => {
    const layer = layers.find((l) => l.id === `theme:${name}`);
    const radio = picker.querySelector(`input[value="${CSS.escape(layer.id)}"]`);
    radio.checked = true;
    showLayer(textBox, legend, a.text, layer);
    textBox.focus();
  };
  return [
    h('div', { class: 'doc-grid' },
      h('section', { class: 'doc-main', 'aria-labelledby': 'text-heading' },
        h('h2', { id: 'text-heading' }, 'Text'),
        a.truncated ? notice('Only the first sentences of this long text were analyzed.') : null,
        picker, legend, textBox),
      h('aside', { class: 'doc-side' }, metadata(doc), sentimentSection(a))),
    themesSection(a, chooseTheme),
    aspectsSection(a),
    brandsSection(a),
    classificationsSection(a),
    keyPhrasesSection(a),
  ];
}

function highlightLayers(a) {
  const layers = [{
    id: 'sentences', label: 'Sentences by sentiment',
    spans: (a.sentences || []).map((s) => ({ start: s.start, end: s.end, cls: `sent-${s.sentiment?.label}`, title: `${s.sentiment?.label} (${formatSigned(s.sentiment?.score)})` })),
  }];
  for (const t of a.themes || []) {
    layers.push({
      id: `theme:${t.name}`, label: `Theme: ${t.name}`,
      spans: (t.evidence || []).map((e) => ({ start: e.start, end: e.end, cls: `sent-${t.sentiment?.label}`, title: `${t.name}: ${t.sentiment?.label}` })),
    });
  }
  if (a.aspects?.length) {
    layers.push({
      id: 'aspects', label: 'Aspects and opinions',
      spans: a.aspects.flatMap((x) => [
        { start: x.start, end: x.end, cls: `aspect sent-${x.polarity}`, title: `aspect “${x.term}”: ${x.polarity}` },
        ...(x.opinions || []).map((o) => ({ start: o.start, end: o.end, cls: 'opinion', title: `opinion on “${x.term}”` })),
      ]),
    });
  }
  if (a.brands?.length) {
    layers.push({
      id: 'brands', label: 'Brands',
      spans: a.brands.flatMap((b) => (b.mentions || []).map((m) => ({ start: m.start, end: m.end, cls: `brand sent-${b.sentiment?.label}`, title: `${b.name}: ${b.sentiment?.label}` }))),
    });
  }
  return layers;
}

/** The text with the layer's spans as <mark>s; overlapping spans keep the earlier one. */
function showLayer(box, legend, text, layer) {
  const spans = layer.spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start || y.end - x.end);
  const nodes = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > text.length) continue;
    if (span.start > at) nodes.push(text.slice(at, span.start));
    nodes.push(h('mark', { class: span.cls, title: span.title }, text.slice(span.start, span.end),
      h('span', { class: 'visually-hidden' }, ` (${span.title})`)));
    at = span.end;
  }
  nodes.push(text.slice(at));
  box.replaceChildren(...nodes);
  box.setAttribute('tabindex', '-1');
  box.setAttribute('aria-label', `Text, highlighted: ${layer.label}`);
  legend.textContent = layer.spans.length
    ? `${layer.label}: ${layer.spans.length} highlighted span${layer.spans.length === 1 ? '' : 's'}; hover or read the note after each for details.`
    : `${layer.label}: nothing to highlight.`;
}

function probabilities(p) {
  if (!p) return null;
  return h('table', { class: 'probs' },
    h('tbody', {}, Object.entries(p).map(([label, value]) => h('tr', {},
      h('th', { scope: 'row' }, label),
      h('td', {}, shareBar(value, 120, { negative: 'neg', neutral: 'neu', positive: 'pos' }[label] || 'fill')),
      h('td', { class: 'num' }, formatPercent(value))))));
}

function sentimentSection(a) {
  const sent = a.sentiment || {};
  return h('section', { class: 'card', 'aria-labelledby': 'sentiment-heading' },
    h('h2', { id: 'sentiment-heading' }, 'Sentiment'),
    h('p', { class: 'big' }, sentimentBadge(sent), ' ', h('span', {}, `score ${formatSigned(sent.score)}`)),
    probabilities(sent.probabilities),
    (sent.models || []).length ? h('table', { class: 'models' },
      h('caption', {}, 'Each model’s own output'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Model'), h('th', { scope: 'col' }, 'Label'), h('th', { scope: 'col' }, 'Probabilities'))),
      h('tbody', {}, sent.models.map((m) => h('tr', {},
        h('td', {}, `${m.name}${m.version ? ` ${m.version}` : ''}`),
        h('td', {}, m.label || ''),
        h('td', { class: 'small' }, Object.entries(m.probabilities || {}).map(([k, v]) => `${k} ${formatPercent(v)}`).join(', ')))))) : null,
    a.modelVersions ? h('p', { class: 'muted small' }, 'Models: ', Object.entries(a.modelVersions).map(([k, v]) => `${k} ${v}`).join(', ')) : null,
    a.analyzedAt ? h('p', { class: 'muted small' }, `Analyzed ${formatDate(a.analyzedAt)}`) : null);
}

function section(id, title, ...content) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

function themesSection(a, chooseTheme) {
  if (!a.themes?.length) return section('themes-heading', 'Themes', h('p', { class: 'muted' }, 'No theme of the taxonomy.'));
  return section('themes-heading', 'Themes', h('ul', { class: 'theme-list' }, a.themes.map((t) => h('li', {},
    h('div', { class: 'row' },
      h('a', { href: searchRoute({ theme: t.name }), class: 'theme-name' }, t.name),
      sentimentBadge(t.sentiment),
      h('span', { class: 'muted' }, `confidence ${formatPercent(t.confidence)}`),
      h('button', { type: 'button', class: 'small-button', onclick: () => chooseTheme(t.name) }, 'Highlight evidence')),
    h('ul', { class: 'evidence' }, (t.evidence || []).map((e) => h('li', {}, h('q', {}, e.text))))))));
}

function aspectsSection(a) {
  if (!a.aspects?.length) return null;
  return section('aspects-heading', 'Aspects', h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Aspect'), h('th', { scope: 'col' }, 'Polarity'), h('th', { scope: 'col' }, 'Opinion words'))),
    h('tbody', {}, a.aspects.map((x) => h('tr', {},
      h('td', {}, x.term), h('td', {}, sentimentBadge(x.polarity)),
      h('td', {}, (x.opinions || []).map((o) => o.text).join(', ') || '—'))))));
}

function brandsSection(a) {
  if (!a.brands?.length) return null;
  return section('brands-heading', 'Brands', h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Brand'), h('th', { scope: 'col' }, 'Sentiment toward it'), h('th', { scope: 'col' }, 'Mentions'))),
    h('tbody', {}, a.brands.map((b) => h('tr', {},
      h('td', {}, h('a', { href: searchRoute({ brand: b.name }) }, b.name), b.own ? h('span', { class: 'muted' }, ' (own)') : null),
      h('td', {}, sentimentBadge(b.sentiment)),
      h('td', {}, (b.mentions || []).map((m) => m.text).join(', ')))))));
}

function classificationsSection(a) {
  const entries = Object.entries(a.classifications || {});
  if (!entries.length && !a.urgency) return null;
  return section('classes-heading', 'Classifications',
    h('dl', { class: 'meta-list' },
      entries.map(([name, c]) => [h('dt', {}, name), h('dd', {}, `${c.label} (${formatPercent(c.confidence)})${c.uncertain ? ', uncertain' : ''}`)]),
      a.urgency ? [h('dt', {}, 'Urgency'), h('dd', {}, a.urgency.level,
        (a.urgency.reasons || []).length ? h('ul', {}, a.urgency.reasons.map((r) => h('li', {}, `${r.signal}: `, h('q', {}, r.evidence || '')))) : null)] : null));
}

function keyPhrasesSection(a) {
  if (!a.keyPhrases?.length) return null;
  return section('phrases-heading', 'Key phrases', h('ul', { class: 'chips' }, a.keyPhrases.map((p) => h('li', {},
    h('a', { href: searchRoute({ q: `"${p.replace(/"/g, '')}"` }), class: 'chip' }, p)))));
}
