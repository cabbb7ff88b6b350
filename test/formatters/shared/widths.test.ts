/** Column widths from content (for Word's twips and pandoc's separator dashes): no column narrower than its longest word. */
import { describe, expect, it } from 'vitest';
import { mdTable } from '../../../src/formatters/shared/markdown.js';
import { columnWidths, longestWord, plainLongestWord, proportional } from '../../../src/formatters/shared/widths.js';
import { below, random } from '../../random.js';

const AREAS = [
  ['Priority area', 'Projects/activities', 'Completed', 'Ongoing', 'Planned', 'Completed or ongoing'],
  ['Enhancing workforce competencies and standards in the public sectors', '6', '2 (33%)', '0', '4 (67%)', '2 (33%)'],
  ['Building institutional capacities', '7', '2 (29%)', '1 (14%)', '4 (57%)', '3 (43%)'],
];

describe('columnWidths', () => {
  it('gives each column at least its longest word, and shares the rest by what each still needs', () => {
    const w = columnWidths(AREAS, { budget: 80 });
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(80, 6);
    expect(w[1]).toBeGreaterThanOrEqual('Projects/activities'.length);
    expect(w[0]).toBeGreaterThanOrEqual('competencies'.length);
    // the long titles get the most room
    expect(Math.max(...w)).toBe(w[0]);
    // a short cell ("2 (33%)") is never broken
    expect(w[2]).toBeGreaterThanOrEqual('Completed'.length);
    expect(w[5]).toBeGreaterThanOrEqual('Completed'.length);
  });

  it('keeps a short bracketed group whole ("(15 June 2021)"), not a long one', () => {
    const [w] = columnWidths([['Completed (15 June 2021)']], { budget: 14 });
    expect(w).toBe('(15 June 2021)'.length);
    const [v] = columnWidths([['Project/activity 03 (placeholder; not in the public record)']], { budget: 10 });
    expect(v).toBe('Project/activity'.length);
  });

  it('when everything fits on one line, widens in proportion to content', () => {
    expect(columnWidths([['ab', 'abcd']], { budget: 12 })).toEqual([4, 8]);
  });

  it('without keepBrackets, finds the longest words as splitting at white space does (every kind of \\s, at either end too)', () => {
    const pieces = ['a', 'competencies', 'Đổi mới', ' ', '  ', '\t', '\u00a0', '\u3000', '\u2028', '\ufeff', 'x'.repeat(20), '(15 June 2021)', '公务员制度'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const rows = Array.from({ length: 200 }, () => Array.from({ length: 3 }, () => Array.from({ length: Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join('')));
    // a measure given makes columnWidths split the words itself; one row at a time, so that no long word hides another
    for (const row of rows) expect(columnWidths([row], { budget: 3, keepBrackets: false }), JSON.stringify(row)).toEqual(columnWidths([row], { budget: 3, keepBrackets: false, measure: (t) => t.length }));
  });

  it('when the longest words alone overflow the budget, returns them (wider than the budget)', () => {
    expect(columnWidths([['abcdefghij', 'abcdefghij']], { budget: 12 })).toEqual([10, 10]);
  });
});

describe('proportional', () => {
  it('rounds to whole numbers that add up to the total, each at least the least', () => {
    expect(proportional([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(proportional([100, 1], 10, 3)).toEqual([7, 3]);
  });
});

describe('pipe-table separators for pandoc', () => {
  it('have dashes in proportion to the widths, 100 in all', () => {
    const md = mdTable(AREAS[0]!.map((title, j) => ({ title, align: j === 0 ? 'left' : 'right' })), AREAS.slice(1));
    const sep = md.split('\n')[1]!;
    const cells = sep.slice(1, -1).split('|');
    expect(cells.reduce((a, c) => a + c.length, 0)).toBe(100);
    const w = columnWidths(AREAS, { budget: 72 - 3 * 6, keepBrackets: false }).map((x) => x + 3);
    const share = w.map((x) => x / w.reduce((a, b) => a + b, 0));
    cells.forEach((c, j) => expect(Math.abs(c.length / 100 - share[j]!)).toBeLessThan(0.02));
  });
});

describe('plainLongestWord', () => {
  it('measures a plain cell as longestWord does, at every length around the unbreakable limit, and finds every other cell not plain', () => {
    const next = random(5);
    const plain = 'abcxyzABZ0129 .,;:()-/%&#@!?+="\''.split('');
    const marked = ['*', '_', '`', '[', ']', '<', '>', '|', '$', '~', '^', '\\', '\t', '\n', '\u0000', '\u007f', 'é', '—', '😀'];
    for (let t = 0; t < 4000; t++) {
      const length = below(next, 30);
      const chars = Array.from({ length }, () => plain[below(next, plain.length)]!);
      const cell = chars.join('');
      expect(plainLongestWord(cell)).toBe(longestWord(cell));
      if (length > 0) {
        chars[below(next, length)] = marked[below(next, marked.length)]!;
        expect(plainLongestWord(chars.join(''))).toBe(-1);
      }
    }
  });
});
