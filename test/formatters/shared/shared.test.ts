/** The helpers every report, list and show format shares. */
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../../src/formatters/shared/bar.js';
import { csvDocument, csvField } from '../../../src/formatters/shared/csv.js';
import { mdCode, mdTable, mdText, mdTextTable } from '../../../src/formatters/shared/markdown.js';
import { dateWords, illustrativeWords, monthWords, projectionWords, scheduleWords, wrap } from '../../../src/formatters/shared/words.js';
import { parseCsv, markdownTables } from '../parsers.js';
import { below, random } from '../../random.js';

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
  it('writes numbers, booleans and missing values', () => {
    expect(csvDocument(['a', 'b', 'c', 'd'], [[1, true, undefined, null]])).toBe('a,b,c,d\r\n1,true,,\r\n');
  });
  it('round-trips through an RFC 4180 parser', () => {
    const rows = [['x', 'a,"b"\r\nc', '', 'é ü 漢']];
    expect(parseCsv(csvDocument(['h1', 'h2', 'h3', 'h4'], rows))).toEqual([['h1', 'h2', 'h3', 'h4'], ...rows]);
  });
});

describe('markdown', () => {
  it('escapes | and Markdown punctuation, and turns line breaks into spaces', () => {
    expect(mdText('a | b')).toBe('a \\| b');
    expect(mdText('one\ntwo\r\nthree')).toBe('one two three');
    expect(mdText('*x* _y_ `z` [l](u) <b> #1')).toBe('\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\> #1');
    expect(mdText('a*b_c`d[e]f<g>h|i$j~k^l\\m')).toBe('a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\$j\\~k\\^l\\\\m');
  });
  it('at a line start, also escapes what would open a heading, a list or a rule', () => {
    expect(mdText('# not a heading', true)).toBe('\\# not a heading');
    expect(mdText('1. not a list', true)).toBe('1\\. not a list');
    expect(mdText('- not a list', true)).toBe('\\- not a list');
    expect(mdText('# fine mid-line')).toBe('# fine mid-line');
  });
  it('keeps a title with a line break on its line (no heading of its own), dropping breaks at the ends', () => {
    expect(mdText('Meeting\n# Heading\n')).toBe('Meeting # Heading');
    expect(mdText('\r\nTitle\r\n')).toBe('Title');
  });
  it('makes code spans that survive backticks', () => {
    expect(mdCode('main')).toBe('`main`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x')).toBe('`` `x ``');
  });
  it('builds a table whose rows have the header\'s cell count', () => {
    const text = mdTable([{ title: 'A' }, { title: 'B', align: 'right' }], [['x', '1'], ['', '2']]);
    // 100 dashes shared by content: two one-character columns get half each
    const [left, right] = ['-'.repeat(50), `${'-'.repeat(49)}:`];
    expect(text).toBe(`| A | B |\n|${left}|${right}|\n| x | 1 |\n|   | 2 |\n`);
    expect(markdownTables(`\n${text}`)[0]).toEqual({ header: ['A', 'B'], align: [left, right], rows: [['x', '1'], ['', '2']] });
  });
  it('makes of plain texts the table mdTable makes of them escaped, bold rows in strong emphasis, however the cells mix plain and marked-up text', () => {
    // plain (printable ASCII, no markup), short and long words, markup, line breaks, controls, non-ASCII, bidi, empty: alone and mixed
    const pieces = ['a', 'Regional', 'workshop', ' ', '  ', 'P00001', 'BN, SG', '(15 June 2021)', 'abcdefghijklmnopq', '*', '**', '\\', '|', '_', '`', '<b>', '$', '~', '^', '[x]', '#', '1.', '\n', '\r\n', '\u2028', '\u0007', '\u001b[31m', '\u202e', '\u0085', 'é', '—', '漢字', '😀', '\t'];
    const rnd = random(11);
    const next = () => below(rnd, 1 << 30);
    const cell = () => Array.from({ length: next() % 7 }, () => pieces[next() % pieces.length]).join('');
    for (let t = 0; t < 300; t++) {
      const n = 1 + (next() % 6);
      const columns = Array.from({ length: n }, () => ({ title: cell() || 'T', ...(next() % 3 === 0 ? { align: 'right' as const } : {}) }));
      const rows = Array.from({ length: next() % 8 }, () => Array.from({ length: n }, cell));
      const strong = new Set(rows.map((_, i) => i).filter(() => next() % 4 === 0));
      const escaped = rows.map((r, i) => r.map((c) => (strong.has(i) ? `**${mdText(c)}**` : mdText(c))));
      expect(mdTextTable(columns, rows, (i) => strong.has(i))).toBe(mdTable(columns, escaped));
    }
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => mdTable([{ title: 'A' }], [['x', 'y']])).toThrow(RangeError);
  });
});

describe('progressBar', () => {
  it.each([
    [0, '          '],
    [100, '██████████'],
    [50, '█████     '],
    [25, '██▌       '], // 2.5 cells = 2 full and 4 eighths
    [1, '▏         '], // 0.1 cell = 0.8 eighth → 1 eighth
    [39, '███▉      '], // 3.9 cells = 31.2 eighths → 31 = 3 full and 7 eighths
  ])('%i%% → %j', (pct, bar) => {
    expect(progressBar(pct)).toBe(bar);
    expect(progressBar(pct)).toHaveLength(10);
  });
  it('has an ASCII form', () => {
    expect(progressBar(39, { ascii: true })).toBe('####......');
    expect(progressBar(0, { ascii: true, width: 4 })).toBe('....');
  });
});

describe('words', () => {
  it('writes dates and months in words', () => {
    expect(dateWords('2022-08-03')).toBe('3 August 2022');
    expect(monthWords('2028-01')).toBe('January 2028');
    expect(scheduleWords({ start: '2023', end: '2024-06' })).toBe('2023 to June 2024');
    expect(scheduleWords({ start: '2023', end: '2023' })).toBe('2023');
  });
  const base = { period: { start: 2021, end: 2025 }, total: 31, counts: { completed: 7, ongoing: 5, planned: 19, postponed: 0, cancelled: 0 }, elapsedPercent: 32 };
  it.each([
    [{ projection: 'projected', projectedCompletion: '2028-01', projectedOnSchedule: false }, 'projection (a supporting figure, not the verdict): at the rate of completions so far, the last project would complete in January 2028, after the plan ends in December 2025'],
    [{ projection: 'projected', projectedCompletion: '2025-03', projectedOnSchedule: true }, 'projection (a supporting figure, not the verdict): at the rate of completions so far, the last project would complete in March 2025, before the plan ends in December 2025'],
    [{ projection: 'projected', projectedCompletion: '2025-12', projectedOnSchedule: true }, 'projection (a supporting figure, not the verdict): at the rate of completions so far, the last project would complete in December 2025, the month the plan ends'],
    [{ projection: 'no-completions', projectedCompletion: null, projectedOnSchedule: null }, 'no projection: no project has completed yet'],
    [{ projection: 'not-started', projectedCompletion: null, projectedOnSchedule: null }, 'no projection: the plan period has not begun (it runs 2021 to 2025)'],
    [{ projection: 'ended', projectedCompletion: null, projectedOnSchedule: null }, 'no projection: the plan period has ended'],
    [{ projection: 'beyond-twice-period', projectedCompletion: null, projectedOnSchedule: null }, 'projection (a supporting figure, not the verdict): not within twice the plan period at the rate so far'],
    [
      { projection: 'all-completed', projectedCompletion: '2024-02', projectedOnSchedule: true },
      'every project that was not cancelled has completed, the last in February 2024, before the plan ends in December 2025',
    ],
  ] as const)('projection %#', (over, sentence) => {
    expect(projectionWords({ ...base, ...over })).toBe(sentence);
  });
  it('counts illustrative projects in the footnote, in good grammar', () => {
    expect(illustrativeWords({ illustrative: 31, total: 31 })).toBe('31 of these 31 projects are marked illustrative: some or all of their details are not from the public record');
    expect(illustrativeWords({ illustrative: 1, total: 4 })).toBe('1 of these 4 projects is marked illustrative: some or all of its details are not from the public record');
    expect(illustrativeWords({ illustrative: 1, total: 1 })).toBe('this project is marked illustrative: some or all of its details are not from the public record');
    expect(illustrativeWords({ illustrative: 0, total: 4 })).toBe('');
  });
  it('wraps text at a width', () => {
    expect(wrap('aa bb cc dd', 5, '  ')).toBe('aa bb\n  cc dd');
    expect(wrap('averyverylongword x', 5)).toBe('averyverylongword\nx');
  });
});
