/**
 * The PNG fallback of the 21st SOM chart against a golden image: resvg with the
 * shipped DejaVu Sans must draw the same picture, words included, within a
 * small tolerance for anti-aliasing. UPDATE_GOLDEN=1 rewrites the golden file
 * (look at it before committing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { loadRoot } from '../../../src/core/load.js';
import { resolveAsOf } from '../../../src/core/as-of.js';
import { computeReport } from '../../../src/core/report.js';
import { chartPng, paperChart } from '../../../src/formatters/paper/index.js';
import { EMBEDDED, REPO } from '../../helpers.js';

const GOLDEN = join(REPO, 'test', 'golden', 'chart-som-21.png');
/**
 * Pixels allowed to differ (beyond anti-aliasing, which pixelmatch discounts):
 * small enough that one digit changed (9 → 8, about 40 pixels) fails.
 */
const TOLERANCE = 12;

async function som21Png(): Promise<PNG> {
  const data = loadRoot(EMBEDDED).data;
  const svg = paperChart(computeReport(data, { asOf: resolveAsOf(data, 'som-21'), plans: ['accsm-2021-2025'] }));
  const { png } = await chartPng(svg);
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, png);
  return PNG.sync.read(Buffer.from(png));
}

describe('the chart PNG of the 21st SOM', () => {
  it('matches the golden image within the tolerance', async () => {
    const actual = await som21Png();
    const golden = PNG.sync.read(readFileSync(GOLDEN));
    expect([actual.width, actual.height]).toEqual([golden.width, golden.height]);
    const diff = pixelmatch(actual.data, golden.data, undefined, golden.width, golden.height, { threshold: 0.1 });
    expect(diff).toBeLessThanOrEqual(TOLERANCE);
  });

  it('the comparison can fail: a chart with one count changed differs from the golden image', async () => {
    const data = loadRoot(EMBEDDED).data;
    const asOf = resolveAsOf(data, 'som-21');
    const svg = paperChart(computeReport(data, { asOf, plans: ['accsm-2021-2025'] })).replaceAll('>19</text>', '>18</text>');
    const changed = PNG.sync.read(Buffer.from((await chartPng(svg)).png));
    const golden = PNG.sync.read(readFileSync(GOLDEN));
    const diff = pixelmatch(changed.data, golden.data, undefined, golden.width, golden.height, { threshold: 0.1 });
    expect(diff).toBeGreaterThan(TOLERANCE);
  });
});
