import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PNG } from 'pngjs';
import { computeReport } from '../../../src/core/report.js';
import { STATUSES, type Status } from '../../../src/core/types.js';
import { chartFontFiles, chartPng, paperChart, PRINT_DPI, PRINT_WIDTH_INCHES, STATUS_FILL } from '../../../src/formatters/paper/index.js';
import { xmlAttr } from '../../../src/formatters/shared/xml.js';
import { wrap } from '../../../src/formatters/paper/svg.js';
import { allText, elements, parseXml } from './helpers.js';
import { demoData } from './helpers.js';

const report = computeReport(demoData(), { asOf: '2022-06-01' });
const svg = paperChart(report);
const root = parseXml(svg);

/** Relative luminance (WCAG) of #rrggbb: what a black-and-white printer keeps. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

describe('the chart SVG', () => {
  it('is well-formed XML with an svg root, a title and a description for screen readers', () => {
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.attrs.role).toBe('img');
    const title = elements(root, 'title')[0]!;
    const desc = elements(root, 'desc')[0]!;
    expect(root.attrs['aria-labelledby']).toBe(`${title.attrs.id} ${desc.attrs.id}`);
    expect(title.text).toBe('Status of projects/activities by priority area: Demo Work Plan 2021-2025, as of 1 June 2022');
    // the description gives every count in words
    expect(desc.text).toContain('All projects/activities: 5 projects/activities (1 completed, 1 ongoing, 2 planned and 1 cancelled)');
    expect(desc.text).toContain('Gamma: 4 projects/activities (1 ongoing, 2 planned and 1 cancelled)');
  });

  it('is self-contained: no external reference, image, script, style sheet or web font', () => {
    expect(svg).not.toMatch(/<image|<script|<style|<foreignObject|@import|@font-face|href=|url\((?!#)/);
    // the namespace name is an identifier, not something fetched
    for (const e of elements(root)) for (const [k, v] of Object.entries(e.attrs)) if (k !== 'xmlns') expect(v).not.toMatch(/^(https?:|data:|file:)/);
  });

  it('has one pattern per status, each a distinct fill lightness and a distinct overlay', () => {
    const patterns = elements(root, 'pattern');
    expect(patterns.map((p) => p.attrs.id).sort()).toEqual(STATUSES.map((s) => `accsm-${s}`).sort());
    const fills = patterns.map((p) => p.children[0]!.attrs.fill!);
    const lum = fills.map(luminance).sort((a, b) => a - b);
    for (let i = 1; i < lum.length; i++) expect(lum[i]! - lum[i - 1]!).toBeGreaterThan(0.15);
    const overlays = patterns.map((p) => p.children.slice(1).map((c) => `${c.name}:${JSON.stringify(c.attrs)}`).join());
    expect(new Set(overlays).size).toBe(STATUSES.length);
    for (const s of STATUSES) expect(patterns.find((p) => p.attrs.id === `accsm-${s}`)!.children[0]!.attrs.fill).toBe(STATUS_FILL[s]);
  });

  it('draws a bar for the whole plan and one per priority area, with a segment per status present, widths proportional to counts', () => {
    const bars = elements(root, 'g').filter((g) => g.attrs.class === 'bar');
    expect(bars).toHaveLength(1 + report.plans[0]!.byPriorityArea.length);
    const groups = [report.plans[0]!, ...report.plans[0]!.byPriorityArea];
    bars.forEach((bar, i) => {
      const f = groups[i]!;
      const segs = elements(bar, 'rect').filter((r) => r.attrs.class?.startsWith('segment'));
      const present = (['completed', 'ongoing', 'planned', 'postponed', 'cancelled'] as Status[]).filter((s) => f.counts[s] > 0);
      expect(segs.map((r) => r.attrs.class)).toEqual(present.map((s) => `segment ${s}`));
      segs.forEach((r, k) => {
        expect(r.attrs.fill).toBe(`url(#accsm-${present[k]})`);
        // 400 px for the largest plan total (5) on the whole-plan bar; for the largest area total on the area bars
        const scale = i === 0 ? 5 : Math.max(...report.plans[0]!.byPriorityArea.map((a) => a.total));
        expect(Number(r.attrs.width)).toBeCloseTo((f.counts[present[k]!] / scale) * 400, 1);
      });
      expect(allText(elements(bar, 'text').find((t) => t.attrs.class === 'total')!)).toBe(String(f.total));
      const counts = elements(bar, 'text').filter((t) => t.attrs.class === 'count').map(allText);
      expect(counts).toEqual(present.map((s) => String(f.counts[s])));
    });
    const labels = bars.map((b) => allText(elements(b, 'text').find((t) => t.attrs.class === 'label')!));
    expect(labels).toEqual(['All projects/activities', `Alpha & <Beta> "quoted" 'too'`, 'Gamma']);
  });

  it('has a legend naming each status shown, with its pattern', () => {
    const legend = elements(root, 'g').find((g) => g.attrs.class === 'legend')!;
    expect(elements(legend, 'text').map(allText).slice(0, 4)).toEqual(['Completed', 'Ongoing', 'Planned', 'Cancelled']);
    expect(elements(legend, 'rect').map((r) => r.attrs.fill)).toEqual(['url(#accsm-completed)', 'url(#accsm-ongoing)', 'url(#accsm-planned)', 'url(#accsm-cancelled)']);
  });

  it('escapes all five XML special characters in text', () => {
    expect(xmlAttr(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(svg).toContain('Alpha &amp; &lt;Beta&gt; &quot;quoted&quot; &apos;too&apos;');
    const hostile = demoData();
    hostile.plans[0]!.plan.title = `</title><script>alert("x")</script> & co`;
    const text = paperChart(computeReport(hostile, { asOf: '2022-06-01' }));
    expect(() => parseXml(text)).not.toThrow();
    expect(text).not.toContain('<script>');
  });

  it('wraps long labels at spaces', () => {
    expect(wrap('Enhancing workforce competencies and standards in the public sectors', 42)).toEqual(['Enhancing workforce competencies and', 'standards in the public sectors']);
    expect(wrap('short', 42)).toEqual(['short']);
  });
});

describe('the PNG fallback for Word', () => {
  it('is drawn from the SVG by resvg at print resolution (6.25 inches at 300 dpi), keeping its aspect ratio', async () => {
    const { png, width, height } = await chartPng(svg);
    expect(width).toBe(PRINT_WIDTH_INCHES * PRINT_DPI);
    expect(height).toBe(Math.round((Number(root.attrs.height) * width) / Number(root.attrs.width)));
    const image = PNG.sync.read(Buffer.from(png));
    expect([image.width, image.height]).toEqual([width, height]);
    // the middle of the first completed segment is the completed colour
    const seg = elements(root, 'rect').find((r) => r.attrs.class === 'segment completed')!;
    const k = width / Number(root.attrs.width);
    const x = Math.floor((Number(seg.attrs.x) + Number(seg.attrs.width) / 2 - 2) * k);
    const y = Math.floor((Number(seg.attrs.y) + 3) * k);
    const at = (y * width + x) * 4;
    expect(`#${[...image.data.subarray(at, at + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`).toBe(STATUS_FILL.completed);
  });

  it("uses the fonts shipped in dejavu-fonts-ttf, not the machine's", () => {
    const files = chartFontFiles();
    expect(files.map((f) => basename(f))).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']);
    for (const f of files) expect(readFileSync(f).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
  });
});
