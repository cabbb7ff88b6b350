/**
 * The progress-over-time chart of one plan, as a self-contained SVG (no
 * external fonts, images or scripts): completed and completed-or-ongoing at
 * each point, on a time axis spanning the plan period, and the on-schedule
 * line (the share implemented equal to the share of the period elapsed: from
 * 0 on the period's first day to the whole plan on its last). Series differ
 * in dash style, width and marker shape, and carry direct labels, so the chart
 * reads in black and white without a colour key. Every figure comes from the
 * points' reports; the line's positions are geometry, not counts.
 */
import type { OverTime, PlanOverTime } from '../../core/over-time.js';
import { dayNumber, fromDayNumber } from '../../core/dates.js';
import { dateWords } from '../shared/words.js';
import { flatValue } from '../shared/lines.js';
import { svgNumber, xmlAttr, xmlText } from '../shared/xml.js';
import { pointName } from './rows.js';

const W = 800;
const H = 350;
const L = 56;
const R = 190;
const T = 72;
const B = 40;

const n2 = svgNumber;

export interface OverChartOptions {
  /** prefix for the ids inside the SVG, so several charts can share an HTML page */
  idPrefix?: string;
  /** without the XML declaration, for inlining in HTML */
  inline?: boolean;
}

/** The nice step of a count axis with at most about 6 ticks. */
function step(max: number): number {
  for (const s of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]) if (max / s <= 6) return s;
  return Math.ceil(max / 6);
}

/** Moves labels apart so that none is closer than `gap` to the one above it, keeping their order. */
function spread(ys: number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) if (order[k]!.y - order[k - 1]!.y < gap) order[k]!.y = order[k - 1]!.y + gap;
  const out = [...ys];
  for (const o of order) out[o.i] = o.y;
  return out;
}

/** The text alternative: what the chart shows, in sentences. */
/** The chart's text alternative; names and titles on one line, control characters shown escaped (as in the chart). */
export function overChartDescription(over: Pick<OverTime, 'over'>, data: PlanOverTime): string {
  const plan = flatValue(data);
  const pts = plan.points;
  if (pts.length === 0) return `No points to show for ${plan.title}.`;
  const each = pts.map((pt) => `${pointName(pt)} (${dateWords(pt.asOf)}): ${pt.plan.counts.completed} completed, ${pt.plan.implemented} of ${pt.plan.total} completed or ongoing (${pt.plan.implementedPercent}%), period ${pt.plan.elapsedPercent}% elapsed`);
  const unit = over.over === 'meetings' ? 'meeting' : over.over === 'years' ? 'year end' : 'month end';
  return `Line chart of ${plan.title}, ${plan.period.start} to ${plan.period.end}, one point per ${unit}, with the on-schedule line from none implemented at the start of the period to all ${pts[pts.length - 1]!.plan.total} at its end. ${each.join('; ')}.`;
}

export function overChart(over: Pick<OverTime, 'over'>, data: PlanOverTime, options: OverChartOptions = {}): string {
  // text from the data on one line, its control characters shown escaped, as in the paper's chart
  const plan = flatValue(data);
  const id = (s: string) => `${options.idPrefix ?? 'accsm-over'}-${s}`;
  const pts = plan.points;
  const first = dayNumber(`${plan.period.start}-01-01`);
  const periodLast = dayNumber(`${plan.period.end}-12-31`);
  const lastPoint = pts.length ? dayNumber(pts[pts.length - 1]!.asOf) : periodLast;
  const lastDay = Math.max(periodLast, lastPoint);
  const lastYear = Number(fromDayNumber(lastDay).slice(0, 4));
  const axisEnd = dayNumber(`${lastYear}-12-31`);
  const total = pts.length ? pts[pts.length - 1]!.plan.total : 0;
  const maxY = Math.max(1, total, ...pts.map((p) => p.plan.total));
  const s = step(maxY);
  const top = Math.ceil(maxY / s) * s;
  const x = (day: number) => L + ((day - first) / (axisEnd + 1 - first)) * (W - L - R);
  const y = (n: number) => H - B - (n / top) * (H - T - B);
  const out: string[] = [];
  // axes and grid
  for (let v = 0; v <= top; v += s) {
    out.push(`<line x1="${L}" x2="${W - R}" y1="${n2(y(v))}" y2="${n2(y(v))}" stroke="#d0d0d0" stroke-width="1"/>`);
    out.push(`<text x="${L - 6}" y="${n2(y(v) + 4)}" font-size="11" text-anchor="end">${v}</text>`);
  }
  for (let yr = plan.period.start; yr <= lastYear; yr++) {
    const x0 = x(dayNumber(`${yr}-01-01`));
    const x1 = x(dayNumber(`${yr}-12-31`) + 1);
    out.push(`<line x1="${n2(x0)}" x2="${n2(x0)}" y1="${H - B}" y2="${H - B + 5}" stroke="#000000"/>`);
    out.push(`<text x="${n2((x0 + x1) / 2)}" y="${H - B + 18}" font-size="11" text-anchor="middle">${yr}</text>`);
  }
  out.push(`<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#000000" stroke-width="1"/>`);
  out.push(`<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#000000" stroke-width="1"/>`);
  out.push(`<text x="${L - 6}" y="${T - 12}" font-size="11">Projects/activities</text>`);
  // the plan period's end
  if (axisEnd > periodLast) {
    const xe = x(periodLast + 1);
    out.push(`<line x1="${n2(xe)}" x2="${n2(xe)}" y1="${T}" y2="${H - B}" stroke="#000000" stroke-width="1" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${n2(xe - 4)}" y="${T + 12}" font-size="11" text-anchor="end">Plan ends</text>`);
  }
  const labels: { y: number; text: string; x: number }[] = [];
  // the on-schedule line: 0 on the first day, the whole plan at the end of the last
  if (total > 0) {
    const x2 = x(periodLast + 1);
    out.push(`<line class="on-schedule" x1="${L}" y1="${n2(y(0))}" x2="${n2(x2)}" y2="${n2(y(total))}" stroke="#555555" stroke-width="1.5" stroke-dasharray="1.5 3"/>`);
    labels.push({ y: y(total), text: 'On schedule', x: x2 });
  }
  const series = [
    { key: 'implemented', name: 'Completed or ongoing', value: (i: number) => pts[i]!.plan.implemented, dash: ' stroke-dasharray="7 4"', width: 2, marker: 'square' },
    { key: 'completed', name: 'Completed', value: (i: number) => pts[i]!.plan.counts.completed, dash: '', width: 3, marker: 'circle' },
  ] as const;
  for (const sr of series) {
    if (pts.length === 0) continue;
    const coords = pts.map((pt, i) => [x(dayNumber(pt.asOf)), y(sr.value(i))] as const);
    if (coords.length > 1) {
      out.push(`<polyline class="${sr.key}" points="${coords.map(([a, b]) => `${n2(a)},${n2(b)}`).join(' ')}" fill="none" stroke="#000000" stroke-width="${sr.width}"${sr.dash}/>`);
    }
    // markers (with their figures as tooltips) while they stay apart
    if (coords.length <= 24) coords.forEach(([a, b], i) => {
      const tip = `<title>${xmlText(`${sr.name}, ${pointName(pts[i]!)} (${dateWords(pts[i]!.asOf)}): ${sr.value(i)}`)}</title>`;
      out.push(
        sr.marker === 'circle'
          ? `<circle class="${sr.key}" cx="${n2(a)}" cy="${n2(b)}" r="4" fill="#000000">${tip}</circle>`
          : `<rect class="${sr.key}" x="${n2(a - 4)}" y="${n2(b - 4)}" width="8" height="8" fill="#ffffff" stroke="#000000" stroke-width="1.5">${tip}</rect>`,
      );
    });
    const [lx, ly] = coords[coords.length - 1]!;
    labels.push({ y: ly, text: `${sr.name}: ${sr.value(pts.length - 1)}`, x: lx });
  }
  // direct labels at the right edge, moved apart so they never overlap, with a leader line
  const ys = spread(labels.map((l) => l.y), 15);
  labels.forEach((l, i) => {
    out.push(`<line x1="${n2(l.x + 6)}" y1="${n2(l.y)}" x2="${W - R + 8}" y2="${n2(ys[i]!)}" stroke="#888888" stroke-width="0.75" stroke-dasharray="1 2"/>`);
    out.push(`<text class="label" x="${W - R + 12}" y="${n2(ys[i]! + 4)}" font-size="12">${xmlText(l.text)}</text>`);
  });
  const title = `${plan.title}: progress over time`;
  const last = pts[pts.length - 1];
  const subtitle = last ? `Cumulative, ${pts.length} ${pts.length === 1 ? 'point' : 'points'}, the last as of ${dateWords(last.asOf)}` : 'No points yet';
  return [
    ...(options.inline ? [] : ['<?xml version="1.0" encoding="UTF-8"?>']),
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id('title')} ${id('desc')}" font-family="Arial, Helvetica, sans-serif">`,
    `  <title id="${xmlAttr(id('title'))}">${xmlText(title)}</title>`,
    `  <desc id="${xmlAttr(id('desc'))}">${xmlText(overChartDescription(over, plan))}</desc>`,
    `  <rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `  <text x="${L}" y="22" font-size="15" font-weight="bold">${xmlText(title)}</text>`,
    `  <text x="${L}" y="40" font-size="12">${xmlText(subtitle)}</text>`,
    ...out.map((l) => `  ${l}`),
    '</svg>',
    '',
  ].join('\n');
}
