/**
 * A focal point's command-line mistakes: each is a usage error (exit 2) that
 * names the flag or argument, offers the same "did you mean" as the validator,
 * and is found before any file is read or written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, copyRoot } from '../helpers.js';

const copy = copyRoot();
afterAll(() => copy.cleanup());
const P02 = join(copy.dir, 'plans', 'accsm-2021-2025', 'projects', 'P02.yaml');
const MEETINGS = join(copy.dir, 'meetings.yaml');

describe('the four command-line mistakes of issue 18', () => {
  it('status set P02 complete: the status argument, not a line of a file', async () => {
    const before = readFileSync(P02, 'utf8');
    const r = await cli(['status', 'set', 'P02', 'complete', '--data', copy.dir]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'accsm: status "complete" is not one of planned, ongoing, completed, postponed, cancelled (did you mean "completed"?)\n' });
    expect(readFileSync(P02, 'utf8')).toBe(before);
  });

  it('list --status complete: the flag and the near status, not a bare "Allowed choices"', async () => {
    const r = await cli(['list', '--status', 'ongoing', 'complete', '--data', copy.dir]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'accsm: --status "complete" is not one of planned, ongoing, completed, postponed, cancelled (did you mean "completed"?)\n' });
  });

  it('meeting add --host Cambodia is KH; a misspelt name suggests the code', async () => {
    const ok = await cli(['meeting', 'add', '--id', 'som-24', '--name', '24th ACCSM SOM', '--date', '2026-08-04', '--host', 'Cambodia', '--data', copy.dir]);
    expect(ok.code).toBe(0);
    expect(readFileSync(MEETINGS, 'utf8')).toMatch(/- id: som-24\n {2}name: 24th ACCSM SOM\n {2}date: 2026-08-04\n {2}host: KH\n$/);
    const before = readFileSync(MEETINGS, 'utf8');
    const bad = await cli(['meeting', 'add', '--id', 'som-25', '--name', 'x', '--date', '2026-08-04', '--host', 'Cambodja', '--data', copy.dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'accsm: --host "Cambodja" is not a country code or name (did you mean KH, Cambodia?); codes: BN, KH, ID, LA, MY, MM, PH, SG, TH, VN, TL, CN, JP, KR, AU, CA, EU, GB, IN, NZ, RU, US, ASEC\n',
    );
    expect(readFileSync(MEETINGS, 'utf8')).toBe(before);
  });

  it('--as-of som23 suggests the meeting as --meeting som23 does', async () => {
    const meetings = 'meetings: hcs-retreat-2015, som-2021-06-15, som-21, som3-6, hcs-21, som-22, som3-7, hcs-22, hcs3-7, som-24\n';
    const asOf = await cli(['report', '--as-of', 'som23', '--data', copy.dir]);
    expect(asOf).toEqual({ code: 2, stdout: '', stderr: `accsm: --as-of "som23" is neither a date (YYYY-MM-DD) nor a meeting id (did you mean "som-21"?); ${meetings}` });
    const meeting = await cli(['paper', '--meeting', 'som23', '--data', copy.dir]);
    expect(meeting).toEqual({ code: 2, stdout: '', stderr: `accsm: --meeting "som23" is not a meeting in meetings.yaml (did you mean "som-21"?); ${meetings}` });
    const before = readFileSync(P02, 'utf8');
    const status = await cli(['status', 'set', 'P02', 'completed', '--meeting', 'som23', '--data', copy.dir]);
    expect(status).toEqual({ code: 2, stdout: '', stderr: `accsm: --meeting "som23" is not a meeting in meetings.yaml (did you mean "som-21"?); ${meetings}` });
    expect(readFileSync(P02, 'utf8')).toBe(before);
  });
});

describe('other values on the command line', () => {
  it('dates: a day that does not exist, and another spelling', async () => {
    const r1 = await cli(['status', 'set', 'P02', 'completed', '--date', '2024-02-30', '--data', copy.dir]);
    expect([r1.code, r1.stderr]).toEqual([2, 'accsm: --date 2024-02-30 is not a real calendar date: February 2024 has 29 days\n']);
    const r2 = await cli(['status', 'set', 'P02', 'completed', '--date', '2024/02/03', '--data', copy.dir]);
    expect([r2.code, r2.stderr]).toEqual([2, 'accsm: --date "2024/02/03" is not a date written YYYY-MM-DD, for example 2024-08-05 (did you mean 2024-02-03?)\n']);
    const r3 = await cli(['show', 'P02', '--as-of', '2024-13-01', '--data', copy.dir]);
    expect([r3.code, r3.stderr]).toEqual([2, 'accsm: --as-of 2024-13-01 is not a real calendar date: there is no month 13\n']);
  });

  it('are checked before the data root is read: a bad value wins over a missing root', async () => {
    const r = await cli(['status', 'set', 'P02', 'complete', '--data', join(copy.dir, 'no-such-folder')]);
    expect([r.code, r.stderr]).toEqual([2, 'accsm: status "complete" is not one of planned, ongoing, completed, postponed, cancelled (did you mean "completed"?)\n']);
  });

  it('plan ids, and country names for project leads', async () => {
    const plan = await cli(['report', '--plan', 'accsm-2021-2026', '--data', copy.dir]);
    expect([plan.code, plan.stderr]).toEqual([2, 'accsm: --plan "accsm-2021-2026" is not a plan of the data root (did you mean "accsm-2021-2025"?); plans: accsm-2021-2025, accsm-2026-2030, accsm-plus-3-2021-2025\n']);
    const set = await cli(['project', 'set', 'P02', '--lead', 'Viet Nam,Singapore', '--dry-run', '--data', copy.dir]);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/^ {3}- VN\n\+ {2}- SG\n/m);
    const bad = await cli(['project', 'add', '--plan', 'accsm-2026-2030', '--title', 'x', '--area', 'reform', '--lead', 'Singapur', '--data', copy.dir]);
    expect([bad.code, bad.stderr.split(';')[0]]).toEqual([2, 'accsm: --lead "Singapur" is not a country code or name (did you mean SG, Singapore?)']);
  });
});
