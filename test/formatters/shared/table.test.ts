/** The terminal table: the same text as cli-table3 (which it replaced) for the tables accsm draws, and linear in its rows. */
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { textTable, type TextColumn } from '../../../src/formatters/shared/table.js';
import { random } from '../../random.js';

const ASCII_CHARS = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '+', mid: '-', 'mid-mid': '+',
  right: '|', 'right-mid': '+', middle: '|',
};

/** What the old renderer drew (src/formatters/shared/table.ts before issue 17). */
function cliTable3(columns: readonly TextColumn[], rows: readonly (readonly string[])[], options: { ascii?: boolean; heading?: (s: string) => string } = {}): string {
  const heading = options.heading ?? ((s: string) => s);
  const table = new Table({
    head: columns.map((c) => heading(c.title)),
    colAligns: columns.map((c) => c.align ?? 'left'),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
    ...(options.ascii ? { chars: ASCII_CHARS } : {}),
    ...(columns.some((c) => c.width) ? { colWidths: columns.map((c) => c.width ?? null) as number[], wordWrap: true } : {}),
  });
  for (const r of rows) table.push([...r]);
  return table.toString();
}

const c = new Chalk({ level: 1 });
const WORDS = ['a', 'Civil', 'service', 'Thai', 'Việt Nam', 'ราชการ', '公务员', '한국', 'competencies', 'x'.repeat(30), '', '12', '100%', 'BRN,KHM', 'Đ', '█████░░░'];
const STYLES = [(s: string) => s, c.bold, c.red, c.green, c.yellow, c.dim, (s: string) => c.bold(c.blue(s))];

function cell(next: () => number): string {
  const n = Math.floor(next() * 6);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  let text = words.join(next() < 0.2 ? '  ' : ' ');
  if (next() < 0.1) text = text.replace(' ', '\n');
  if (next() < 0.3) text = STYLES[Math.floor(next() * STYLES.length)]!(text);
  if (next() < 0.1) text = `${c.yellow('P1')} ${text}`;
  return text;
}

describe('textTable', () => {
  it('draws what cli-table3 drew: widths, wraps, alignment, colour over wrapped lines, truncation, wide characters', () => {
    const next = random(17);
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(next() * 5);
      const columns: TextColumn[] = Array.from({ length: n }, (_, i) => ({
        title: next() < 0.2 ? 'Completed\nor ongoing' : `Col ${i}`,
        ...(next() < 0.4 ? { align: 'right' as const } : {}),
        ...(next() < 0.4 ? { width: 4 + Math.floor(next() * 20) } : {}),
      }));
      const rows = Array.from({ length: Math.floor(next() * 6) }, () => columns.map(() => cell(next)));
      const options = { ascii: next() < 0.5, heading: c.bold };
      expect(textTable(columns, rows, options), JSON.stringify({ columns, rows })).toBe(cliTable3(columns, rows, options));
    }
  });

  it('draws a header-only table and an empty cell as cli-table3 did', () => {
    const columns: TextColumn[] = [{ title: 'Title', width: 10 }, { title: 'n', align: 'right' }];
    expect(textTable(columns, [])).toBe(cliTable3(columns, []));
    expect(textTable(columns, [['', '']])).toBe(cliTable3(columns, [['', '']]));
    expect(textTable(columns, [['one two three four', '7']], { ascii: true })).toBe(
      ['+----------+---+', '| Title    | n |', '+----------+---+', '| one two  | 7 |', '| three    |   |', '| four     |   |', '+----------+---+'].join('\n'),
    );
  });

  it('grows linearly with its rows: each cell is read a fixed number of times, however many rows come before it', () => {
    // the work counted, not timed (a timed ratio failed under load): every read of a cell of a row, through a proxy
    // on the row; cli-table3 scanned every earlier row for each cell, which makes the reads grow with the square of the rows
    const columns: TextColumn[] = [{ title: 'ID' }, { title: 'Title', width: 42 }, { title: 'Status' }, { title: 'Leads' }];
    const reads = (n: number) => {
      let count = 0;
      const rows = Array.from({ length: n }, (_, i) => {
        const row = [`P${i}`, `Project ${i} on competencies in the public sector, with a longer title`, c.green('ongoing'), 'BRN, KHM'];
        return new Proxy(row, {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) count++;
            return Reflect.get(target, key, receiver) as unknown;
          },
        });
      });
      const text = textTable(columns, rows);
      // the proxies did not change what is written
      expect(text).toContain('P0 ');
      expect(text).toContain(`P${n - 1} `);
      return count;
    };
    const small = reads(200);
    const large = reads(2000);
    expect(small).toBeGreaterThan(200 * 4 - 1);
    // linear: exactly 10x the reads for 10x the rows (give or take the header's); quadratic would be 100x
    expect(large / small).toBeLessThan(10.5);
  });
});
