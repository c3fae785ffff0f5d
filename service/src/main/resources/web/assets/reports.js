// Weekly reports: pick an ISO week, read the HTML report in a frame, download it as HTML, JSON,
// CSV or Markdown. The report itself is built by GET /v1/reports/weekly.
import { apiKey, get, getJson, query } from './api.js';
import { h, field, notice, pageHeading, focusPage, announce } from './dom.js';

const FORMATS = [['html', 'HTML'], ['json', 'JSON'], ['csv', 'CSV'], ['md', 'Markdown']];

/** The ISO week (like 2026-W47) of a date, in UTC. */
export function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of the week decides its year
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The last complete ISO week: the one a week before today. */
export function lastCompleteWeek(now = new Date()) {
  return isoWeek(new Date(now.getTime() - 7 * 86400000));
}

function reportUrl(week, format) {
  return `/v1/reports/weekly${query({ week, format })}`;
}

export function renderReports(main, params) {
  const week = /^\d{4}-W\d{2}$/.test(params.week || '') ? params.week : lastCompleteWeek();
  const heading = pageHeading(`Weekly report ${week}`);
  const weekInput = h('input', { id: 'report-week', name: 'week', type: 'week', value: week, required: true });
  const form = h('form', { class: 'filter-bar', 'aria-label': 'Report week' },
    field('ISO week', weekInput, 'e.g. 2026-W47'),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show report')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (weekInput.value) location.hash = `#/reports${query({ week: weekInput.value })}`;
  });
  const downloads = h('ul', { class: 'downloads', 'aria-label': 'Download this report' },
    FORMATS.map(([format, label]) => h('li', {}, downloadLink(week, format, label))));
  const viewer = h('div', { class: 'report-frame' });
  const list = h('section', { class: 'report-list', 'aria-labelledby': 'report-list-heading', hidden: true });
  main.replaceChildren(h('div', { class: 'page page-reports' }, heading, form,
    h('div', { class: 'row' }, h('span', {}, 'Download: '), downloads), viewer, list));
  focusPage(heading);
  showReport(viewer, week);
  listReports(list);
}

function downloadLink(week, format, label) {
  const url = reportUrl(week, format);
  const a = h('a', { href: url, download: `voc-report-${week}.${format}`, class: 'button', 'data-format': format }, label);
  // A plain link carries no Authorization header: with a key, fetch the file and save that.
  a.addEventListener('click', async (e) => {
    if (!apiKey()) return;
    e.preventDefault();
    try {
      const blob = await (await get(url)).blob();
      const objectUrl = URL.createObjectURL(blob);
      const save = h('a', { href: objectUrl, download: a.getAttribute('download') });
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(objectUrl), 10000);
    } catch (err) {
      announce(err.message);
      a.after(notice(err.message, 'error'));
    }
  });
  return a;
}

function showReport(viewer, week) {
  if (apiKey()) {
    // A framed page is fetched without our Authorization header, so it cannot be shown inline.
    viewer.replaceChildren(notice('With an API key the report cannot be shown in this page; download it above (HTML opens in any browser).'));
    return;
  }
  viewer.replaceChildren(
    h('p', {}, h('a', { href: reportUrl(week, 'html'), target: '_blank', rel: 'noopener' }, 'Open the report on its own page')),
    h('iframe', { src: reportUrl(week, 'html'), title: `Weekly report ${week}`, class: 'report', onload: linksLeaveTheFrame }));
  announce(`Report ${week} loaded`);
}

/** The report's links (to the documents behind a figure) open in the whole window, not the frame. */
function linksLeaveTheFrame(event) {
  const framed = event.target.contentDocument; // same origin; null if the frame shows something else
  for (const a of framed?.querySelectorAll('a[href]') || []) a.target = '_top';
}

/** Lists stored reports when the service offers GET /v1/reports; quietly nothing when it does not. */
async function listReports(section) {
  let answer;
  try {
    answer = await getJson('/v1/reports');
  } catch {
    return;
  }
  const items = Array.isArray(answer) ? answer : answer?.reports || [];
  const weeks = [...new Set(items.map((r) => (typeof r === 'string' ? r : r?.week)).filter((w) => /^\d{4}-W\d{2}$/.test(w || '')))];
  if (!weeks.length) return;
  section.replaceChildren(h('h2', { id: 'report-list-heading' }, 'Stored reports'),
    h('ul', { class: 'chips' }, weeks.map((w) => h('li', {}, h('a', { href: `#/reports${query({ week: w })}`, class: 'chip' }, w)))));
  section.hidden = false;
}
