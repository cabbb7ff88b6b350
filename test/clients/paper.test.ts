/**
 * The meeting paper in the programs the secretariat opens it with: the som-21
 * .docx, and the .docx pandoc makes from the markdown, converted to PDF by
 * LibreOffice (`soffice --headless`) and read back with `pdftotext -layout`
 * and `pdfinfo`: at most 4 pages with the annex, every priority-area title
 * and column header unbroken, "Page X of Y" on every page; and pandoc's HTML
 * with a title, a column per header cell and no word wider than its column.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED, accsm, copyRoot, tempDir } from '../helpers.js';
import { docxParagraphs, unzip } from '../formatters/paper/helpers.js';
import { needs } from './programs.js';

const soffice = needs('soffice', ['--version'], 'apt-get install libreoffice-writer-nogui');
const pdftotext = needs('pdftotext', ['-v'], 'apt-get install poppler-utils');
const pandoc = needs('pandoc', ['--version'], 'apt-get install pandoc');
const office = soffice.ok && pdftotext.ok;

const AREAS = [
  'Enhancing workforce competencies and standards in the public sectors',
  'Building institutional capacities',
  'Transformative leadership',
  'Strengthening ASEAN Resource Centres',
  'Public sector reform and modernisation',
];
const HEADERS = ['Priority area', 'Total', 'Completed', 'Ongoing', 'Planned', 'Completed or ongoing', 'No.', 'Project/activity', 'Lead', 'Priority areas', 'Status (since)'];

const temps: (() => void)[] = [];
afterAll(() => temps.forEach((c) => c()));
function temp(): string {
  const t = tempDir('accsm-paper-client-');
  temps.push(t.cleanup);
  return t.dir;
}

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

interface Pdf {
  pages: number;
  text: string;
  /** the text of each page */
  byPage: string[];
}

/** A .docx as LibreOffice lays it out: converted to PDF, read back with pdftotext -layout. */
function viaLibreOffice(dir: string, docx: string): Pdf {
  // a profile of its own, so that a LibreOffice already running (or a first-start dialog) cannot get in the way
  run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, docx)], dir);
  const pdf = join(dir, docx.replace(/\.docx$/, '.pdf'));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf], dir))?.[1]);
  const text = run('pdftotext', ['-layout', pdf, '-'], dir);
  return { pages, text, byPage: text.split('\f').filter((p) => p.trim() !== '') };
}

/** How many times `phrase` appears with its words in order on one line (the words of a cell that wraps are on different lines). */
function wordsOf(phrase: string): string[] {
  return phrase.split(/\s+/);
}

/** Every word of the text as pdftotext laid it out, split at spaces: a word broken across lines shows up as two pieces. */
function tokens(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Occurrences of each word of `phrases` in the PDF, against those in the document itself: fewer means some were broken. */
function brokenWords(pdfText: string, docText: string, phrases: readonly string[]): string[] {
  const have = tokens(pdfText);
  const want = tokens(docText);
  const count = (list: string[], w: string) => list.filter((t) => t.replace(/[.,;:¹²³⁴⁵⁶⁷⁸⁹⁰]+$/, '') === w).length;
  const broken: string[] = [];
  for (const w of new Set(phrases.flatMap(wordsOf))) {
    if (w.length < 4) continue;
    const expected = count(want, w);
    if (count(have, w) < expected) broken.push(`${w} (${count(have, w)} of ${expected})`);
  }
  return broken;
}

function checkPaper(pdf: Pdf, docText: string, maxPages: number): void {
  expect(pdf.pages).toBeGreaterThan(0);
  expect(pdf.pages).toBeLessThanOrEqual(maxPages);
  expect(brokenWords(pdf.text, docText, [...AREAS, ...HEADERS])).toEqual([]);
  // the numbers of the 21st SOM
  expect(pdf.text).toMatch(/7 \(23%\)/);
  expect(pdf.text).toMatch(/19 \(61%\)/);
  expect(pdf.text).toMatch(/12 \(39%\)/);
}

describe.skipIf(!office)(`the som-21 paper as Word, in LibreOffice${office ? '' : ' (SKIPPED: soffice or pdftotext is not installed)'}`, () => {
  const dir = temp();
  const r = accsm(['paper', '--data', EMBEDDED, '--meeting', 'som-21', '--out', 'paper.docx', '--symbol', 'TEST/SYMBOL/1', '--agenda-item', '4'], { cwd: dir });
  const pdf = r.code === 0 ? viaLibreOffice(dir, 'paper.docx') : { pages: 0, text: '', byPage: [] };
  const docText = r.code === 0 ? docxParagraphs(unzip(readFileSync(join(dir, 'paper.docx'))).get('word/document.xml')!.toString('utf8')).join('\n') : '';

  it('is at most 4 pages with its annex, with no broken word in a priority-area title or a column header', () => {
    expect(r.stderr).toBe('accsm: wrote paper.docx\n');
    checkPaper(pdf, docText, 4);
    console.log(`client tests: the som-21 paper (.docx) is ${pdf.pages} pages in LibreOffice (${soffice.version})`);
  });

  it('has "Page X of Y" and the running header on every page, and the annex on a page of its own', () => {
    pdf.byPage.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pdf.pages}`);
      expect(page).toContain('TEST/SYMBOL/1');
      expect(page).toContain('Agenda item 4');
      expect(page).toContain('21st ACCSM Senior Officials Meeting (ACCSM 21 SOM), 3 August 2022');
    });
    const annex = pdf.byPage.findIndex((p) => /Annex: Projects\/activities/.test(p));
    expect(annex).toBeGreaterThan(0);
    expect(pdf.byPage[annex]!.trimStart().split('\n').slice(0, 6).join('\n')).toMatch(/Annex: Projects\/activities/);
    expect(pdf.byPage[annex - 1]).toMatch(/The Meeting is invited to note the progress in the implementation of the ACCSM Work\s+Plan 2021-2025\./);
  });

  it('numbers its body paragraphs, and the illustrative notes are footnotes that start with a word', () => {
    expect(pdf.text).toMatch(/^\s*1\.\s+As of 3 August 2022, of the 31 projects\/activities/m);
    expect(pdf.text).toMatch(/^\s*\d\.\s+The Meeting is invited to note/m);
    // each note starts with a word; each mark follows a word ("by priority area¹,"), never a number
    expect(pdf.text).toMatch(/^\s*Illustrative: all 31 projects\/activities counted here are marked illustrative/m);
    expect(pdf.text).toMatch(/^\s*Illustrative: all 31 projects\/activities listed here are marked illustrative/m);
    expect(pdf.text).toMatch(/by priority area ?1, as of 3\s+August 2022/);
    expect(pdf.text).toMatch(/with the date each status began ?2/);
    expect(pdf.text).not.toMatch(/\b2022[12]\b/);
  });

  it('has the chart, and no straight apostrophe', () => {
    const media = [...unzip(readFileSync(join(dir, 'paper.docx'))).keys()].filter((k) => k.startsWith('word/media/') && !k.endsWith('/'));
    expect(media.map((m) => m.slice(-4)).sort()).toEqual(['.png', '.svg']);
    expect(pdf.text).toContain('Figure 1: Status of projects/activities by priority area, as of 3 August 2022');
    expect(pdf.text).toContain('Service\u2019s Adaptability');
    expect(pdf.text).not.toContain("Service's");
  });
});

describe.skipIf(!(office && pandoc.ok))(`the som-21 paper through pandoc${office && pandoc.ok ? '' : ' (SKIPPED: pandoc, soffice or pdftotext is not installed)'}`, () => {
  const dir = temp();
  const r = accsm(['paper', '--data', EMBEDDED, '--meeting', 'som-21', '--out', 'paper.md', '--chart', 'chart.svg'], { cwd: dir });

  it('pandoc paper.md -o paper.docx gives tables with no broken word in LibreOffice', () => {
    expect(r.code).toBe(0);
    const conv = spawnSync('pandoc', ['paper.md', '-o', 'paper.docx'], { cwd: dir, encoding: 'utf8' });
    expect(conv.status).toBe(0);
    // without rsvg-convert pandoc warns that it cannot make a PNG copy of the SVG; nothing else
    expect(conv.stderr.split('\n').filter((l) => l.trim() && !/rsvg-convert|Could not convert image chart\.svg/.test(l))).toEqual([]);
    const docText = docxParagraphs(unzip(readFileSync(join(dir, 'paper.docx'))).get('word/document.xml')!.toString('utf8')).join('\n');
    const pdf = viaLibreOffice(dir, 'paper.docx');
    checkPaper(pdf, docText, 6);
    console.log(`client tests: the som-21 paper through pandoc (.md → .docx) is ${pdf.pages} pages in LibreOffice (${pandoc.version})`);
  });

  it('pandoc -s paper.md -o paper.html has a title, every table a column per header cell, and the widths pandoc was given', () => {
    const conv = spawnSync('pandoc', ['-s', 'paper.md', '-o', 'paper.html'], { cwd: dir, encoding: 'utf8' });
    expect(conv.status).toBe(0);
    expect(conv.stderr).toBe('');
    const html = readFileSync(join(dir, 'paper.html'), 'utf8');
    expect(html).toContain('<title>Implementation of the ACCSM Work Plan 2021-2025</title>');
    const tables = html.split('<table').slice(1).map((t) => t.split('</table>')[0]!);
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      const cols = [...t.matchAll(/<col style="width: (\d+)%"/g)].map((m) => Number(m[1]));
      const header = (t.split('</thead>')[0]!.match(/<th[ >]/g) ?? []).length;
      expect(cols).toHaveLength(header);
      expect(cols.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(98);
      for (const row of t.split('<tr').slice(1)) expect((row.match(/<t[hd][ >]/g) ?? []).length).toBe(header);
      // no column narrower than 5% (a word would be broken, or the column clipped)
      expect(Math.min(...cols)).toBeGreaterThanOrEqual(5);
    }
    expect(html).toMatch(/class="footnote/);
  });
});

describe.skipIf(!(office && pandoc.ok))(`accsm report --format markdown through pandoc${office && pandoc.ok ? '' : ' (SKIPPED: pandoc, soffice or pdftotext is not installed)'}`, () => {
  it('keeps every column of the area table, with no broken word, and names the meeting without its id', () => {
    const dir = temp();
    const r = accsm(['report', '--plan', 'accsm-2021-2025', '--as-of', 'som-21', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('som-21');
    writeFileSync(join(dir, 'report.md'), r.stdout);
    const conv = spawnSync('pandoc', ['report.md', '-o', 'report.docx'], { cwd: dir, encoding: 'utf8' });
    expect(conv.status).toBe(0);
    expect(conv.stderr).toBe('');
    const docText = docxParagraphs(unzip(readFileSync(join(dir, 'report.docx'))).get('word/document.xml')!.toString('utf8')).join('\n');
    const pdf = viaLibreOffice(dir, 'report.docx');
    const headers = ['Priority area', 'Total', 'Completed', 'Ongoing', 'Planned', 'Completed or ongoing', 'Lead'];
    expect(brokenWords(pdf.text, docText, [...AREAS, ...headers])).toEqual([]);
    // the key column is there: every area title, on the row with its figures
    for (const a of AREAS.slice(1)) expect(pdf.text).toMatch(new RegExp(`${a.split(' ')[0]}.*\\d`));
    const html = spawnSync('pandoc', ['-s', 'report.md', '-t', 'html'], { cwd: dir, encoding: 'utf8' });
    expect(html.status).toBe(0);
    expect(html.stdout.replace(/\s+/g, ' ')).toContain('<title>Work plan report: ACCSM Work Plan 2021-2025, as of 3 August 2022, the date of the 21st ACCSM Senior Officials Meeting (ACCSM 21 SOM)</title>');
    expect(readdirSync(dir).sort()).toEqual(['lo-profile', 'report.docx', 'report.md', 'report.pdf']);
  });
});

describe.skipIf(!office)(`hostile text in the paper as Word, in LibreOffice${office ? '' : ' (SKIPPED: soffice or pdftotext is not installed)'}`, () => {
  it('opens, and shows a hostile meeting name and project title as text on one line: controls escaped, markup and a closing </w:t> as characters', () => {
    const root = copyRoot();
    temps.push(root.cleanup);
    const meetings = join(root.dir, 'meetings.yaml');
    const name = '21st SOM\n# Injected heading \u001b]0;PWNED\u0007 <script>alert(1)</script> </w:t></w:r><w:r><w:t>INJECTED';
    writeFileSync(meetings, readFileSync(meetings, 'utf8').replace('name: 21st ACCSM Senior Officials Meeting (ACCSM 21 SOM)', `name: ${JSON.stringify(name)}`));
    const p09 = join(root.dir, 'plans/accsm-2021-2025/projects/P09.yaml');
    writeFileSync(p09, readFileSync(p09, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify('<b>bold</b> & </w:t>TAIL')}`));
    const dir = temp();
    const r = accsm(['paper', '--data', root.dir, '--meeting', 'som-21', '--out', 'paper.docx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const pdf = viaLibreOffice(dir, 'paper.docx');
    expect(pdf.pages).toBeGreaterThan(0);
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(flat).toContain('21st SOM # Injected heading \\x1b]0;PWNED\\x07 <script>alert(1)</script> </w:t></w:r><w:r><w:t>INJECTED');
    expect(flat).toContain('<b>bold</b> & </w:t>TAIL');
    // the text after the closing tags is not a run or paragraph of its own (it follows them with no space, so no line starts with it), and no raw control character reached the page
    expect(pdf.text).not.toMatch(/^\s*(INJECTED|TAIL)/m);
    // eslint-disable-next-line no-control-regex
    expect(pdf.text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/);
  });
});
