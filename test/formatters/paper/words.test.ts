import { describe, expect, it } from 'vitest';
import { figures } from '../../../src/core/figures.js';
import type { Status } from '../../../src/core/types.js';
import {
  countWithPercent,
  dateRange,
  implementedClause,
  illustrativeNote,
  joinList,
  projectsNoun,
  schedule,
  statusClause,
  summarySentence,
  verb,
} from '../../../src/formatters/paper/words.js';
import { dateWords, periodWords } from '../../../src/formatters/shared/words.js';

const many = (status: Status, n: number) => Array.from({ length: n }, () => status);

describe('dates', () => {
  it('writes dates as in the seeds: "3 August 2022", no leading zero', () => {
    expect(dateWords('2022-08-03')).toBe('3 August 2022');
    expect(dateWords('2015-11-17')).toBe('17 November 2015');
    expect(dateWords('2024-01-31')).toBe('31 January 2024');
    expect(periodWords('2028-01')).toBe('January 2028');
    expect(periodWords('2025')).toBe('2025');
  });

  it('writes a meeting over several days as "5-7 August 2024", across months and years in full', () => {
    expect(dateRange('2022-08-03')).toBe('3 August 2022');
    expect(dateRange('2022-08-03', '2022-08-03')).toBe('3 August 2022');
    expect(dateRange('2024-08-05', '2024-08-07')).toBe('5-7 August 2024');
    expect(dateRange('2024-07-30', '2024-08-02')).toBe('30 July - 2 August 2024');
    expect(dateRange('2024-12-30', '2025-01-02')).toBe('30 December 2024 - 2 January 2025');
  });

  it('writes a schedule as the report does, and a dash when there is none', () => {
    expect(schedule(undefined)).toBe('—');
    expect(schedule({ start: '2023', end: '2023' })).toBe('2023');
    expect(schedule({ start: '2022-03', end: '2023-06' })).toBe('March 2022 to June 2023');
  });
});

describe('numbers and plurals (0, 1, 2 for each phrase)', () => {
  it('projectsNoun', () => {
    expect(projectsNoun(0)).toBe('no projects/activities');
    expect(projectsNoun(1)).toBe('1 project/activity');
    expect(projectsNoun(2)).toBe('2 projects/activities');
  });

  it('verb', () => {
    expect([0, 1, 2].map((n) => verb(n, 'has'))).toEqual(['have', 'has', 'have']);
    expect([0, 1, 2].map((n) => verb(n, 'is'))).toEqual(['are', 'is', 'are']);
    expect([0, 1, 2].map((n) => verb(n, 'was'))).toEqual(['were', 'was', 'were']);
  });

  it('countWithPercent says "none" for 0', () => {
    expect(countWithPercent(0, 0)).toBe('none');
    expect(countWithPercent(1, 3)).toBe('1 (3%)');
    expect(countWithPercent(2, 6)).toBe('2 (6%)');
  });

  it('statusClause for every status', () => {
    const cases: [Status, string, string, string][] = [
      ['completed', 'none has been completed', '1 (3%) has been completed', '2 (6%) have been completed'],
      ['ongoing', 'none is ongoing', '1 (3%) is ongoing', '2 (6%) are ongoing'],
      ['planned', 'none is being planned for implementation', '1 (3%) is being planned for implementation', '2 (6%) are being planned for implementation'],
      ['postponed', 'none has been postponed', '1 (3%) has been postponed', '2 (6%) have been postponed'],
      ['cancelled', 'none has been cancelled', '1 (3%) has been cancelled', '2 (6%) have been cancelled'],
    ];
    for (const [status, zero, one, two] of cases) {
      expect(statusClause(status, 0, 0)).toBe(zero);
      expect(statusClause(status, 1, 3)).toBe(one);
      expect(statusClause(status, 2, 6)).toBe(two);
    }
  });

  it('implementedClause', () => {
    expect(implementedClause(0, 0)).toBe('none has thus been completed or is being implemented');
    expect(implementedClause(1, 3)).toBe('1 (3%) has thus been completed or is being implemented');
    expect(implementedClause(2, 6)).toBe('2 (6%) have thus been completed or are being implemented');
  });

  it('joinList without a serial comma', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b'])).toBe('a and b');
    expect(joinList(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('illustrativeNote names what rests on illustrative data, in the paper\'s nouns, and starts with a word (its footnote mark is never read as part of a number)', () => {
    expect(illustrativeNote({ illustrative: 0, total: 5 }, 'areas')).toBe('');
    expect(illustrativeNote({ illustrative: 1, total: 5 }, 'areas')).toBe(
      'Illustrative: 1 of the 5 projects/activities counted here is marked illustrative: some or all of its details are not from the public record, so the figures by priority area may not match it.',
    );
    expect(illustrativeNote({ illustrative: 2, total: 5 }, 'annex')).toBe('Illustrative: 2 of the 5 projects/activities listed here are marked illustrative: some or all of their details are not from the public record.');
    expect(illustrativeNote({ illustrative: 31, total: 31 }, 'annex')).toBe('Illustrative: all 31 projects/activities listed here are marked illustrative: some or all of their details are not from the public record.');
    expect(illustrativeNote({ illustrative: 1, total: 1 }, 'annex')).toMatch(/^Illustrative: the one project\/activity listed here is marked illustrative: some or all of its details/);
    for (const n of [1, 2, 31]) expect(illustrativeNote({ illustrative: n, total: 31 }, 'areas')).toMatch(/^[A-Z][a-z]/);
  });
});

describe('summarySentence', () => {
  it('is the sentence of the 21st SOM for 7 completed, 5 ongoing, 19 planned', () => {
    const f = figures([...many('completed', 7), ...many('ongoing', 5), ...many('planned', 19)]);
    expect(summarySentence(f, 'ACCSM Work Plan 2021-2025', '2022-08-03')).toBe(
      'As of 3 August 2022, of the 31 projects/activities under the ACCSM Work Plan 2021-2025, 7 (23%) have been completed, 5 (16%) are ongoing and 19 (61%) are being planned for implementation; 12 (39%) have thus been completed or are being implemented.',
    );
  });

  it('leaves out statuses with no project and names postponed and cancelled when present', () => {
    const f = figures([...many('completed', 1), ...many('planned', 2), 'postponed', 'cancelled', 'cancelled']);
    expect(summarySentence(f, 'Plan', '2024-08-07')).toBe(
      'As of 7 August 2024, of the 6 projects/activities under the Plan, 1 (17%) has been completed, 2 (33%) are being planned for implementation, 1 (17%) has been postponed and 2 (33%) have been cancelled; 1 (17%) has thus been completed or is being implemented.',
    );
  });

  it('says "none" when nothing is completed or ongoing', () => {
    const f = figures(many('planned', 2));
    expect(summarySentence(f, 'Plan', '2021-01-01')).toBe(
      'As of 1 January 2021, of the 2 projects/activities under the Plan, 2 (100%) are being planned for implementation; none has thus been completed or is being implemented.',
    );
  });

  it('is singular for one project and says so when there is none', () => {
    expect(summarySentence(figures(['ongoing']), 'Plan', '2021-01-01')).toBe(
      'As of 1 January 2021, of the 1 project/activity under the Plan, 1 (100%) is ongoing; 1 (100%) has thus been completed or is being implemented.',
    );
    expect(summarySentence(figures([]), 'Plan', '2021-01-01')).toBe('As of 1 January 2021, no projects/activities are recorded under the Plan.');
  });
});
