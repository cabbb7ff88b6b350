/**
 * The same hostile strings, from a pull request's data, through every output
 * format: no raw terminal control character (ESC, BEL, C1, bidi overrides) in
 * any text output, no CSV cell a spreadsheet would run as a formula, no
 * heading or line made from a name in markdown or the paper.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField } from '../../../src/formatters/shared/csv.js';
import { flattenLines } from '../../../src/formatters/shared/lines.js';
import { escapeControls, oneLine } from '../../../src/formatters/shared/terminal.js';
import { cli, copyRoot, EMBEDDED, tempDir } from '../../helpers.js';
import { docxParagraphs, elements, parseXml, unzip } from '../paper/helpers.js';

const ESC_TITLE = '\u001b]0;PWNED\u0007\u001b[2J';
const FORMULA = '=HYPERLINK("http://evil.example","x")';
const HEADING = 'Retreat\n# Injected heading';
const BIDI = 'abc\u202edcba';
/** markup for HTML, SVG and the docx's XML: a script, an event handler, and a run that closes the Word text early */
const MARKUP = '<script>alert(1)</script><img src=x onerror="alert(1)"> & </w:t></w:r><w:r><w:t>INJECTED';
/** as YAML double-quoted scalars */
const yaml = (s: string) => JSON.stringify(s);

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function hostileRoot(): string {
  const r = copyRoot();
  cleanups.push(r.cleanup);
  const p07 = join(r.dir, 'plans/accsm-2021-2025/projects/P07.yaml');
  writeFileSync(p07, readFileSync(p07, 'utf8').replace(/^title: .*$/m, `title: ${yaml(`${ESC_TITLE} ${BIDI}`)}`));
  const p08 = join(r.dir, 'plans/accsm-2021-2025/projects/P08.yaml');
  writeFileSync(p08, readFileSync(p08, 'utf8').replace(/^title: .*$/m, `title: ${yaml(FORMULA)}`));
  const p09 = join(r.dir, 'plans/accsm-2021-2025/projects/P09.yaml');
  writeFileSync(p09, readFileSync(p09, 'utf8').replace(/^title: .*$/m, `title: ${yaml(MARKUP)}`));
  const meetings = join(r.dir, 'meetings.yaml');
  writeFileSync(
    meetings,
    readFileSync(meetings, 'utf8')
      .replace('name: ASEAN Heads of Civil Service Retreat', `name: ${yaml(HEADING)}`)
      .replace('name: 21st ACCSM Senior Officials Meeting (ACCSM 21 SOM)', `name: ${yaml(`21st SOM\n# Injected heading ${ESC_TITLE} ${MARKUP}`)}`),
  );
  return r.dir;
}

/** Attributes named on… (event handlers) in the tags of HTML or SVG; data can only be inside quoted values, which are skipped. */
function eventHandlers(markup: string): string[] {
  return [...markup.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((m) => [...m[0].replace(/"[^"]*"|'[^']*'/g, '""').matchAll(/\s(on[a-z]+)\s*=/gi)].map((a) => a[1]!));
}

/** No raw control character; and, where lines are structure (everything but CSV, whose quoted cells may hold line breaks), no line made from a name. */
function assertInert(name: string, out: string, lines = true): void {
  // eslint-disable-next-line no-control-regex
  expect(out, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  if (lines) expect(out, name).not.toMatch(/^#+ Injected heading/m);
}

describe('the shared modules', () => {
  it('csv: a cell a spreadsheet would run gets a leading quote (OWASP); numbers stay numbers', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', -5].map((v) => csvField(v))).toEqual(['"\'=1+1"', '"\'+1"', '"\'-1"', '"\'@SUM(A1)"', '"\'\tx"', '"\'\rx"', 'plain', '-5']);
  });
  it('terminal: ESC and bidi overrides shown escaped, lines kept; oneLine flattens', () => {
    expect(escapeControls(`${ESC_TITLE}\n${BIDI}`)).toBe('\\x1b]0;PWNED\\x07\\x1b[2J\nabc\\u202edcba');
    expect(oneLine('a\nb\r\nc')).toBe('a\\nb\\nc');
  });
  it('lines: a name never starts a line of its own', () => {
    expect(flattenLines(HEADING)).toBe('Retreat # Injected heading');
  });
});

describe('hostile text in every format', () => {
  const dir = hostileRoot();
  const runs: [string, string[]][] = [
    ...['table', 'markdown', 'json', 'csv'].map((f): [string, string[]] => [`report ${f}`, ['report', '--data', dir, '--format', f]]),
    ...['table', 'markdown', 'json', 'csv'].map((f): [string, string[]] => [`list ${f}`, ['list', '--data', dir, '--format', f]]),
    ...['text', 'markdown', 'json'].map((f): [string, string[]] => [`show ${f}`, ['show', 'P07', '--data', dir, '--format', f]]),
    ['paper markdown', ['paper', '--data', dir]],
    ['paper markdown for som-21', ['paper', '--meeting', 'som-21', '--data', dir]],
    ...['text', 'markdown', 'json'].map((f): [string, string[]] => [`diff ${f}`, ['diff', EMBEDDED, dir, '--format', f]]),
    ...['table', 'markdown', 'json', 'csv'].map((f): [string, string[]] => [`report --over ${f}`, ['report', '--over', 'meetings', '--plan', 'accsm-2021-2025', '--data', dir, '--format', f]]),
  ];

  it.each(runs)('%s', async (name, args) => {
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(0);
    assertInert(name, r.stdout);
    assertInert(name, r.stderr);
    // the hostile text is there (so the checks look at it), written as text
    if (/^(diff|paper markdown for|report --over (markdown|json))/.test(name)) expect(r.stdout, name).toMatch(/PWNED|Injected heading/);
    if (/markdown/.test(name)) expect(r.stdout, name).not.toMatch(/(?<!\\)<(?:script|img|\/w:t)/);
    if (name.endsWith('csv')) {
      for (const line of r.stdout.split('\r\n')) for (const cell of line.split(',')) expect(cell, `${name}: ${line}`).not.toMatch(/^"?[=+\-@\t\r]/);
    }
  });

  it('shows ESC as \\x1b in the terminal formats', async () => {
    const r = await cli(['show', 'P07', '--data', dir]);
    expect(r.stdout).toContain('\\x1b]0;PWNED\\x07\\x1b[2J');
    expect(r.stdout).toContain('abc\\u202edcba');
  });

  it('an unknown key made of control characters, in every validate format', async () => {
    const r = copyRoot();
    cleanups.push(r.cleanup);
    const p07 = join(r.dir, 'plans/accsm-2021-2025/projects/P07.yaml');
    writeFileSync(p07, `${readFileSync(p07, 'utf8')}${yaml(ESC_TITLE)}: 1\n`);
    for (const f of ['stylish', 'json', 'github', 'sarif', 'junit']) {
      const out = await cli(['validate', '--data', r.dir, '--format', f]);
      expect(out.code).toBe(1);
      assertInert(`validate ${f}`, out.stdout + out.stderr);
    }
    const stylish = await cli(['validate', '--data', r.dir]);
    expect(stylish.stdout + stylish.stderr).toContain('\\x1b]0;PWNED');
  });
});

describe('hostile text in the files accsm writes: the paper as .docx, the over-time chart, the site', () => {
  const dir = hostileRoot();
  const out = () => {
    const t = tempDir('accsm-hostile-out-');
    cleanups.push(t.cleanup);
    return t.dir;
  };

  it('paper .docx: names stay text in one paragraph, XML-escaped, no raw control character, no element from the data', async () => {
    const at = out();
    const r = await cli(['paper', '--meeting', 'som-21', '--out', 'paper.docx', '--data', dir], { cwd: at });
    expect(r.code, r.stderr).toBe(0);
    const files = unzip(readFileSync(join(at, 'paper.docx')));
    for (const [name, bytes] of files) if (/\.(xml|rels)$/.test(name)) assertInert(`docx ${name}`, bytes.toString('utf8'));
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).not.toMatch(/<script|<img|<w:t>INJECTED/);
    const tree = parseXml(xml);
    expect(elements(tree).filter((e) => /script|img/i.test(e.name))).toEqual([]);
    // the paper sets straight quotes as typographic ones
    const paragraphs = docxParagraphs(xml).map((p) => p.replace(/[“”]/g, '"'));
    // the meeting's name: its line break flattened, its markup kept as text, inside one paragraph
    const named = paragraphs.filter((p) => p.includes('Injected heading'));
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) expect(p).toMatch(/21st SOM # Injected heading \\x1b\]0;PWNED\\x07\\x1b\[2J <script>alert\(1\)<\/script><img src=x onerror="alert\(1\)"> & <\/w:t><\/w:r><w:r><w:t>INJECTED/);
    expect(paragraphs.filter((p) => /^#|^INJECTED/.test(p))).toEqual([]);
    // P09's title, in the annex, whole
    expect(paragraphs).toContain(MARKUP);
  });

  it('the over-time chart (SVG): data is text, never markup', async () => {
    const at = out();
    const r = await cli(['report', '--over', 'meetings', '--plan', 'accsm-2021-2025', '--chart', 'over.svg', '--data', dir], { cwd: at });
    expect(r.code, r.stderr).toBe(0);
    const svg = readFileSync(join(at, 'over.svg'), 'utf8');
    assertInert('over svg', svg);
    expect(svg).not.toMatch(/<script|<img/i);
    expect(eventHandlers(svg)).toEqual([]);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(elements(parseXml(svg)).map((e) => e.name).filter((n) => !/^(svg|g|title|desc|text|tspan|rect|line|path|polyline|circle|style|defs|clipPath|use|symbol)$/.test(n))).toEqual([]);
  });

  it('site: every page escapes the data (no script, no event handler, no raw control character); downloads stay inert', async () => {
    const at = out();
    const r = await cli(['site', '--out', 'site', '--as-of', '2026-11-23', '--data', dir], { cwd: at });
    expect(r.code, r.stderr).toBe(0);
    const files = (readdirSync(join(at, 'site'), { recursive: true }) as string[]).filter((f) => /\.(html|svg|csv|json|xml|txt)$/.test(f));
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
    let seen = 0;
    for (const f of files) {
      const text = readFileSync(join(at, 'site', f), 'utf8');
      assertInert(`site ${f}`, text, extname(f) !== '.csv');
      if (text.includes('PWNED') || text.includes('INJECTED')) seen++;
      if (extname(f) === '.html' || extname(f) === '.svg') {
        expect(text, f).not.toMatch(/<script|<img src=x|<\/w:t>/i);
        expect(eventHandlers(text), f).toEqual([]);
      }
      if (extname(f) === '.csv') for (const line of text.split(/\r?\n/)) for (const cell of line.split(',')) expect(cell, `site ${f}: ${line}`).not.toMatch(/^"?[=+\-@\t\r]/);
    }
    expect(seen).toBeGreaterThan(3);
    const p09 = files.find((f) => /P09/.test(f) && f.endsWith('.html'))!;
    expect(readFileSync(join(at, 'site', p09), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
