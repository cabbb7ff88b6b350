/** The list and show formatters on hand-built input, each format read back. */
import { describe, expect, it } from 'vitest';
import type { ProjectRow } from '../../src/core/report.js';
import type { ProjectDetail, ProjectList } from '../../src/core/views.js';
import { listFormatters } from '../../src/formatters/list/index.js';
import { LIST_CSV_HEADER } from '../../src/formatters/list/csv.js';
import { showFormatters } from '../../src/formatters/show/index.js';
import { markdownTables, parseCsv } from './parsers.js';

const row = (over: Partial<ProjectRow>): ProjectRow => ({
  id: 'P1',
  title: 'First',
  status: 'ongoing',
  since: '2022-08-03',
  statusSince: '2022-08-03',
  meeting: 'som-21',
  priority_areas: ['a1'],
  lead: ['MY'],
  partners: [],
  illustrative: false,
  overdue: false,
  lateStart: false,
  file: '/abs/P1.yaml',
  ...over,
});

const list: ProjectList = {
  asOf: '2022-08-03',
  filters: { statuses: ['ongoing', 'planned'] },
  plans: [
    {
      id: 'wp',
      title: 'Work plan',
      asOf: '2022-08-03',
      projects: [
        row({}),
        row({ id: 'P2', title: 'Second, with "quotes" | and a pipe', status: 'planned', lead: ['MY', 'SG'], priority_areas: ['a1', 'a2'], schedule: { start: '2021', end: '2022-06' }, lateStart: true, overdue: true, illustrative: true }),
      ],
    },
    { id: 'empty', title: 'Empty plan', asOf: '2022-08-03', projects: [] },
  ],
};

describe('list', () => {
  it('csv: one record a project, fields quoted, lists joined by ;', () => {
    const rows = parseCsv(listFormatters.csv(list, { color: false }));
    expect(rows[0]).toEqual([...LIST_CSV_HEADER]);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual(['wp', '2022-08-03', 'P2', 'Second, with "quotes" | and a pipe', 'planned', '2022-08-03', 'som-21', 'a1;a2', 'MY;SG', '', '2021', '2022-06', 'true', 'true', 'true']);
  });
  it('json: the rows without file paths', () => {
    const parsed = JSON.parse(listFormatters.json(list, { color: false }));
    expect(parsed.filters.statuses).toEqual(['ongoing', 'planned']);
    expect(parsed.plans[0].projects[1]).toEqual({
      id: 'P2', title: 'Second, with "quotes" | and a pipe', status: 'planned', updated: '2022-08-03', meeting: 'som-21', priority_areas: ['a1', 'a2'], lead: ['MY', 'SG'], partners: [],
      schedule: { start: '2021', end: '2022-06' }, overdue: true, lateStart: true, illustrative: true,
    });
    expect(parsed.plans[1].projects).toEqual([]);
    expect(JSON.stringify(parsed)).not.toContain('/abs/');
  });
  it('markdown: a well-formed table per plan with projects, and plain words for an empty one', () => {
    const md = listFormatters.markdown(list, { color: false });
    const tables = markdownTables(md);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toHaveLength(2);
    for (const r of tables[0]!.rows) expect(r).toHaveLength(tables[0]!.header.length);
    expect(tables[0]!.rows[1]!.slice(0, 3)).toEqual(['P2\\*', 'Second, with "quotes" \\| and a pipe', 'planned']);
    expect(tables[0]!.rows[1]![6]).toBe('2021 to June 2022');
    expect(tables[0]!.rows[1]![7]).toBe('overdue, late start');
    expect(md).toContain('No projects with status ongoing or planned in this plan as of 3 August 2022.');
    expect(md).toContain('\\* marked illustrative: not all details are from the public record');
  });
  it('table: one line a project, ids and statuses, no color when off', () => {
    const out = listFormatters.table(list, { color: false });
    expect(out).toMatch(/│ P1 +│ First +│ ongoing +│ 3 August 2022 +│/);
    expect(out).toContain('P2*');
    expect(out).not.toMatch(/\x1b\[/);
    expect(listFormatters.table(list, { color: true })).toMatch(/\x1b\[/);
  });
});

const detail: ProjectDetail = {
  asOf: '2022-08-04',
  plan: { id: 'wp', title: 'Work plan', period: { start: 2021, end: 2025 } },
  project: {
    id: 'P1',
    title: 'First',
    priority_areas: ['a1'],
    lead: ['MY'],
    status: [
      { date: '2021-06-15', status: 'planned' },
      { date: '2022-08-03', status: 'ongoing', meeting: 'som-21', note: 'Noted by the SOM.' },
      { date: '2023-01-10', status: 'completed' },
    ],
    source: 'A report',
  },
  file: '/abs/data/plans/wp/projects/P1.yaml',
  row: row({}),
  history: [
    { date: '2021-06-15', status: 'planned', inForce: false, later: false },
    { date: '2022-08-03', status: 'ongoing', meeting: 'som-21', meetingName: '21st SOM', note: 'Noted by the SOM.', inForce: true, later: false },
    { date: '2023-01-10', status: 'completed', inForce: false, later: true },
  ],
  areas: [{ id: 'a1', title: 'Area one' }],
  carriedTo: [],
};

describe('show', () => {
  const options = { color: false, file: 'data/plans/wp/projects/P1.yaml' };
  it('text: fields, then the timeline with the entry in force marked', () => {
    const lines = showFormatters.text(detail, options).split('\n');
    expect(lines[0]).toBe('P1  First');
    expect(lines).toContain('Status          ongoing as of 4 August 2022 (entry of 3 August 2022)');
    expect(lines).toContain('Priority areas  Area one (a1)');
    expect(lines).toContain('File            data/plans/wp/projects/P1.yaml');
    const marked = lines.filter((l) => l.startsWith('▶'));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(/^▶ 3 August 2022 +ongoing +som-21 \(21st SOM\)  ← in force on 4 August 2022$/);
    expect(lines.some((l) => l.includes('10 January 2023') && l.endsWith('(after 4 August 2022)'))).toBe(true);
    expect(lines.some((l) => l.trim() === 'Noted by the SOM.')).toBe(true);
  });
  it('json: the project, its status as of D and the history', () => {
    const parsed = JSON.parse(showFormatters.json(detail, options));
    expect(parsed.statusAsOf).toEqual({ status: 'ongoing', updated: '2022-08-03', meeting: 'som-21', overdue: false, lateStart: false });
    expect(parsed.history.map((e: { inForce: boolean }) => e.inForce)).toEqual([false, true, false]);
    expect(parsed.project.source).toBe('A report');
    expect(parsed.file).toBe('data/plans/wp/projects/P1.yaml');
  });
  it('json: statusAsOf is null before the project entered the plan', () => {
    const { row: _, ...before } = detail;
    expect(JSON.parse(showFormatters.json({ ...before, asOf: '2020-01-01' }, options)).statusAsOf).toBeNull();
    expect(showFormatters.text({ ...before, asOf: '2020-01-01' }, options)).toContain('not yet in the plan on 1 January 2020 (first entry 15 June 2021)');
  });
  it('names the other end of a carry-over, by id and plan title (the plan id when its title is not known), in every format', () => {
    const from = { ...detail, carriedFrom: { plan: 'wp-old', planTitle: 'Old Work Plan', id: 'P9' }, carriedTo: [] };
    const to = { ...detail, carriedTo: [{ plan: 'wp-new', planTitle: 'New Plan', id: 'P40' }, { plan: 'wp-x', id: 'X1' }] };
    expect(showFormatters.text(from, options).split('\n')).toContain('Carried over    from P9 (Old Work Plan)');
    expect(showFormatters.text(to, options).split('\n')).toContain('Carried over    to P40 (New Plan), X1 (wp-x)');
    expect(showFormatters.text(detail, options)).not.toContain('Carried over');
    expect(markdownTables(showFormatters.markdown(from, options))[0]!.rows).toContainEqual(['Carried over', 'from P9 (Old Work Plan)']);
    expect(JSON.parse(showFormatters.json(from, options))).toMatchObject({ carriedFrom: { plan: 'wp-old', planTitle: 'Old Work Plan', id: 'P9' }, carriedTo: [] });
    expect(JSON.parse(showFormatters.json(to, options)).carriedTo).toEqual([{ plan: 'wp-new', planTitle: 'New Plan', id: 'P40' }, { plan: 'wp-x', id: 'X1' }]);
    expect(JSON.parse(showFormatters.json(detail, options)).carriedFrom).toBeNull();
  });
  it('markdown: two well-formed tables', () => {
    const tables = markdownTables(showFormatters.markdown(detail, options));
    expect(tables).toHaveLength(2);
    for (const t of tables) for (const r of t.rows) expect(r).toHaveLength(t.header.length);
    expect(tables[1]!.rows[1]![1]).toBe('**ongoing**');
  });
});
