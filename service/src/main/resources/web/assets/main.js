// The analyst pages: a hash router over four pages and the document view. Routes:
// #/search?..., #/doc/SOURCE/ID (or #/documents/SOURCE/ID), #/themes?..., #/compare?..., #/reports?week=...
import { apiKey, setApiKey } from './api.js';
import { h, notice, markNavigated } from './dom.js';
import { renderSearch } from './search.js';
import { renderDocument } from './document.js';
import { renderThemes } from './themes.js';
import { renderCompare } from './compare.js';
import { renderReports } from './reports.js';

const TITLES = { search: 'Search', doc: 'Document', themes: 'Themes', compare: 'Compare brands', reports: 'Reports' };

function parseHash() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(2) : 'search';
  const [path, search = ''] = hash.split(/\?(.*)/s);
  const segments = path.split('/').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return { page: segments[0] || 'search', segments, params: Object.fromEntries(new URLSearchParams(search)) };
}

function route() {
  // In-page anchors (the skip link) are not routes.
  if (location.hash && !location.hash.startsWith('#/')) return;
  const main = document.getElementById('main');
  const { page, segments, params } = parseHash();
  for (const link of document.querySelectorAll('nav a[data-page]')) {
    const current = link.dataset.page === page || (page.startsWith('doc') && link.dataset.page === 'search');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!page.startsWith('doc')) document.title = `${TITLES[page] || 'Not found'} · voc`;
  switch (page) {
    case 'search': return renderSearch(main, params);
    case 'doc':
    case 'documents': // the weekly report links quotes as #/documents/SOURCE/ID
      return renderDocument(main, segments[1] || '', segments.slice(2).join('/'));
    case 'themes': return renderThemes(main, params);
    case 'compare': return renderCompare(main, params);
    case 'reports': return renderReports(main, params);
    default:
      main.replaceChildren(h('div', { class: 'page' }, h('h1', {}, 'Not found'),
        notice('There is no such page.'), h('a', { href: '#/search' }, 'Go to search')));
      return undefined;
  }
}

function setUpApiKey() {
  const panel = document.getElementById('api-key-panel');
  const form = document.getElementById('api-key-form');
  const input = document.getElementById('api-key');
  const summary = panel.querySelector('summary');
  const label = () => { summary.textContent = apiKey() ? 'API key ✓' : 'API key'; };
  label();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setApiKey(input.value.trim());
    input.value = '';
    label();
    panel.open = false;
    route();
  });
  document.getElementById('api-key-clear').addEventListener('click', () => {
    setApiKey('');
    input.value = '';
    label();
    route();
  });
  document.addEventListener('voc:unauthorized', () => {
    panel.open = true;
  });
}

function setUpSkipLink() {
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    const main = document.getElementById('main');
    (main.querySelector('h1') || main).focus();
  });
}

setUpApiKey();
setUpSkipLink();
window.addEventListener('hashchange', () => {
  markNavigated();
  route();
});
route();
