/** QA findings on the words of the paper, report and list, each a test that failed before its fix. */
import { describe, expect, it } from 'vitest';
import { progressSince } from '../../../src/core/progress.js';
import { resolveAsOf } from '../../../src/core/as-of.js';
import { computeReport, type Report } from '../../../src/core/report.js';
import type { DataSet } from '../../../src/core/types.js';
import { buildPaper, paperMarkdown } from '../../../src/formatters/paper/index.js';
import { demoData } from './helpers.js';

function md(data: DataSet, asOfValue: string, since?: string): string {
  const report: Report = computeReport(data, { asOf: resolveAsOf(data, asOfValue) });
  const progress = progressSince(data, report, since ? { since } : {});
  return paperMarkdown(buildPaper({ report, progress }));
}

/** The demo data with the meetings' names starting with "The", as some meeting names do. */
function withTheNames(): DataSet {
  const data = demoData();
  return { ...data, meetings: data.meetings.map((m) => ({ ...m, name: `The ${m.name}` })) };
}

describe('meeting names that start with "the"', () => {
  it('get no second article in the as-of line', () => {
    const text = md(withTheNames(), 'm3');
    expect(text).toContain('Progress report as of the Third Demo Meeting, 1 June 2022.');
    expect(text).not.toMatch(/\bthe the\b/i);
  });

  it('get no second article in the progress section, by default and with --since', () => {
    expect(md(withTheNames(), 'm3')).toContain('Since the Second Demo Meeting held on 10 January 2022, ');
    const given = md(withTheNames(), 'm3', 'm1');
    expect(given).toContain('## Progress since the First Demo Meeting\n');
    expect(given).toContain('Since the First Demo Meeting held on 1 March 2021, ');
    expect(given).not.toMatch(/\bthe the\b/i);
  });
});

describe('--since after the paper\'s date', () => {
  it('names a date once, and a meeting with the day it stands for', () => {
    const data = demoData();
    expect(() => md(data, '2022-02-01', '2022-03-01')).toThrow(/^--since 2022-03-01 must be before the paper's date, 2022-02-01$/);
    expect(() => md(data, '2022-02-01', 'm3')).toThrow(/^--since m3 \(2022-06-01\) must be before the paper's date, 2022-02-01$/);
  });
});

describe('a plan with nothing to show under the filters', () => {
  it('says which projects there are none of, in one plain sentence', async () => {
    const { emptyPlanWords } = await import('../../../src/formatters/shared/words.js');
    expect(emptyPlanWords({ asOf: '2022-01-01' }, { lead: ['PH'] })).toBe('No projects led by PH in this plan as of 1 January 2022.');
    expect(emptyPlanWords({ asOf: '2022-01-01' }, { statuses: ['completed'], lead: ['TH'] })).toBe('No projects with status completed and led by TH in this plan as of 1 January 2022.');
    expect(emptyPlanWords({ asOf: '2022-01-01' }, {})).toBe('No projects in this plan as of 1 January 2022.');
  });
});

describe('show in plain ASCII (TERM=dumb or a locale that is not UTF-8)', () => {
  it('marks the entry in force without Unicode arrows', async () => {
    const { projectDetail } = await import('../../../src/core/views.js');
    const { showFormatters } = await import('../../../src/formatters/show/index.js');
    const detail = projectDetail(demoData(), 'X1', { asOf: '2022-03-01' });
    const out = showFormatters.text(detail, { color: false, ascii: true, file: 'X1.yaml' });
    expect(out).toMatch(/^> 10 January 2022 +ongoing +m2 \(Second Demo Meeting\) {2}<- in force on 1 March 2022$/m);
    expect(out).toMatch(/^[\x20-\x7e\n]*$/);
    // and the Unicode markers when the terminal can show them
    expect(showFormatters.text(detail, { color: false, file: 'X1.yaml' })).toMatch(/^▶ 10 January 2022 .* {2}← in force on 1 March 2022$/m);
  });
});
