/** Next free ids in a plan's own pattern, and near matches for a mistyped id. */
import { describe, expect, it } from 'vitest';
import { nextFreeId } from '../../../src/core/edit/ids.js';
import { nearMatches } from '../../../src/core/suggest.js';

const range = (prefix: string, from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => prefix + String(from + i).padStart(width, '0'));

describe('nextFreeId', () => {
  it('continues the pattern: zero padding, prefixes with hyphens, no padding', () => {
    expect(nextFreeId(range('P', 1, 31, 2))).toBe('P32');
    expect(nextFreeId(['ACT-7', 'ACT-3'])).toBe('ACT-8');
    expect(nextFreeId(range('P', 1, 9, 1))).toBe('P10');
    expect(nextFreeId(range('P', 1, 99, 2))).toBe('P100');
    expect(nextFreeId(['A001', 'A002'])).toBe('A003');
  });

  it('starts at P01 in a plan without projects, and follows the most common prefix', () => {
    expect(nextFreeId([])).toBe('P01');
    expect(nextFreeId(['study-visit', 'workshop'])).toBe('P01');
    expect(nextFreeId(['P01', 'P02', 'X9'])).toBe('P03');
  });

  it('never returns a taken id, whatever the letter case', () => {
    expect(nextFreeId(['P01', 'P02', 'p03'])).toBe('P04');
  });
});

describe('nearMatches', () => {
  const ids = range('P', 1, 31, 2);
  it('finds the same id up to case and zero padding first', () => {
    expect(nearMatches('p7', ids)[0]).toBe('P07');
    expect(nearMatches('P7', ids)).toContain('P07');
  });
  it('lists close spellings, at most five, and nothing for a far one', () => {
    const near = nearMatches('P99', ids);
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThanOrEqual(5);
    for (const id of near) expect(id).toMatch(/^P[0-3]9$/);
    expect(nearMatches('workshop', ids)).toEqual([]);
  });
});
