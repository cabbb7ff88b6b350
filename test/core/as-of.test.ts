/** The as-of point: resolveAsOf gives {date, meeting?}, computeReport carries it, and a meeting's plans are chosen in core. */
import { describe, expect, it } from 'vitest';
import { meetingPlans, resolveAsOf } from '../../src/core/as-of.js';
import { loadRoot } from '../../src/core/load.js';
import { computeReport } from '../../src/core/report.js';
import { listProjects } from '../../src/core/views.js';
import { EMBEDDED } from '../helpers.js';

const data = loadRoot(EMBEDDED).data;

describe('the as-of point', () => {
  it('a date stands alone; a meeting id stands for its last day and names the meeting', () => {
    expect(resolveAsOf(data, '2022-08-03')).toEqual({ date: '2022-08-03' });
    expect(resolveAsOf(data, 'som-21')).toMatchObject({ date: '2022-08-03', meeting: { id: 'som-21', date: '2022-08-03' } });
  });

  it('the report and the list carry the meeting; a plain date gives none', () => {
    const at = resolveAsOf(data, 'som-21');
    expect(computeReport(data, { asOf: at }).meeting).toEqual(at.meeting);
    expect(listProjects(data, { asOf: at }).meeting).toEqual(at.meeting);
    const plain = computeReport(data, { asOf: '2022-08-03' });
    expect('meeting' in plain).toBe(false);
    // the meeting comes last in the report, as the JSON format has always written it
    expect(Object.keys(computeReport(data, { asOf: at }))).toEqual(['asOf', 'filters', 'plans', 'meeting']);
  });

  it("a meeting's plans are its body's plans that have projects", () => {
    expect(meetingPlans(data, 'som-21')).toEqual(['accsm-2021-2025']);
    expect(meetingPlans(data, 'som3-7')).toEqual(['accsm-plus-3-2021-2025']);
    expect(meetingPlans(data, 'no-such-meeting')).toBeUndefined();
  });
});
