/** Terminal output fits the terminal: COLUMNS (or the terminal's own width) narrows tables and wraps prose. */
import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/formatters/list/table.js';
import { cli } from '../helpers.js';

const longest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('terminal width', () => {
  it('report fits 80 columns: no bars in the group tables, prose wrapped, same figures', async () => {
    const wide = await cli(['report', '--plan', 'accsm-2021-2025', '--as-of', 'som-21']);
    const narrow = await cli(['report', '--plan', 'accsm-2021-2025', '--as-of', 'som-21'], { env: { COLUMNS: '80' } });
    expect(narrow.code).toBe(0);
    expect(longest(wide.stdout)).toBeGreaterThan(80);
    expect(longest(narrow.stdout)).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toContain('12 of 31 completed or ongoing (39%)');
    expect(narrow.stdout).toMatch(/│ reform +│ +6 │ +1 │ +2 │ +3 │ +3 \(50%\) │\n/);
  });

  it('list and show fit 80 columns', async () => {
    for (const args of [['list', '--plan', 'accsm-2021-2025'], ['show', 'P01']]) {
      const r = await cli(args, { env: { COLUMNS: '80' } });
      expect(r.code).toBe(0);
      expect(longest(r.stdout.split('Status history')[0]!)).toBeLessThanOrEqual(80);
    }
  });

  it('piped output without COLUMNS keeps the full width', async () => {
    expect(longest((await cli(['list', '--plan', 'accsm-2021-2025'])).stdout)).toBeGreaterThan(100);
  });

  it('list column widths: full when there is room, shared when narrow, with floors', () => {
    expect(columnWidths(undefined)).toEqual({ Title: 42, 'Priority areas': 20 });
    expect(columnWidths(200)).toEqual({ Title: 42, 'Priority areas': 20 });
    expect(columnWidths(100)).toEqual({ Title: 24, 'Priority areas': 12 });
    expect(columnWidths(80)).toEqual({ Title: 16, 'Priority areas': 9 });
    expect(columnWidths(40)).toEqual({ Title: 14, 'Priority areas': 8 });
  });
});
