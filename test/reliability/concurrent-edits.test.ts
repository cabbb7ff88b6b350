/**
 * No lost update: pairs of real accsm processes edit one data root at the same
 * moment. Whatever order the lock gives them, a run that says "recorded",
 * "created" or "added" has its change in the file, a run that does not says
 * "nothing written", and the root still validates. `npm test` runs a few
 * pairs; ACCSM_STRESS_PAIRS=200 runs the full count the README gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, copyRoot, tempDir } from '../helpers.js';
import { dayAfter, pair, pairCount, type Run } from './concurrent.js';

const PAIRS = pairCount(2);
/** time for a test: a pair takes about a second on a loaded 2-core machine */
const TIMEOUT = 30_000 + PAIRS * 5_000;
const P07 = 'plans/accsm-2021-2025/projects/P07.yaml';
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function root(): { dir: string; cwd: string } {
  const r = copyRoot();
  cleanups.push(r.cleanup);
  return { dir: r.dir, cwd: join(r.dir, '..') };
}

/** Every run either did its change and said so, or wrote nothing and said so. */
function outcome(run: Run, done: RegExp): 'done' | 'refused' {
  if (run.code === 0 && done.test(run.stderr)) return 'done';
  if (run.code !== 0 && /nothing written|wrote nothing|nothing was written/.test(run.stderr)) return 'refused';
  throw new Error(`unexpected outcome of accsm ${run.args.join(' ')}: exit ${run.code}\n${run.stderr}`);
}

/** Validates, and holds no lock, journal or temporary file: every run cleaned up after itself. */
async function validates(dir: string): Promise<void> {
  expect(leftovers(dir)).toEqual([]);
  const r = await cli(['validate', '--data', dir]);
  expect(r.stderr + r.stdout).toMatch(/no problems/);
  expect(r.code).toBe(0);
}

function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => /(^|[/\\])\.[^/\\]*(lock|journal|tmp|stale)/.test(p));
}

describe(`concurrent edits (${PAIRS} pairs of real processes per command)`, () => {
  it('status set: every "recorded" entry is in the file; the other one of a pair is refused, never lost', async () => {
    const { dir, cwd } = root();
    const entries = () => (parse(readFileSync(join(dir, P07), 'utf8')) as { status: { date: string }[] }).status.map((s) => s.date);
    const start = entries().length;
    let recorded = 0;
    for (let i = 0; i < PAIRS; i++) {
      const dates = [dayAfter(2 * i), dayAfter(2 * i + 1)];
      const runs = await pair(
        ['status', 'set', 'P07', 'ongoing', '--date', dates[0]!, '--data', 'data'],
        ['status', 'set', 'P07', 'ongoing', '--date', dates[1]!, '--data', 'data'],
        cwd,
      );
      const now = entries();
      runs.forEach((run, k) => {
        const result = outcome(run, /recorded P07 ongoing/);
        expect(now.includes(dates[k]!), `${run.args.join(' ')} said ${result}`).toBe(result === 'done');
        if (result === 'done') recorded++;
        // the only reason to refuse here: the other run's later date went in first
        else expect(run.stderr).toMatch(/date-order/);
      });
    }
    expect(entries().length).toBe(start + recorded);
    expect(recorded).toBeGreaterThanOrEqual(PAIRS);
    await validates(dir);
  }, TIMEOUT);

  it('project add without --id: both runs of a pair get a new file each (P32 and P33, …), none overwritten', async () => {
    const { dir, cwd } = root();
    const projects = join(dir, 'plans/accsm-2021-2025/projects');
    const before = readdirSync(projects).length;
    const titles = new Set<string>();
    for (let i = 0; i < PAIRS; i++) {
      const add = (k: string) => ['project', 'add', '--plan', 'accsm-2021-2025', '--title', `Stress ${i}${k}`, '--area', 'competencies', '--lead', 'ASEC', '--date', '2023-01-01', '--data', 'data'];
      for (const run of await pair(add('a'), add('b'), cwd)) {
        expect(outcome(run, /created /)).toBe('done');
        const file = /created (\S+)/.exec(run.stderr)![1]!;
        const title = (parse(readFileSync(join(cwd, file), 'utf8')) as { title: string }).title;
        expect(title).toBe(run.args[5]);
        titles.add(title);
      }
    }
    expect(titles.size).toBe(2 * PAIRS);
    expect(readdirSync(projects).length).toBe(before + 2 * PAIRS);
    await validates(dir);
  }, TIMEOUT);

  it('meeting add: both meetings of every pair are in meetings.yaml', async () => {
    const { dir, cwd } = root();
    for (let i = 0; i < PAIRS; i++) {
      const add = (k: string) => ['meeting', 'add', '--id', `stress-${i}-${k}`, '--name', `Stress ${i} ${k}`, '--date', '2023-01-01', '--data', 'data'];
      for (const run of await pair(add('a'), add('b'), cwd)) expect(outcome(run, /added meeting/)).toBe('done');
    }
    const ids = (parse(readFileSync(join(dir, 'meetings.yaml'), 'utf8')) as { id: string }[]).map((m) => m.id);
    for (let i = 0; i < PAIRS; i++) expect(ids).toEqual(expect.arrayContaining([`stress-${i}-a`, `stress-${i}-b`]));
    await validates(dir);
  }, TIMEOUT);

  it('init of one folder: exactly one run of a pair makes it, the other is refused and nothing is half made', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    for (let i = 0; i < PAIRS; i++) {
      const runs = await pair(['init', `root-${i}`], ['init', `root-${i}`], t.dir);
      const results = runs.map((r) => (r.code === 0 && /created the data root/.test(r.stderr) ? 'done' : r.code === 2 && /not empty|exists|already holds/.test(r.stderr) ? 'refused' : r.stderr));
      expect(results.sort()).toEqual(['done', 'refused']);
      await validates(join(t.dir, `root-${i}`));
    }
    // no temporary folder or lock left beside the roots
    expect(readdirSync(t.dir).sort()).toEqual(Array.from({ length: PAIRS }, (_, i) => `root-${i}`).sort());
  }, TIMEOUT);
});
