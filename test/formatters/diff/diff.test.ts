/** The diff formatters on hand-built diffs: exact text, markdown escaping, json round trip. */
import { describe, expect, it } from 'vitest';
import type { Diff, PlanDiff } from '../../../src/core/diff.js';
import { diffFormatters } from '../../../src/formatters/diff/index.js';
import { fieldWords, headlineChangeWords, statusChangeWords, valueWords } from '../../../src/formatters/diff/words.js';

const plan = (over: Partial<PlanDiff>): PlanDiff => ({
  id: 'accsm-2021-2025',
  title: 'ACCSM Work Plan 2021-2025',
  kind: 'changed',
  fields: [],
  areas: [],
  projectsAdded: [],
  projectsRemoved: [],
  projectsChanged: [],
  projectsUnreadable: [],
  headline: { before: { implemented: 11, total: 31, implementedPercent: 35 }, after: { implemented: 12, total: 31, implementedPercent: 39 } },
  ...over,
});

const diff = (over: Partial<Diff> = {}): Diff => ({
  asOf: '2024-08-07',
  base: { label: 'origin/main (1a2b3c4)', errors: 0, warnings: 0 },
  head: { label: 'data (working tree)', errors: 0, warnings: 0 },
  plans: [
    plan({
      projectsChanged: [{ id: 'P07', title: 'Project 07', statusChanges: [{ kind: 'added', date: '2024-08-05', from: 'ongoing', to: 'completed', meeting: 'som-23' }], fields: [] }],
    }),
  ],
  meetings: [],
  changed: true,
  ...over,
});

describe('diff words', () => {
  it('says a headline change in the one form', () => {
    expect(headlineChangeWords(plan({}).headline)).toBe('11 of 31 → 12 of 31 completed or ongoing (35% → 39%)');
    const same = { implemented: 12, total: 31, implementedPercent: 39 };
    expect(headlineChangeWords({ before: same, after: same })).toBe('12 of 31 completed or ongoing (39%), unchanged');
    expect(headlineChangeWords({ before: null, after: same })).toBe('new plan: 12 of 31 completed or ongoing (39%)');
    expect(headlineChangeWords({ before: same, after: null })).toBe('plan removed (was 12 of 31 completed or ongoing (39%))');
  });

  it('says each kind of status change', () => {
    expect(statusChangeWords({ kind: 'added', date: '2024-08-05', from: 'ongoing', to: 'completed' })).toBe('ongoing → completed (2024-08-05)');
    expect(statusChangeWords({ kind: 'added', date: '2024-08-05', from: null, to: 'planned', meeting: 'som-23' })).toBe('first status planned (2024-08-05, meeting som-23)');
    expect(statusChangeWords({ kind: 'removed', date: '2022-08-03', from: 'planned', to: null })).toBe('status entry of 2022-08-03 removed (was planned)');
    expect(
      statusChangeWords({
        kind: 'changed',
        date: '2022-08-03',
        from: 'planned',
        to: 'ongoing',
        fields: [
          { field: 'status', before: 'planned', after: 'ongoing' },
          { field: 'meeting', after: 'som-21' },
        ],
      }),
    ).toBe('status entry of 2022-08-03 changed: planned → ongoing; meeting added: "som-21"');
  });

  it('shows values in words and leaves long ones out', () => {
    expect(valueWords(['ID', 'MY'])).toBe('ID, MY');
    expect(valueWords([])).toBe('none');
    expect(valueWords({ start: '2023', end: '2024-06' })).toBe('2023 to 2024-06');
    expect(valueWords(true)).toBe('yes');
    expect(valueWords('two\n  lines')).toBe('two lines');
    expect(fieldWords({ field: 'lead', before: ['ASEC'], after: ['ASEC', 'MY'] })).toBe('lead ASEC → ASEC, MY');
    expect(fieldWords({ field: 'title', before: 'A', after: 'B' })).toBe('title "A" → "B"');
    expect(fieldWords({ field: 'partners', before: ['JP'] })).toBe('partners removed (was JP)');
    expect(fieldWords({ field: 'note', before: 'short', after: 'x'.repeat(61) })).toBe('note changed');
    expect(fieldWords({ field: 'note', after: 'x'.repeat(61) })).toBe('note added');
  });
});

describe('text', () => {
  it('puts the headlines first, then each plan with its transitions', () => {
    expect(diffFormatters.text(diff(), { color: false })).toBe(
      [
        'Changes from origin/main (1a2b3c4) to data (working tree)',
        '',
        'Headlines as of 2024-08-07:',
        '  ACCSM Work Plan 2021-2025: 11 of 31 → 12 of 31 completed or ongoing (35% → 39%)',
        '',
        'ACCSM Work Plan 2021-2025 (accsm-2021-2025)',
        '  Status changes:',
        '    P07: ongoing → completed (2024-08-05, meeting som-23)',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing changed, and warns about a side with errors', () => {
    const same = { implemented: 12, total: 31, implementedPercent: 39 };
    const out = diffFormatters.text(
      diff({ changed: false, plans: [plan({ kind: 'unchanged', headline: { before: same, after: same } })], head: { label: 'data', errors: 2, warnings: 0 } }),
      { color: false },
    );
    expect(out).toContain('No changes to the data.');
    expect(out).toContain('! The head (data) has 2 validation errors: files that fail their schema are left out of this comparison.');
    expect(out).toContain('  ACCSM Work Plan 2021-2025: 12 of 31 completed or ongoing (39%), unchanged');
    expect(out).not.toContain('(accsm-2021-2025)');
  });

  it('uses color only when asked', () => {
    expect(diffFormatters.text(diff(), { color: false })).not.toMatch(/\u001b\[/);
    expect(diffFormatters.text(diff(), { color: true })).toMatch(/\u001b\[1m/);
  });

  it('marks a transition dated after the as-of date as not counted yet', () => {
    const d = diff({
      plans: [plan({ projectsChanged: [{ id: 'P08', title: 'x', statusChanges: [{ kind: 'added', date: '2024-09-01', from: 'planned', to: 'ongoing' }], fields: [] }] })],
    });
    expect(diffFormatters.text(d, { color: false })).toContain('P08: planned → ongoing (2024-09-01); dated after 2024-08-07, so not counted yet');
  });
});

describe('markdown', () => {
  it('gives a heading, the headlines as a list and a section per plan', () => {
    const out = diffFormatters.markdown(diff(), { color: false });
    expect(out.split('\n')).toEqual([
      '## accsm: what this change does to the data',
      '',
      'Comparing `origin/main (1a2b3c4)` (before) with `data (working tree)` (after). Figures as of 2024-08-07.',
      '',
      '### Headlines',
      '',
      '- **ACCSM Work Plan 2021-2025**: 11 of 31 → 12 of 31 completed or ongoing (35% → 39%)',
      '',
      '### ACCSM Work Plan 2021-2025 (`accsm-2021-2025`)',
      '',
      '**Status changes**',
      '',
      '- `P07`: ongoing → completed (2024-08-05, meeting som-23)',
      '',
    ]);
  });

  it('escapes Markdown in titles and values so they cannot break the layout', () => {
    const d = diff({
      plans: [
        plan({
          title: 'Plan *bold* | <script>',
          projectsAdded: [{ id: 'P9', title: 'A [link](http://x) _x_', status: 'planned', since: '2024-08-01' }],
        }),
      ],
    });
    const out = diffFormatters.markdown(d, { color: false });
    expect(out).toContain('### Plan \\*bold\\* \\| \\<script\\> (`accsm-2021-2025`)');
    expect(out).toContain('- `P9`: planned since 2024-08-01 — A \\[link\\](http://x) \\_x\\_');
    expect(out).not.toContain('<script>');
  });

  it('puts a warning in a quote when a side has errors', () => {
    const out = diffFormatters.markdown(diff({ base: { label: 'main', errors: 1, warnings: 0, note: 'there is no data at data/ in this revision' } }), { color: false });
    expect(out).toContain('> **Warning:** The base (main) has 1 validation error: files that fail their schema');
    expect(out).toContain('> **Warning:** The base (main): there is no data at data/ in this revision');
  });
});

describe('json', () => {
  it('is the Diff itself', () => {
    const d = diff();
    expect(JSON.parse(diffFormatters.json(d, { color: false }))).toEqual(d);
  });
});
