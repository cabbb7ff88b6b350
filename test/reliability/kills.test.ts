/**
 * kill -9 in the middle of an edit: the file is the old one or the whole new
 * one, the next edit goes ahead at once (the dead run's lock is stale) and
 * removes what the dead run left, and validate never reads a leftover.
 * `npm test` kills a few runs; ACCSM_STRESS_KILLS=60 the full count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, copyRoot } from '../helpers.js';
import { dayAfter, launch } from './concurrent.js';

const n = Number(process.env.ACCSM_STRESS_KILLS);
const KILLS = Number.isInteger(n) && n > 0 ? n : 4;
const P07 = 'plans/accsm-2021-2025/projects/P07.yaml';
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const leftovers = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => /(^|\/)\.[^/]*(lock|journal|tmp|stale)/.test(p));
const dates = (text: string) => (parse(text) as { status: { date: string }[] }).status.map((s) => s.date);

describe(`kill -9 during an edit (${KILLS} kills)`, () => {
  it('leaves the old file or the whole new one; the next edit is not blocked and removes what the killed run left', async () => {
    const r = copyRoot();
    cleanups.push(r.cleanup);
    const cwd = join(r.dir, '..');
    let day = 0;
    for (let i = 0; i < KILLS; i++) {
      const before = readFileSync(join(r.dir, P07), 'utf8');
      const date = dayAfter(day++);
      const run = launch(['status', 'set', 'P07', 'ongoing', '--date', date, '--data', 'data'], cwd);
      // spread the kills over the run: start-up, validation, writing
      await new Promise((done) => setTimeout(done, 60 + ((i * 137) % 700)));
      run.kill();
      await run.result;
      const now = readFileSync(join(r.dir, P07), 'utf8');
      if (now !== before) expect(dates(now)).toEqual([...dates(before), date]);
      // validate reads the root as it is, leftovers and all
      const check = await cli(['validate', '--data', r.dir]);
      expect(check.code, check.stderr).toBe(0);
      const next = await cli(['status', 'set', 'P07', 'ongoing', '--date', dayAfter(day++), '--data', r.dir], { env: { ACCSM_LOCK_WAIT: '5' } });
      expect(next.code, next.stderr).toBe(0);
      expect(leftovers(r.dir)).toEqual([]);
    }
  }, 30_000 + KILLS * 5_000);
});
