/** "Did you mean": the bounded edit distance gives the full one's answer, and its work grows with length × cap, not length². */
import { describe, expect, it } from 'vitest';
import { levenshtein, nearMatches, suggest } from '../../src/core/suggest.js';

/** The textbook full-table distance, to check the banded one against. */
function full(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

describe('levenshtein with a cap', () => {
  it('equals the full distance when within the cap, and cap + 1 past it (2,000 random pairs)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = () => Array.from({ length: rnd(9) }, () => 'abc'[rnd(3)]).join('');
    for (let k = 0; k < 2000; k++) {
      const a = word();
      const b = word();
      const cap = rnd(5);
      const d = full(a, b);
      expect(levenshtein(a, b, cap), `${a} ${b} cap ${cap}`).toBe(d <= cap ? d : cap + 1);
      expect(levenshtein(a, b)).toBe(d);
    }
  });

  it('gives the same distances after a long pair as before it (its rows are kept between calls)', () => {
    const pairs: [string, string][] = [['kitten', 'sitting'], ['', 'abc'], ['abc', ''], ['flaw', 'lawn'], ['status', 'stauts'], ['a'.repeat(70), 'a'.repeat(69) + 'b']];
    const before = pairs.map(([a, b]) => levenshtein(a, b));
    expect(levenshtein('x'.repeat(3_000), 'y'.repeat(3_000), 2)).toBe(3);
    expect(levenshtein('m'.repeat(2_999) + 'a', 'm'.repeat(2_999) + 'b')).toBe(1);
    expect(pairs.map(([a, b]) => levenshtein(a, b))).toEqual(before);
    expect(before).toEqual(pairs.map(([a, b]) => full(a, b)));
  });

  it('grows linearly with the length of two long, nearly equal ids (1,500 to 6,000 characters)', () => {
    const id = (n: number, last: string) => 'm'.repeat(n - 1) + last;
    // the cells of the table it fills, counted: 4x the length is about 4x the cells (a full table would be 16x)
    const cells = (n: number) => {
      const work = { cells: 0 };
      expect(levenshtein(id(n, 'a'), id(n, 'b'), 3, work)).toBe(1);
      return work.cells;
    };
    expect(cells(1500)).toBeGreaterThan(1500);
    expect(cells(6000) / cells(1500)).toBeLessThan(4.1);
    // and without a cap the whole table is filled, which the count shows
    const full = { cells: 0 };
    levenshtein(id(300, 'a'), id(300, 'b'), Infinity, full);
    expect(full.cells).toBe(300 * 300);
  });
});

describe('suggestions over long ids', () => {
  const ids = (n: number, length: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(length - 4)}`);
  it('suggest and nearMatches stay linear in the length of the ids (6,000 to 24,000 characters)', () => {
    const words = (length: number) => ids(40, length);
    // the cells of the distance tables they fill, counted (the rest is lower-casing and includes, linear in the text)
    const counted = (f: (n: number, work: { cells: number }) => void) => (n: number) => {
      const work = { cells: 0 };
      f(n, work);
      return work.cells;
    };
    const bySuggest = counted((n, work) => void suggest(`${'z'.repeat(n)}`, words(n), work));
    const byNear = counted((n, work) => void nearMatches(`9999${'x'.repeat(n - 4)}`, words(n), 5, work));
    // a word that is no near match stops after a few rows of each table: work that does not grow with the length at all
    expect(bySuggest(6000)).toBeGreaterThan(0);
    expect(bySuggest(24000) / bySuggest(6000)).toBeLessThan(4.1);
    expect(byNear(6000)).toBeGreaterThan(6000);
    expect(byNear(24000) / byNear(6000)).toBeLessThan(4.1);
  });

  it('still finds a near id and a typo', () => {
    expect(nearMatches('P7', ['P07', 'P17', 'Q99'])).toEqual(['P07', 'P17']);
    expect(suggest('priorty_areas', ['priority_areas', 'title'])).toBe('priority_areas');
  });
});
