import { describe, expect, it } from 'vitest';
import { progressSince } from '../../../src/core/progress.js';
import { resolveAsOf } from '../../../src/core/as-of.js';
import { computeReport, type Report } from '../../../src/core/report.js';
import type { DataSet } from '../../../src/core/types.js';
import { buildPaper, paperMarkdown, type PaperDoc } from '../../../src/formatters/paper/index.js';
import { MAX_CHANGE_ROWS } from '../../../src/formatters/paper/model.js';
import { demoData } from './helpers.js';

function paper(data: DataSet, asOfValue: string, options: { chart?: string; since?: string; plans?: string[] } = {}): { report: Report; doc: PaperDoc; md: string } {
  const report: Report = computeReport(data, { asOf: resolveAsOf(data, asOfValue), ...(options.plans ? { plans: options.plans } : {}) });
  const progress = progressSince(data, report, options.since ? { since: options.since } : {});
  const doc = buildPaper({ report, progress }, options.chart ? { chart: options.chart } : {});
  return { report, doc, md: paperMarkdown(doc) };
}

/** The lines of the markdown section under `## heading`, up to the next heading of that level or higher. */
function section(md: string, heading: string): string {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

describe('the paper on the demo data, as of the third meeting', () => {
  const { report, doc, md } = paper(demoData(), 'm3', { chart: 'figures/chart 1.svg' });
  const plan = report.plans[0]!;

  it('has the title, the as-of line with the meeting and its date, and the sections in order', () => {
    // front matter with the page title for pandoc's HTML, then the paper
    expect(md.startsWith('---\npagetitle: "Implementation of the Demo Work Plan 2021-2025"\n---\n\n# Implementation of the Demo Work Plan 2021-2025\n\nProgress report as of the Third Demo Meeting, 1 June 2022.\n')).toBe(true);
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      'Implementation of the Demo Work Plan 2021-2025',
      'Summary',
      'Progress since the previous meeting',
      'Status by priority area',
      'Overdue and late-starting projects/activities',
      'Projection',
      'Annex: Projects/activities of the Demo Work Plan 2021-2025',
    ]);
  });

  it('states the summary from the report figures, with no footnote (the illustrative notes go to what rests on illustrative data)', () => {
    // 5 counted (X5 enters later): 1 completed, 1 ongoing, 2 planned, 1 cancelled
    expect(plan.total).toBe(5);
    expect(section(md, 'Summary')).toContain(
      'As of 1 June 2022, of the 5 projects/activities under the Demo Work Plan 2021-2025, 1 (20%) has been completed, 1 (20%) is ongoing, 2 (40%) are being planned for implementation and 1 (20%) has been cancelled; 2 (40%) have thus been completed or are being implemented.\n',
    );
    expect(md).toContain('\n[^illustrative-areas]: Illustrative: 1 of the 5 projects/activities counted here is marked illustrative: some or all of its details are not from the public record, so the figures by priority area may not match it.\n');
    expect(md).toContain('\n[^illustrative-annex]: Illustrative: 1 of the 5 projects/activities listed here is marked illustrative');
    // each note is referenced once, from the caption of what rests on it
    expect(section(md, 'Status by priority area')).toMatch(/^\*Status of the projects\/activities of the Demo Work Plan 2021-2025 by priority area\[\^illustrative-areas\], as of 1 June 2022\*$/m);
    expect(section(md, 'Annex: Projects/activities of the Demo Work Plan 2021-2025')).toContain('with the date each status began[^illustrative-annex]*');
    expect(md.match(/\[\^illustrative-areas\][^:]/g)).toHaveLength(1);
    expect(section(md, 'Summary')).toContain(`${plan.elapsedPercent}% of the plan period (2021-2025) has elapsed, against 40% of the projects/activities`);
  });

  it('names the changes since the previous meeting of the same body', () => {
    const s = section(md, 'Progress since the previous meeting');
    // 3 real changes, listed; the one recorded for the first time is said apart
    expect(s).toContain('Since the Second Demo Meeting held on 10 January 2022, the status of 3 projects/activities has changed:');
    expect(s).toContain('1 project/activity was recorded for the first time (1 planned).');
    expect(s).not.toContain('| X4 ');
    expect(s).toContain('- 1 moved from ongoing to completed (X1);');
    expect(s).toContain('- 1 moved from postponed to ongoing (X3).');
    expect(s).toContain('| X3 Exchange programme | SG | Postponed | Ongoing | 1 April 2022 |');
  });

  it('tables the priority areas with a cancelled column (present) and no postponed column (absent), escaped', () => {
    const s = section(md, 'Status by priority area');
    expect(s).toContain('| Priority area | Total | Completed | Ongoing | Planned | Cancelled | Completed or ongoing |');
    // pandoc sizes the columns by the separator's dashes: 100 in all, the widest column for the longest text
    const sep = s.split('\n').find((l) => /^\|[-:|]+\|$/.test(l))!;
    const dashes = sep.slice(1, -1).split('|').map((c) => c.length);
    expect(dashes.reduce((a, b) => a + b, 0)).toBe(100);
    // every column has room for its longest word: none is left with a sliver
    expect(Math.min(...dashes)).toBeGreaterThanOrEqual(8);
    expect(sep.slice(1, -1).split('|').map((c) => (c.endsWith(':') ? 'right' : 'left'))).toEqual(['left', 'right', 'right', 'right', 'right', 'right', 'right']);
    expect(s).toContain(`| Alpha & \\<Beta\\> "quoted" 'too' | 2 | 1 (50%) | 0 | 1 (50%) | 0 | 1 (50%) |`);
    expect(s).toContain('| **Total** | **5** | **1 (20%)** | **1 (20%)** | **2 (40%)** | **1 (20%)** | **2 (40%)** |');
    expect(s).toContain('counted under each');
    expect(s).toContain('![Figure 1: Status of projects/activities by priority area, as of 1 June 2022](<figures/chart 1.svg>)');
  });

  it('lists the overdue and late-starting projects the report found', () => {
    expect(plan.overdue).toEqual(['X2']);
    expect(plan.lateStart).toEqual(['X2']);
    const s = section(md, 'Overdue and late-starting projects/activities');
    expect(s).toContain('1 project/activity is overdue: its schedule has ended and it has not been completed.');
    expect(s).toContain('1 project/activity is late to start: its scheduled start has passed and it is still being planned.');
    expect(s.match(/\| X2 Joint study \| TH, MY \| 2021 to November 2021 \| Planned \|/g)).toHaveLength(2);
  });

  it('gives the projection: 1 completion in 517 days, 4 to complete → the 2068th day, August 2026', () => {
    expect(plan.projectedCompletion).toBe('2026-08');
    expect(section(md, 'Projection')).toContain('the last project/activity would be completed in August 2026, after the end of the plan period in December 2025.');
  });

  it('annexes every counted project with lead, areas, schedule and status', () => {
    const s = section(md, 'Annex: Projects/activities of the Demo Work Plan 2021-2025');
    const rows = s.split('\n').filter((l) => /^\| X\d/.test(l));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| X1', '| X2', '| X3', '| X4', '| X6']);
    expect(s).toContain(`| X2 | Joint study | TH, MY | Alpha & \\<Beta\\> "quoted" 'too'; Gamma | 2021 to November 2021 | Planned (1 March 2021) |`);
    expect(s).toContain('| X6 | Dropped survey | LA | Gamma | — | Cancelled (1 February 2022) |');
  });

  it('has a GFM table shape: every row of a table has as many cells as its header', () => {
    for (const b of doc.blocks) if (b.kind === 'table') for (const r of b.rows) expect(r.cells).toHaveLength(b.header.length);
  });
});

describe('other cases', () => {
  it('without illustrative projects has no footnote; without a chart no figure', () => {
    const data = demoData();
    for (const p of data.plans[0]!.projects) delete p.project.illustrative;
    const { md } = paper(data, 'm3');
    expect(md).not.toContain('[^');
    expect(md).not.toContain('![');
  });

  it('with no earlier meeting compares with the start of the plan period', () => {
    const { md } = paper(demoData(), 'm1');
    expect(md).toContain('## Progress since the start of the plan period');
    // every project counted appears for the first time: one sentence, no table
    expect(section(md, 'Progress since the start of the plan period').trim()).toBe('This is the first report on the plan: 4 projects/activities recorded (1 ongoing and 3 planned).');
  });

  it('with --since a date, and no change in between', () => {
    const { md } = paper(demoData(), '2022-12-31', { since: '2022-06-01' });
    expect(md).toContain('Progress report as of 31 December 2022.');
    expect(md).toContain('## Progress since 1 June 2022');
    expect(md).toContain('Since 1 June 2022, no project/activity has changed status.');
  });

  it('with no completion yet says no projection can be made', () => {
    const { md } = paper(demoData(), '2021-06-01');
    expect(md).toContain('No project/activity has been completed yet, so no completion date can be projected');
  });

  it('for a plan with nothing counted gives only the summary', () => {
    const { md } = paper(demoData(), '2020-06-01');
    expect(md).toContain('As of 1 June 2020, no projects/activities are recorded under the Demo Work Plan 2021-2025.');
    expect(md).not.toContain('## Annex');
    expect(md).not.toContain('## Projection');
  });
});

describe('several plans', () => {
  it('gives each plan its own section, one figure at the top, and a footnote per plan', () => {
    const data = demoData();
    const first = data.plans[0]!;
    data.plans.push({
      plan: { ...first.plan, id: 'other', body: 'ACCSM+3', title: 'Other Plan 2021-2025' },
      file: '/demo/plans/other/plan.yaml',
      projects: [{ project: { id: 'Y1', title: 'Joint course', priority_areas: ['a1'], lead: ['JP'], illustrative: true, status: [{ date: '2022-01-20', status: 'ongoing', meeting: 'm2plus' }] }, file: '/demo/plans/other/projects/Y1.yaml' }],
    });
    const { doc, md } = paper(data, '2022-06-01', { chart: 'chart.svg' });
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => `${'#'.repeat((b as { level: number }).level)} ${(b as { text: string }).text}`);
    expect(headings.filter((h) => /^#{1,2} /.test(h))).toEqual(['# Implementation of the Demo Work Plan 2021-2025 and the Other Plan 2021-2025', '## Demo Work Plan 2021-2025', '## Other Plan 2021-2025', '## Annex 1: Projects/activities of the Demo Work Plan 2021-2025', '## Annex 2: Projects/activities of the Other Plan 2021-2025']);
    expect(headings.filter((h) => h === '### Summary')).toHaveLength(2);
    expect(md.match(/!\[Figure 1/g)).toHaveLength(1);
    expect(md.indexOf('![Figure 1')).toBeLessThan(md.indexOf('## Demo Work Plan'));
    // each plan compares with the previous meeting of its own body
    expect(md).toContain('Since the Second Demo Meeting held on 10 January 2022');
    expect(md).toContain('Since the Second Demo Meeting of ACCSM+3 held on 20 January 2022, no project/activity has changed status.');
    expect(md).toContain('of the 1 project/activity under the Other Plan 2021-2025, 1 (100%) is ongoing; 1 (100%) has thus been completed or is being implemented.\n');
    expect(md).toContain('[^illustrative-areas-demo]: Illustrative: 1 of the 5 projects/activities counted here');
    expect(md).toContain('[^illustrative-areas-other]: Illustrative: the one project/activity counted here');
    // the annexes come after the closing paragraph, numbered
    expect(md.indexOf('The Meeting is invited to note the progress in the implementation of the Demo Work Plan 2021-2025 and the Other Plan 2021-2025.')).toBeLessThan(md.indexOf('## Annex 1: Projects/activities of the Demo Work Plan 2021-2025'));
    expect(md).toContain('## Annex 2: Projects/activities of the Other Plan 2021-2025');
  });
});

describe('many changes', () => {
  it(`past ${MAX_CHANGE_ROWS} changes, gives them by priority area instead of one row each, and leaves the full list to the annex`, () => {
    const data = demoData();
    const plan = data.plans[0]!;
    for (let k = 1; k <= 16; k++) {
      const id = `Z${String(k).padStart(2, '0')}`;
      plan.projects.push({
        project: { id, title: `Moved ${k}`, priority_areas: [k % 2 ? 'a1' : 'a2'], lead: ['VN'], status: [{ date: '2021-03-01', status: 'planned' }, { date: '2022-03-01', status: k <= 12 ? 'ongoing' : 'completed' }] },
        file: `/demo/plans/demo/projects/${id}.yaml`,
      });
    }
    const { md } = paper(data, 'm3');
    const s = section(md, 'Progress since the previous meeting');
    // 3 changes of the demo and 16 more
    expect(s).toContain('the status of 19 projects/activities has changed:');
    expect(s).toContain('- 12 moved from planned to ongoing (Z01, Z02, Z03, Z04, Z05, Z06, Z07, Z08, Z09, Z10, Z11 and Z12);');
    expect(s).not.toMatch(/^\| Z\d\d /m);
    expect(s).toContain('*Changes of status by priority area (the annex gives each project/activity with the date its status began)*');
    const rows = s.split('\n').filter((l) => l.startsWith('| ') && !/^\| Priority area /.test(l));
    expect(s.split('\n').find((l) => l.startsWith('| Priority area'))).toBe('| Priority area | Changed | Now completed | Now ongoing | Now cancelled |');
    // X1 to completed, X3 to ongoing, X6 to cancelled, Z01-Z12 to ongoing, Z13-Z16 to completed; the Total row counts each change once
    expect(rows.find((r) => r.startsWith('| **Total**'))).toBe('| **Total** | **19** | **5** | **13** | **1** |');
    expect(section(md, 'Annex: Projects/activities of the Demo Work Plan 2021-2025')).toMatch(/^\| Z16 \| Moved 16 \|/m);
  });
});
