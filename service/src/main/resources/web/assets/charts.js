// Small inline SVG charts, built with DOM calls (no markup strings). Each has an accessible name
// that says the numbers, so nothing is conveyed by colour or shape alone.
import { s, formatNumber, formatPercent, formatSigned } from './dom.js';

function chart(width, height, label, className, ...children) {
  return s('svg', {
    viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label,
    class: `chart ${className}`, preserveAspectRatio: 'none',
  }, s('title', {}, label), ...children);
}

/** Negative, neutral and positive counts as one stacked bar. */
export function sentimentBar(counts, width = 160) {
  const neg = Number(counts?.negative ?? 0);
  const neu = Number(counts?.neutral ?? 0);
  const pos = Number(counts?.positive ?? 0);
  const total = neg + neu + pos;
  const label = `negative ${formatNumber(neg)}, neutral ${formatNumber(neu)}, positive ${formatNumber(pos)}`;
  const rects = [];
  let x = 0;
  for (const [value, cls] of [[neg, 'neg'], [neu, 'neu'], [pos, 'pos']]) {
    const w = total === 0 ? 0 : (value / total) * width;
    if (w > 0) rects.push(s('rect', { x, y: 0, width: w, height: 12, class: cls }));
    x += w;
  }
  if (total === 0) rects.push(s('rect', { x: 0, y: 0, width, height: 12, class: 'empty' }));
  return chart(width, 12, label, 'sentiment-bar', rects);
}

/** A share in [0, 1] as a bar; fillClass colours it (neg, neu, pos; default the accent). */
export function shareBar(share, width = 100, fillClass = 'fill') {
  const w = Math.max(0, Math.min(1, Number(share ?? 0))) * width;
  return chart(width, 10, formatPercent(share, 1), 'share-bar',
    s('rect', { x: 0, y: 0, width, height: 10, class: 'track' }),
    s('rect', { x: 0, y: 0, width: w, height: 10, class: fillClass }));
}

/** Net sentiment in [-1, 1] as a bar from the middle, with an optional interval [low, high]. */
export function netSentimentBar(value, low, high, width = 160) {
  const x = (v) => ((Math.max(-1, Math.min(1, Number(v))) + 1) / 2) * width;
  const v = Number(value ?? 0);
  const hasInterval = low !== undefined && low !== null && high !== undefined && high !== null;
  const label = `net sentiment ${formatSigned(v)}` + (hasInterval ? `, 95 % interval ${formatSigned(low)} to ${formatSigned(high)}` : '');
  const parts = [
    s('rect', { x: 0, y: 4, width, height: 8, class: 'track' }),
    s('rect', { x: Math.min(x(0), x(v)), y: 4, width: Math.abs(x(v) - x(0)), height: 8, class: v >= 0 ? 'pos' : 'neg' }),
    s('line', { x1: x(0), x2: x(0), y1: 0, y2: 16, class: 'axis' }),
  ];
  if (hasInterval) {
    parts.push(s('line', { x1: x(low), x2: x(high), y1: 8, y2: 8, class: 'interval' }),
      s('line', { x1: x(low), x2: x(low), y1: 3, y2: 13, class: 'interval' }),
      s('line', { x1: x(high), x2: x(high), y1: 3, y2: 13, class: 'interval' }),
      s('circle', { cx: x(v), cy: 8, r: 3.5, class: 'point' }));
  }
  return chart(width, 16, label, 'net-bar', parts);
}

/**
 * A weekly trend: one bar per week for the volume, coloured by the week's net sentiment, and a
 * line for the net sentiment. weeks: [{week, volume, netSentiment}].
 */
export function trendChart(weeks, width = 180, height = 44) {
  const list = weeks || [];
  const max = Math.max(1, ...list.map((w) => Number(w.volume ?? w.count ?? 0)));
  const step = list.length ? width / list.length : width;
  const parts = [];
  const points = [];
  list.forEach((w, i) => {
    const volume = Number(w.volume ?? w.count ?? 0);
    const barHeight = (volume / max) * (height - 4);
    const net = w.netSentiment;
    const cls = net === undefined ? 'vol' : net > 0.05 ? 'pos' : net < -0.05 ? 'neg' : 'neu';
    parts.push(s('rect', { x: i * step + 1, y: height - barHeight, width: Math.max(1, step - 2), height: barHeight, class: cls },
      s('title', {}, `${w.week}: ${formatNumber(volume)}` + (net === undefined ? '' : `, net ${formatSigned(net)}`))));
    if (net !== undefined && volume > 0) points.push(`${i * step + step / 2},${(1 - (Number(net) + 1) / 2) * height}`);
  });
  if (points.length > 1) parts.push(s('polyline', { points: points.join(' '), class: 'net-line' }));
  const first = list[0]?.week;
  const last = list[list.length - 1]?.week;
  const label = list.length
    ? `weekly volume ${first} to ${last}: ` + list.map((w) => formatNumber(w.volume ?? w.count ?? 0)).join(', ')
    : 'no weeks';
  return chart(width, height, label, 'trend', parts);
}
