/**
 * The paper's chart: one stacked horizontal bar per priority area (and one for
 * the whole plan) by status, as a self-contained SVG: no external fonts,
 * images or scripts. Statuses differ both in lightness and in pattern (solid,
 * diagonal lines, horizontal lines, dots, crosshatch), so the chart stays
 * readable printed in black and white. Counts are read from the report.
 */
import type { GroupFigures, Report } from '../../core/report.js';
import { STATUS_ORDER, type Status } from '../../core/types.js';
import { capital, dateWords, wrapLines } from '../shared/words.js';
import { svgNumber, xmlAttr } from '../shared/xml.js';
import { joinList, projectsNoun } from './words.js';

/** Base fill of each status, darkest to lightest in the order of STATUS_ORDER but for postponed. */
export const STATUS_FILL: Record<Status, string> = {
  completed: '#1f3a5f',
  ongoing: '#4a7db5',
  postponed: '#d9a441',
  planned: '#cfe0f1',
  cancelled: '#ffffff',
};

const OVERLAY: Record<Status, string> = {
  completed: '',
  ongoing: '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#ffffff" stroke-width="1.5"/>',
  postponed: '<path d="M0,2 h8 M0,6 h8" stroke="#000000" stroke-width="1"/>',
  planned: '<circle cx="2" cy="2" r="1.1" fill="#1f3a5f"/><circle cx="6" cy="6" r="1.1" fill="#1f3a5f"/>',
  cancelled: '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#555555" stroke-width="1"/>',
};

const W = 800;
const LABEL_X = 16;
const LABEL_CHARS = 42;
const BAR_X = 320;
const BAR_W = 400;
const BAR_H = 18;
const LINE_H = 14;

const n2 = svgNumber;

/** Splits a label into lines of at most `max` characters, at spaces. */
export function wrap(text: string, max = LABEL_CHARS): string[] {
  const lines = wrapLines(text, max);
  return lines.length ? lines : [''];
}

function patternId(s: Status): string {
  return `accsm-${s}`;
}

function defs(): string {
  const patterns = STATUS_ORDER.map(
    (s) =>
      `<pattern id="${patternId(s)}" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${STATUS_FILL[s]}" shape-rendering="crispEdges"/>${OVERLAY[s]}</pattern>`,
  );
  return `<defs>\n    ${patterns.join('\n    ')}\n  </defs>`;
}

function describe(label: string, f: GroupFigures): string {
  const parts = STATUS_ORDER.filter((s) => f.counts[s] > 0).map((s) => `${f.counts[s]} ${s}`);
  return `${label}: ${projectsNoun(f.total)}${parts.length ? ` (${joinList(parts)})` : ''}`;
}

function bar(f: GroupFigures, y: number, scale: number): string[] {
  const out: string[] = [];
  let x = BAR_X;
  if (f.total === 0) out.push(`<rect x="${BAR_X}" y="${n2(y)}" width="1" height="${BAR_H}" fill="#000000"/>`);
  for (const s of STATUS_ORDER) {
    const n = f.counts[s];
    if (n === 0) continue;
    const w = (n / scale) * BAR_W;
    out.push(
      `<rect class="segment ${s}" x="${n2(x)}" y="${n2(y)}" width="${n2(w)}" height="${BAR_H}" fill="url(#${patternId(s)})" stroke="#000000" stroke-width="0.75"><title>${xmlAttr(`${capital(s)}: ${n}`)}</title></rect>`,
    );
    if (w >= String(n).length * 7 + 4) {
      // the white halo is a text of its own underneath, as not every renderer (LibreOffice) knows paint-order
      const at = `x="${n2(x + w / 2)}" y="${n2(y + BAR_H / 2 + 4)}" text-anchor="middle" font-size="11" font-weight="bold"`;
      out.push(`<text class="halo" ${at} fill="#ffffff" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" aria-hidden="true">${n}</text>`);
      out.push(`<text class="count" ${at} fill="#000000">${n}</text>`);
    }
    x += w;
  }
  out.push(`<text class="total" x="${n2(x + 6)}" y="${n2(y + BAR_H / 2 + 4)}" font-size="11" fill="#000000">${f.total}</text>`);
  return out;
}

/** The chart for every plan of a report, as one SVG document. */
export function paperChart(report: Report): string {
  const title = 'Status of projects/activities by priority area';
  const subtitle = `${report.plans.map((p) => p.title).join('; ')}, as of ${dateWords(report.asOf)}`;
  const body: string[] = [];
  const desc: string[] = [];
  // the whole-plan bars share one scale, the priority-area bars another, so that a segment of 1 in an area is wide enough to carry its count
  const planScale = Math.max(1, ...report.plans.map((p) => p.total));
  const areaScale = Math.max(1, ...report.plans.flatMap((p) => p.byPriorityArea.map((a) => a.total)));
  let y = 64;
  for (const plan of report.plans) {
    if (report.plans.length > 1) {
      body.push(`<text class="plan" x="${LABEL_X}" y="${y + 12}" font-size="13" font-weight="bold">${xmlAttr(plan.title)}</text>`);
      y += 24;
    }
    const rows: { label: string; f: GroupFigures; bold: boolean; scale: number }[] = [
      { label: 'All projects/activities', f: plan, bold: true, scale: planScale },
      ...plan.byPriorityArea.map((a) => ({ label: a.title, f: a, bold: false, scale: areaScale })),
    ];
    desc.push(`${plan.title}: ${rows.map((r) => describe(r.label, r.f)).join('; ')}.`);
    for (const row of rows) {
      const lines = wrap(row.label);
      const h = Math.max(BAR_H + 8, lines.length * LINE_H + 8);
      const top = y + (h - BAR_H) / 2;
      const textTop = y + (h - lines.length * LINE_H) / 2 + 11;
      const tspans = lines.map((l, i) => `<tspan x="${LABEL_X}" y="${n2(textTop + i * LINE_H)}">${xmlAttr(l)}</tspan>`).join('');
      body.push(`<g class="bar">`);
      body.push(`  <text class="label" font-size="12"${row.bold ? ' font-weight="bold"' : ''}>${tspans}</text>`);
      for (const part of bar(row.f, top, row.scale)) body.push(`  ${part}`);
      body.push(`</g>`);
      y += h;
      // a gap between the whole-plan bar and the area bars, which are drawn to their own scale
      if (row.bold) y += 10;
    }
    y += 8;
  }
  // legend
  const used = STATUS_ORDER.filter((s) => s === 'completed' || s === 'ongoing' || s === 'planned' || report.plans.some((p) => p.counts[s] > 0));
  y += 8;
  const legend: string[] = [`<g class="legend">`];
  let x = LABEL_X;
  for (const s of used) {
    legend.push(`  <rect x="${x}" y="${y}" width="14" height="14" fill="url(#${patternId(s)})" stroke="#000000" stroke-width="0.75"/>`);
    legend.push(`  <text x="${x + 20}" y="${y + 11}" font-size="12">${xmlAttr(capital(s))}</text>`);
    x += 20 + capital(s).length * 7 + 24;
  }
  legend.push(`  <text x="${LABEL_X}" y="${y + 34}" font-size="11">Numbers: projects/activities. The priority-area bars are drawn to a larger scale than the bar for all projects/activities.</text>`);
  legend.push(`</g>`);
  const height = y + 48;
  const descText = `Stacked bars, one per priority area and one for all projects/activities, by status. ${desc.join(' ')}`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="Arial, Helvetica, sans-serif">`,
    `  <title id="chart-title">${xmlAttr(`${title}: ${subtitle}`)}</title>`,
    `  <desc id="chart-desc">${xmlAttr(descText)}</desc>`,
    `  ${defs()}`,
    `  <rect width="${W}" height="${height}" fill="#ffffff"/>`,
    `  <text class="title" x="${LABEL_X}" y="26" font-size="16" font-weight="bold">${xmlAttr(title)}</text>`,
    `  <text class="subtitle" x="${LABEL_X}" y="46" font-size="12">${xmlAttr(subtitle)}</text>`,
    ...body.map((l) => `  ${l}`),
    ...legend.map((l) => `  ${l}`),
    `</svg>`,
    '',
  ].join('\n');
}
