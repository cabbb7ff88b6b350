/** accsm report as a user runs it: the SOM figures in every format, fixtures, exit codes, color, pandoc. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, copyRoot, FIXTURES, REPO } from '../helpers.js';
import { markdownTables, parseCsv } from '../formatters/parsers.js';

const SOM = ['report', '--plan', 'accsm-2021-2025', '--as-of', '2022-08-03'];
const HEADLINE = '12 of 31 completed or ongoing (39%)';

async function ok(args: string[], env?: Record<string, string | undefined>) {
  const r = await cli(args, env ? { env } : {});
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('the 21st ACCSM SOM figures on the embedded data', () => {
  it('table', async () => {
    const out = await ok(SOM);
    const lines = out.split('\n');
    expect(lines).toContain(HEADLINE);
    expect(lines.find((l) => l.startsWith('│ completed '))).toMatch(/^│ completed │ +7 │ 23% │/);
    expect(lines.find((l) => l.startsWith('│ ongoing '))).toMatch(/^│ ongoing +│ +5 │ 16% │/);
    expect(lines.find((l) => l.startsWith('│ planned '))).toMatch(/^│ planned +│ +19 │ 61% │/);
    expect(lines).toContain('Last status update: 3 August 2022');
    expect(lines).toContain('Period 32% elapsed, 39% implemented');
    expect(lines).toContain('Projection (a supporting figure, not the verdict): at the rate of completions so far, the last project would complete in January 2028, after the plan ends in December 2025.');
    expect(lines).toContain('Note: 31 of these 31 projects are marked illustrative: some or all of their details are not from the public record.');
  });

  it('markdown', async () => {
    const out = await ok([...SOM, '--format', 'markdown']);
    expect(out).toContain(`**${HEADLINE}**`);
    const [status] = markdownTables(out);
    expect(status!.rows.slice(0, 3)).toEqual([
      ['Completed', '7', '23%'],
      ['Ongoing', '5', '16%'],
      ['Planned', '19', '61%'],
    ]);
  });

  it('json', async () => {
    const p = JSON.parse((await ok([...SOM, '--format', 'json']))).plans[0];
    expect([p.implemented, p.total, p.implementedPercent]).toEqual([12, 31, 39]);
    expect([p.counts.completed, p.percents.completed, p.counts.ongoing, p.percents.ongoing, p.counts.planned, p.percents.planned]).toEqual([7, 23, 5, 16, 19, 61]);
    expect(p.elapsedPercent).toBe(32);
    expect(p.projectedCompletion).toBe('2028-01');
    expect(p.lastUpdated).toBe('2022-08-03');
  });

  it('csv', async () => {
    const rows = parseCsv((await ok([...SOM, '--format', 'csv'])));
    const all = rows.filter((r) => r[2] === 'all').map((r) => [r[5], r[6], r[7]]);
    expect(all).toEqual([
      ['completed', '7', '23'],
      ['ongoing', '5', '16'],
      ['planned', '19', '61'],
      ['postponed', '0', '0'],
      ['cancelled', '0', '0'],
    ]);
  });

  it('--as-of som-21 gives the same figures in every format', async () => {
    for (const format of ['json', 'csv', 'markdown', 'table']) {
      const byDate = await ok([...SOM, '-f', format]);
      const byMeeting = await ok(['report', '--plan', 'accsm-2021-2025', '--as-of', 'som-21', '-f', format]);
      if (format === 'json') {
        const a = JSON.parse(byDate);
        const b = JSON.parse(byMeeting);
        expect(b.meeting.id).toBe('som-21');
        expect(b.plans).toEqual(a.plans);
      } else if (format === 'csv') {
        expect(byMeeting).toBe(byDate);
      } else {
        // only the "as of" line names the meeting
        const strip = (s: string) => s.split('\n').filter((l) => !/^(As of |pagetitle: )/.test(l));
        expect(strip(byMeeting)).toEqual(strip(byDate));
        // the terminal names accsm's id for the meeting; markdown, which goes into a paper, does not
        const line = 'As of 3 August 2022, the date of the 21st ACCSM Senior Officials Meeting (ACCSM 21 SOM)';
        if (format === 'markdown') {
          expect(byMeeting).toContain(`${line}.`);
          expect(byMeeting).not.toContain('som-21');
        } else expect(byMeeting).toContain(`${line}, meeting som-21`);
      }
    }
  });

  it('with no options reports every plan, empty ones named, as of today (ACCSM_TODAY)', async () => {
    const parsed = JSON.parse(await ok(['report', '-f', 'json']));
    expect(parsed.asOf).toBe('2026-11-23');
    expect(parsed.plans.map((p: { id: string }) => p.id)).toEqual(['accsm-2021-2025', 'accsm-2026-2030', 'accsm-plus-3-2021-2025']);
    expect(parsed.plans.map((p: { verdict: string }) => p.verdict)).toEqual(['ended', 'empty', 'empty']);
    expect(await ok(['report'])).toContain('As of 23 November 2026');
  });

  it('says plainly that a plan has no projects', async () => {
    const out = await ok(['report', '--plan', 'accsm-2026-2030', '--as-of', '2026-01-01']);
    expect(out).toContain('No projects/activities recorded yet.');
  });
});

describe('fixtures', () => {
  const json = async (fixture: string, ...args: string[]) => JSON.parse((await ok(['report', '--data', join(FIXTURES, fixture), '-f', 'json', ...args]))).plans;
  it('overdue and late start (hand-computed in test/core/report.test.ts)', async () => {
    expect((await json('report-overdue', '--as-of', '2022-04-01'))[0].overdue).toEqual(['A1', 'A4', 'A5']);
    expect((await json('report-late-start', '--as-of', '2022-01-01'))[0].lateStart).toEqual(['L1', 'L2']);
    const table = await ok(['report', '--data', join(FIXTURES, 'report-overdue'), '--as-of', '2022-04-01']);
    expect(table).toContain('Overdue (schedule or plan period ended, not completed): 3\n  A1  Ongoing past its end\n  A4  Ends in March 2022\n  A5  Postponed past its end\n');
  });
  it('projection', async () => {
    // 731 days, 4 of 8 completed → 1462 days → 2024-01-01
    const [p] = await json('report-projection', '--as-of', '2021-12-31');
    expect([p.projectedCompletion, p.projectedOnSchedule]).toEqual(['2024-01', false]);
    expect(await ok(['report', '--data', join(FIXTURES, 'report-projection'), '--as-of', 'm-2021'])).toContain(
      'Projection (a supporting figure, not the verdict): at the rate of completions so far, the last project would complete in December 2022, before the plan ends in December 2023.',
    );
  });
  it('a project added after D is left out', async () => {
    expect((await json('report-added-after', '--as-of', '2021-05-31'))[0].total).toBe(1);
    expect((await json('report-added-after', '--as-of', '2021-06-01'))[0].total).toBe(2);
  });
  it('--lead with two-lead projects', async () => {
    // SG leads M1 (with MY, completed), M2 (ongoing), M4 (with TH and MY, planned)
    const out = await ok(['report', '--data', join(FIXTURES, 'report-multi-lead'), '--plan', 'p', '--lead', 'SG', '--as-of', '2021-01-01']);
    expect(out).toContain('2 of 3 completed or ongoing (67%)');
    expect(out).toContain('only projects led by SG');
    const [p] = await json('report-multi-lead', '--plan', 'p', '--as-of', '2021-01-01');
    expect(p.byLead.map((l: { code: string; total: number }) => [l.code, l.total])).toEqual([
      ['MY', 3],
      ['SG', 3],
      ['TH', 1],
    ]);
  });
  it('cancelled projects count in the total, on their own row', async () => {
    const rows = parseCsv((await ok(['report', '--data', join(FIXTURES, 'report-cancelled'), '--as-of', '2020-12-31', '-f', 'csv'])));
    expect(rows.filter((r) => r[2] === 'all').map((r) => `${r[5]} ${r[6]} ${r[7]}`)).toEqual(['completed 2 67', 'ongoing 0 0', 'planned 0 0', 'postponed 0 0', 'cancelled 1 33']);
  });
});

describe('usage errors exit 2 and list the valid values', () => {
  it.each([
    [['--plan', 'nope'], /--plan "nope" is not a plan of the data root; plans: accsm-2021-2025, accsm-2026-2030, accsm-plus-3-2021-2025/],
    [['--as-of', 'som-99'], /"som-99" is neither a date \(YYYY-MM-DD\) nor a meeting id \(did you mean "som-21"\?\); meetings: .*som-21/],
    [['--as-of', '2022-02-30'], /2022-02-30 is not a real calendar date/],
    [['--lead', 'XX'], /--lead "XX" is not a country code or name; codes: BN, KH, ID, LA, MY, MM, PH, SG, TH, VN, .*ASEC/],
    [['--area', 'nope'], /unknown priority area "nope"; areas of these plans: competencies, institutions/],
    [['--format', 'pdf'], /Allowed choices are table, markdown, json, csv/],
  ])('%j', async (args, message) => {
    const r = await cli(['report', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('data with problems', () => {
  const copy = copyRoot(join(FIXTURES, 'report-overdue'));
  afterAll(() => copy.cleanup());
  it('errors: the diagnostics on stderr, exit 1, no figures', async () => {
    const file = join(copy.dir, 'plans/p/projects/A2.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('status: completed', 'status: complete'));
    try {
      const r = await cli(['report', '--data', copy.dir, '--as-of', '2022-01-01']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/A2\.yaml\n\s+\d+:\d+\s+error\s+status "complete" is not one of/);
      expect(r.stderr).toContain('no figures are shown');
    } finally {
      writeFileSync(file, good);
    }
  });
  it('warnings: the report, and one line on stderr', async () => {
    // E1's entry of 2021-08-01 is in the future when today is 2021-07-01
    const r = await cli(['report', '--data', join(FIXTURES, 'report-added-after'), '--as-of', '2021-06-01'], { env: { ACCSM_TODAY: '2021-07-01' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 of 2 completed or ongoing (50%)');
    expect(r.stderr).toMatch(/^accsm: the data has \d+ warnings?; run accsm validate/);
  });
});

describe('color', () => {
  it('none with NO_COLOR or when piped; with FORCE_COLOR', async () => {
    expect((await ok(SOM))).not.toMatch(/\x1b\[/);
    expect((await ok(SOM, { NO_COLOR: undefined }))).not.toMatch(/\x1b\[/);
    expect((await ok(SOM, { NO_COLOR: undefined, FORCE_COLOR: '1' }))).toMatch(/\x1b\[1m12 of 31 completed or ongoing \(39%\)/);
  });
  it('plain ASCII when the locale is not UTF-8', async () => {
    expect((await ok(SOM, { LC_ALL: 'C' }))).toMatch(/^[\x20-\x7e\n]*$/);
  });
});

describe('help and loading', () => {
  it('help ends with examples', async () => {
    const help = await ok(['report', '--help']);
    expect(help.trimEnd()).toMatch(/Examples:\n  accsm report .*\n  accsm report .*\n  accsm report --over .*\n  accsm report .* --format xlsx --out report\.xlsx$/);
  });
  it('the table library is not loaded by the entry chunk (validate does not pay for it)', () => {
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)import\s[^;]*?from\s*"(\.[^"]+)"|(?:^|\n)import\s*"(\.[^"]+)"/g)) walk(join(file, '..', m[1] ?? m[2]!));
    };
    walk(join(REPO, 'dist', 'cli.js'));
    expect(seen.size).toBeGreaterThan(1);
    for (const f of seen) expect(readFileSync(f, 'utf8')).not.toContain('node_modules/cli-table3');
  });
});

const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
const hasPandoc = pandoc.status === 0;
if (!hasPandoc) console.warn('report e2e: pandoc is not installed, so the pandoc conversion test is skipped (install it with: apt-get install pandoc)');

describe('markdown converts cleanly with pandoc', () => {
  it.skipIf(!hasPandoc)(hasPandoc ? 'report markdown → HTML: three tables, the headline in bold, no stray pipes' : 'SKIPPED: pandoc is not installed', async () => {
    const md = await ok([...SOM, '-f', 'markdown']);
    const html = spawnSync('pandoc', ['-f', 'gfm', '-t', 'html'], { input: md, encoding: 'utf8' });
    expect(html.status).toBe(0);
    expect(html.stdout.match(/<table>/g)).toHaveLength(3);
    expect(html.stdout).toContain(`<strong>${HEADLINE}</strong>`);
    expect(html.stdout).not.toContain('|');
    // each table: every row has as many cells as the header
    for (const table of html.stdout.split('<table>').slice(1)) {
      const rows = table.split('</table>')[0]!.split('<tr').slice(1);
      const widths = rows.map((r) => (r.match(/<t[hd][ >]/g) ?? []).length);
      expect(new Set(widths).size).toBe(1);
    }
  });
});
