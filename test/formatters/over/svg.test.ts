/** The progress-over-time chart: hostile text stays inert, the series are told apart without colour, the text alternative lists every point. */
import { describe, expect, it } from 'vitest';
import { loadRoot } from '../../../src/index.js';
import { computeOverTime } from '../../../src/core/over-time.js';
import { overChart } from '../../../src/formatters/over/svg.js';
import { EMBEDDED } from '../../helpers.js';

const data = loadRoot(EMBEDDED).data;

describe('overChart', () => {
  const over = computeOverTime(data, { over: 'meetings', asOf: '2026-11-23', plans: ['accsm-2021-2025'] });
  const plan = over.plans[0]!;

  it('escapes a hostile plan title and meeting name', () => {
    const hostile = { ...plan, title: '<script>alert(1)</script> & "x"', points: plan.points.map((p) => ({ ...p, meeting: { ...p.meeting!, name: '</title><a href="https://evil.example">x</a>' } })) };
    const svg = overChart(over, hostile);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<a ');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"');
    expect(svg).toContain('&lt;/title&gt;&lt;a href="https://evil.example"&gt;x&lt;/a&gt;');
  });

  it('draws the two series in different dash styles and markers, with direct labels, and the on-schedule line', () => {
    const svg = overChart(over, plan);
    expect(svg).toMatch(/<polyline class="completed"[^>]*stroke-width="3"\/>/);
    expect(svg).toMatch(/<polyline class="implemented"[^>]*stroke-dasharray="7 4"\/>/);
    expect(svg.match(/<circle class="completed"/g)).toHaveLength(5);
    expect(svg.match(/<rect class="implemented"/g)).toHaveLength(5);
    expect(svg).toMatch(/<line class="on-schedule"[^>]*stroke-dasharray/);
    expect(svg).toContain('>On schedule</text>');
    // the axis is the plan period; it runs on past the end, marked, only when a point is later
    expect(svg).not.toContain('>Plan ends</text>');
    const years = computeOverTime(data, { over: 'years', asOf: '2026-11-23', plans: ['accsm-2021-2025'] });
    expect(overChart(years, years.plans[0]!)).toContain('>Plan ends</text>');
  });

  it('ids carry the prefix, and inline charts have no XML declaration', () => {
    const svg = overChart(over, plan, { idPrefix: 'p1', inline: true });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).toContain('aria-labelledby="p1-title p1-desc"');
  });

  it('an empty plan gives a chart without lines that says so', () => {
    const svg = overChart(over, { ...plan, points: [] });
    expect(svg).toContain('No points yet');
    expect(svg).not.toContain('<polyline');
  });
});
