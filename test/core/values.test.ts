/** Command-line values checked as command-line values: each message names the flag and offers the validator's "did you mean". */
import { describe, expect, it } from 'vitest';
import { bodyValue, countryValue, dateValue, looksLikeDate, meetingValue, planValue, statusValue } from '../../src/core/values.js';

const fails = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return { message: (error as Error).message, exitCode: (error as { exitCode?: number }).exitCode };
  }
  throw new Error('expected a usage error');
};

describe('command-line values', () => {
  it('statuses and bodies: the value in any case, else the allowed ones and the near one', () => {
    expect(statusValue('completed', 'status')).toBe('completed');
    expect(statusValue('Ongoing', '--status')).toBe('ongoing');
    expect(fails(() => statusValue('complete', 'status'))).toEqual({ message: 'status "complete" is not one of planned, ongoing, completed, postponed, cancelled (did you mean "completed"?)', exitCode: 2 });
    expect(fails(() => statusValue('xyz', '--status')).message).toBe('--status "xyz" is not one of planned, ongoing, completed, postponed, cancelled');
    expect(bodyValue('accsm+3', '--body')).toBe('ACCSM+3');
    expect(fails(() => bodyValue('ACSM', '--body')).message).toBe('--body "ACSM" is not one of ACCSM, ACCSM+3 (did you mean "ACCSM"?)');
  });

  it('dates: a day that exists, written YYYY-MM-DD; otherwise why, and the spelling that would do', () => {
    expect(dateValue('2024-02-29', '--date')).toBe('2024-02-29');
    expect(fails(() => dateValue('2024-02-30', '--date')).message).toBe('--date 2024-02-30 is not a real calendar date: February 2024 has 29 days');
    expect(fails(() => dateValue('2023-02-29', '--date')).message).toBe('--date 2023-02-29 is not a real calendar date: February 2023 has 28 days');
    expect(fails(() => dateValue('2024-13-01', '--as-of')).message).toBe('--as-of 2024-13-01 is not a real calendar date: there is no month 13');
    expect(fails(() => dateValue('2024/02/03', '--date')).message).toBe('--date "2024/02/03" is not a date written YYYY-MM-DD, for example 2024-08-05 (did you mean 2024-02-03?)');
    expect(fails(() => dateValue('2024-2-3', '--end')).message).toContain('(did you mean 2024-02-03?)');
    expect(fails(() => dateValue('3 Feb 2024', '--date')).message).toBe('--date "3 Feb 2024" is not a date written YYYY-MM-DD, for example 2024-08-05');
    expect([looksLikeDate('2024/02/03'), looksLikeDate('som-21'), looksLikeDate('2024-som')]).toEqual([true, false, false]);
  });

  it('countries: a code or a name, as the code; a near name suggests its code', () => {
    expect(['KH', 'kh', 'Cambodia', 'cambodia', 'Viet Nam', 'Vietnam', 'Lao PDR', 'ASEAN Secretariat'].map((v) => countryValue(v, '--host'))).toEqual(['KH', 'KH', 'KH', 'KH', 'VN', 'VN', 'LA', 'ASEC']);
    expect(fails(() => countryValue('Cambodja', '--host')).message).toMatch(/^--host "Cambodja" is not a country code or name \(did you mean KH, Cambodia\?\); codes: BN, KH, /);
    expect(fails(() => countryValue('Atlantis', '--lead')).message).toMatch(/^--lead "Atlantis" is not a country code or name; codes: /);
  });

  it('meetings and plans: the id, or the near one and the list', () => {
    const meetings = ['som-21', 'som-22', 'hcs-21'];
    expect(meetingValue('som-22', '--meeting', meetings)).toBe('som-22');
    expect(fails(() => meetingValue('som23', '--meeting', meetings)).message).toBe('--meeting "som23" is not a meeting in meetings.yaml (did you mean "som-21"?); meetings: som-21, som-22, hcs-21');
    expect(fails(() => meetingValue('x', '--meeting', [])).message).toBe('--meeting "x" is not a meeting in meetings.yaml; meetings: none');
    expect(fails(() => planValue('accsm-2021-2026', '--plan', ['accsm-2021-2025', 'accsm-2026-2030'])).message).toBe(
      '--plan "accsm-2021-2026" is not a plan of the data root (did you mean "accsm-2021-2025"?); plans: accsm-2021-2025, accsm-2026-2030',
    );
  });
});
