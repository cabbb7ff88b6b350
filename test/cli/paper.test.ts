/** accsm paper as a user runs it: the golden paper of the 21st SOM, figures equal to the report's, files, Word, chart, errors, pandoc. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, copyRoot, EMBEDDED, FIXTURES, REPO, tempDir } from '../helpers.js';
import { allText, docxParagraphs, elements, parseXml, unzip } from '../formatters/paper/helpers.js';

const GOLDEN = join(REPO, 'test', 'golden', 'paper-som-21.md');
const STATUSES = ['planned', 'ongoing', 'completed', 'postponed', 'cancelled'] as const;
type Counts = Record<(typeof STATUSES)[number], number>;

const temps: (() => void)[] = [];
afterAll(() => temps.forEach((c) => c()));
function temp(): string {
  const t = tempDir('accsm-paper-');
  temps.push(t.cleanup);
  return t.dir;
}

/** The figures a summary sentence states, read back from its words. */
function readSummary(sentence: string): { title: string; total: number; counts: Counts; percents: Counts; implemented: number; implementedPercent: number } {
  const m = /^As of \d{1,2} \w+ \d{4}, of the (\d+) projects?\/activit(?:y|ies) under the (.+?), (\d+ \(\d+%\) .+); (none|(\d+) \((\d+)%\)) (?:has|have) thus been completed or (?:is|are) being implemented\.$/.exec(sentence);
  if (!m) throw new Error(`not a summary sentence: ${sentence}`);
  const counts: Counts = { planned: 0, ongoing: 0, completed: 0, postponed: 0, cancelled: 0 };
  const percents: Counts = { ...counts };
  const words: Record<string, keyof Counts> = { 'been completed': 'completed', ongoing: 'ongoing', 'being planned for implementation': 'planned', 'been postponed': 'postponed', 'been cancelled': 'cancelled' };
  for (const c of m[3]!.matchAll(/(\d+) \((\d+)%\) (?:has|have|is|are) (been completed|ongoing|being planned for implementation|been postponed|been cancelled)/g)) {
    counts[words[c[3]!]!] = Number(c[1]);
    percents[words[c[3]!]!] = Number(c[2]);
  }
  return { title: m[2]!, total: Number(m[1]), counts, percents, implemented: Number(m[5] ?? 0), implementedPercent: Number(m[6] ?? 0) };
}

function summaries(md: string): string[] {
  return md.split('\n').filter((l) => /^As of [^,]+, of the \d+ /.test(l)).map((l) => l.replace(/\[\^[^\]]+\]$/, ''));
}

describe('the paper of the 21st ACCSM SOM on the embedded data', async () => {
  const r = await cli(['paper', '--meeting', 'som-21']);

  it('matches the golden file exactly', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, r.stdout);
    expect(r.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('states the figures the SOM reported (7, 5 and 19 of 31; 23%, 16%, 61%; 12 or 39% implemented)', () => {
    const [s] = summaries(r.stdout);
    expect(readSummary(s!)).toEqual({
      title: 'ACCSM Work Plan 2021-2025',
      total: 31,
      counts: { planned: 19, ongoing: 5, completed: 7, postponed: 0, cancelled: 0 },
      percents: { planned: 61, ongoing: 16, completed: 23, postponed: 0, cancelled: 0 },
      implemented: 12,
      implementedPercent: 39,
    });
    expect(r.stdout).toContain('Progress report as of the 21st ACCSM Senior Officials Meeting (ACCSM 21 SOM), 3 August 2022.');
  });

  it('--as-of the same day gives the same figures, with a date instead of the meeting', async () => {
    const byDate = await cli(['paper', '--as-of', '2022-08-03']);
    expect(byDate.code).toBe(0);
    expect(summaries(byDate.stdout)).toEqual(summaries(r.stdout));
    expect(byDate.stdout).toContain('Progress report as of 3 August 2022.');
  });
});

describe('the summary figures equal `accsm report --format json` for the same inputs', () => {
  const cases: { name: string; args: string[] }[] = [
    { name: 'embedded data, 21st SOM', args: ['--plan', 'accsm-2021-2025', '--as-of', 'som-21'] },
    { name: 'embedded data, today (ACCSM_TODAY)', args: [] },
    { name: 'embedded data, 22nd SOM', args: ['--as-of', 'som-22'] },
    ...['report-cancelled', 'report-projection', 'report-overdue', 'report-late-start', 'report-multi-lead', 'report-added-after']
      .filter((f) => existsSync(join(FIXTURES, f)))
      .map((f) => ({ name: `fixture ${f}`, args: ['--data', join(FIXTURES, f)] })),
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const report = await cli(['report', '--format', 'json', ...c.args]);
      expect(report.code).toBe(0);
      const json = JSON.parse(report.stdout) as { plans: { title: string; total: number; counts: Counts; percents: Counts; implemented: number; implementedPercent: number }[] };
      // paper takes a meeting with --meeting or --as-of, a date with --as-of
      const paper = await cli(['paper', ...c.args]);
      expect(paper.code).toBe(0);
      const stated = summaries(paper.stdout).map(readSummary);
      const nonEmpty = json.plans.filter((p) => p.total > 0);
      expect(stated).toEqual(nonEmpty.map((p) => ({ title: p.title, total: p.total, counts: p.counts, percents: p.percents, implemented: p.implemented, implementedPercent: p.implementedPercent })));
      expect(stated.length).toBeGreaterThan(0);
    });
  }
});

describe('files: --out and --chart', () => {
  it('writes markdown and the chart; the markdown links to the chart relative to its own folder', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(dir, 'figures'));
    const r = await cli(['paper', '--meeting', 'som-21', '--out', 'out/paper.md', '--chart', 'figures/status.svg', '--data', EMBEDDED], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('accsm: wrote figures/status.svg and out/paper.md\n');
    const md = readFileSync(join(dir, 'out', 'paper.md'), 'utf8');
    expect(md).toContain('![Figure 1: Status of projects/activities by priority area, as of 3 August 2022](../figures/status.svg)');
    // the same paper as on stdout, plus the figure
    const golden = readFileSync(GOLDEN, 'utf8');
    expect(md.replace(/\n!\[Figure 1[^\n]*\n\n\*Drawn from[^\n]*\n/, '')).toBe(golden);
    // no temporary files left behind
    expect(readdirSync(join(dir, 'out'))).toEqual(['paper.md']);
    expect(readdirSync(join(dir, 'figures'))).toEqual(['status.svg']);
    const svg = parseXml(readFileSync(join(dir, 'figures', 'status.svg'), 'utf8'));
    expect(svg.name).toBe('svg');
    const bars = elements(svg, 'g').filter((g) => g.attrs.class === 'bar');
    expect(bars).toHaveLength(6);
    // the whole-plan bar: 7 completed, 5 ongoing, 19 planned, 31 in all
    expect(elements(bars[0]!, 'text').filter((t) => t.attrs.class === 'count').map(allText)).toEqual(['7', '5', '19']);
    expect(allText(elements(bars[0]!, 'text').find((t) => t.attrs.class === 'total')!)).toBe('31');
  });

  it('on stdout, links to the chart as given', async () => {
    const dir = temp();
    const r = await cli(['paper', '--meeting', 'som-21', '--chart', 'chart.svg', '--data', EMBEDDED], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('](chart.svg)');
    expect(r.stderr).toBe('accsm: wrote chart.svg\n');
    expect(existsSync(join(dir, 'chart.svg'))).toBe(true);
  });

  it('writes a Word document with the headline figures, tables and the chart', async () => {
    const dir = temp();
    const r = await cli(['paper', '--meeting', 'som-21', '--out', 'paper.docx', '--chart', 'chart.svg'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const files = unzip(readFileSync(join(dir, 'paper.docx')));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const paragraphs = docxParagraphs(xml);
    const [summary] = summaries(readFileSync(GOLDEN, 'utf8'));
    expect(paragraphs).toContain(summary);
    expect(readSummary(summary!).counts).toEqual({ planned: 19, ongoing: 5, completed: 7, postponed: 0, cancelled: 0 });
    expect(paragraphs).toContain('Progress report as of the 21st ACCSM Senior Officials Meeting (ACCSM 21 SOM), 3 August 2022.');
    expect(paragraphs).toContain('Total');
    // the annex lists all 31
    expect(paragraphs.filter((p) => /^P\d\d$/.test(p))).toHaveLength(31);
    expect([...files.keys()].filter((k) => k.startsWith('word/media/') && !k.endsWith('/')).map((k) => k.slice(-4)).sort()).toEqual(['.png', '.svg']);
    expect(readdirSync(dir).sort()).toEqual(['chart.svg', 'paper.docx']);
  });
});

describe('errors', () => {
  it('--out with another extension is a usage error', async () => {
    const dir = temp();
    const r = await cli(['paper', '--out', 'paper.pdf'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('accsm: --out paper.pdf: the file name must end in .md (markdown) or .docx (Word)\n');
    expect(readdirSync(dir)).toEqual([]);
    expect((await cli(['paper', '--chart', 'chart.png'], { cwd: dir })).code).toBe(2);
  });

  it('a folder that does not exist is a usage error naming the file', async () => {
    const dir = temp();
    const r = await cli(['paper', '--meeting', 'som-21', '--out', 'missing/paper.md', '--data', EMBEDDED], { cwd: dir });
    expect(r.code).toBe(2);
    // the file as the user gave it, as in "accsm: wrote …"
    expect(r.stderr).toBe('accsm: cannot write missing/paper.md: its folder does not exist\n');
    const chart = await cli(['paper', '--meeting', 'som-21', '--chart', 'figures/chart.svg', '--data', EMBEDDED], { cwd: dir });
    expect(chart.code).toBe(2);
    expect(chart.stderr).toBe('accsm: cannot write figures/chart.svg: its folder does not exist\n');
  });

  it('an unknown plan or meeting is a usage error listing the valid ones', async () => {
    const plan = await cli(['paper', '--plan', 'nope']);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toBe('accsm: --plan "nope" is not a plan of the data root; plans: accsm-2021-2025, accsm-2026-2030, accsm-plus-3-2021-2025\n');
    const meeting = await cli(['paper', '--meeting', 'som-99']);
    expect(meeting.code).toBe(2);
    expect(meeting.stderr).toMatch(/^accsm: --meeting "som-99" is not a meeting in meetings.yaml \(did you mean "som-21"\?\); meetings: hcs-retreat-2015, som-2021-06-15, som-21, /);
    const since = await cli(['paper', '--meeting', 'som-21', '--since', 'nope']);
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/--since "nope" is neither a date \(YYYY-MM-DD\) nor a meeting id; meetings: /);
    const near = await cli(['paper', '--meeting', 'som-22', '--since', 'som21']);
    expect(near.stderr).toMatch(/^accsm: --since "som21" is neither a date \(YYYY-MM-DD\) nor a meeting id \(did you mean "som-21"\?\); meetings: /);
  });

  it('--meeting with --as-of, and --since not before the paper, are usage errors', async () => {
    expect((await cli(['paper', '--meeting', 'som-21', '--as-of', '2022-08-03'])).code).toBe(2);
    const late = await cli(['paper', '--meeting', 'som-21', '--since', 'hcs-21']);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('must be before the paper');
  });

  it('data with errors: diagnostics on stderr, exit 1, no paper and no file', async () => {
    const root = copyRoot();
    temps.push(root.cleanup);
    const file = join(root.dir, 'plans', 'accsm-2021-2025', 'projects', 'P05.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: completed', 'status: finished'));
    const dir = temp();
    const r = await cli(['paper', '--meeting', 'som-21', '--data', root.dir, '--out', join(dir, 'paper.md'), '--chart', join(dir, 'c.svg')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/P05\.yaml/);
    expect(r.stderr).toMatch(/\d+:\d+ +error/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('--since', () => {
  it('a meeting: the changes between the 21st SOM and the 22nd', async () => {
    const r = await cli(['paper', '--plan', 'accsm-2021-2025', '--meeting', 'som-22', '--since', 'som-21']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Progress since the 21st ACCSM Senior Officials Meeting (ACCSM 21 SOM)');
    expect(r.stdout).toContain('Progress report as of the 22nd Senior Official Meeting for ASEAN Cooperation on Civil Service Matters (SOM ACCSM), 5-7 August 2024.');
  });

  it('by default, the 22nd SOM compares with the previous ACCSM meeting, the 21st Heads of Civil Service', async () => {
    const r = await cli(['paper', '--plan', 'accsm-2021-2025', '--meeting', 'som-22']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Since the Heads of Civil Service Meeting of the 21st ACCSM \(ACCSM 21 HCS\) held on 5 August 2022, /);
  });
});

const PANDOC = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0;

describe('pandoc', () => {
  it.skipIf(!PANDOC)(`converts the markdown to Word and HTML${PANDOC ? '' : ' (skipped: pandoc is not installed)'}`, () => {
    const dir = temp();
    writeFileSync(join(dir, 'paper.md'), readFileSync(GOLDEN, 'utf8'));
    const docx = spawnSync('pandoc', ['paper.md', '-o', 'paper.docx'], { cwd: dir, encoding: 'utf8' });
    expect(docx.stderr).toBe('');
    expect(docx.status).toBe(0);
    const paragraphs = docxParagraphs(unzip(readFileSync(join(dir, 'paper.docx'))).get('word/document.xml')!.toString('utf8'));
    expect(paragraphs.some((p) => p.startsWith('As of 3 August 2022, of the 31 projects/activities'))).toBe(true);
    const html = spawnSync('pandoc', ['paper.md', '-t', 'html'], { cwd: dir, encoding: 'utf8' });
    expect(html.status).toBe(0);
    // every pipe table became a table (areas, annex; no table of changes, as nothing changed status), the footnotes footnotes
    expect(html.stdout.match(/<table/g)).toHaveLength(2);
    expect(html.stdout).toMatch(/class="footnote/);
    expect(html.stdout).toContain('<h2 id="summary">Summary</h2>');
  });
  if (!PANDOC) it('pandoc is not installed: the conversion test above was skipped', () => expect(PANDOC).toBe(false));
});

describe('paper for a meeting of one body', () => {
  it('an ACCSM+3 meeting reports on the ACCSM+3 plan, not the ACCSM one', async () => {
    const r = await cli(['paper', '--meeting', 'som3-7']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Implementation of the ACCSM+3 Work Plan 2021-2025');
    expect(r.stdout).not.toContain('ACCSM Work Plan 2021-2025,');
  });

  it('a body with nothing to chart gets no chart file, and a note on stderr says why', async () => {
    const dir = temp();
    const r = await cli(['paper', '--meeting', 'som3-7', '--out', 'paper.md', '--chart', 'chart.svg', '--data', EMBEDDED], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('accsm: chart.svg not written: no project/activity to chart as of 7 August 2024\naccsm: wrote paper.md\n');
    expect(readdirSync(dir)).toEqual(['paper.md']);
    expect(readFileSync(join(dir, 'paper.md'), 'utf8')).not.toContain('chart.svg');
  });

  it('--plan still chooses the plans', async () => {
    const r = await cli(['paper', '--meeting', 'som3-7', '--plan', 'accsm-2021-2025']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ACCSM Work Plan 2021-2025');
  });
});
