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

  it('grows linearly with its rows: 10x the rows costs well under 100x the CPU time', () => {
    const columns: TextColumn[] = [{ title: 'ID' }, { title: 'Title', width: 42 }, { title: 'Status' }, { title: 'Leads' }];
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`P${i}`, `Project ${i} on competencies in the public sector, with a longer title`, c.green('ongoing'), 'BRN, KHM']);
    const cpu = (n: number) => {
      const data = rows(n);
      let least = Infinity;
      for (let i = 0; i < 3; i++) {
        const start = process.cpuUsage();
        textTable(columns, data);
        const used = process.cpuUsage(start);
        least = Math.min(least, used.user + used.system);
      }
      return least;
    };
    cpu(500); // warm up the JIT
    const ratio = cpu(5000) / Math.max(cpu(500), 1000);
    // linear is about 10, quadratic about 100
    expect(ratio).toBeLessThan(30);
  });
});
