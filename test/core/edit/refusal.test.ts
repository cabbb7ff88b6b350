/** Found in QA: a change refused only because the file had errors before it says so, instead of blaming the change. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges, describeOutcome } from '../../../src/core/edit/commit.js';
import { planStatusSet } from '../../../src/core/edit/status.js';
import { validateRoot } from '../../../src/core/validate.js';
import { copyRoot } from '../../helpers.js';

const TODAY = '2026-11-23';
const P12 = join('plans', 'accsm-2021-2025', 'projects', 'P12.yaml');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A copy of the embedded data whose P12 has a misspelt status already. */
function brokenRoot(): string {
  const { dir, cleanup } = copyRoot();
  cleanups.push(cleanup);
  const file = join(dir, P12);
  writeFileSync(file, readFileSync(file, 'utf8').replace('status: ongoing', 'status: ongoin'));
  return dir;
}

function refusal(dir: string, status: string): { text: string; preexisting: boolean | undefined; codes: string[] } {
  const before = validateRoot(dir, { cwd: dir, today: TODAY });
  const { change, done } = planStatusSet(before.loaded, { project: 'P12', status, date: '2024-08-05' }, dir);
  const outcome = applyChanges(dir, [change], before, { cwd: dir, today: TODAY, dryRun: false });
  const text = describeOutcome(outcome, done, (s) => s.diagnostics.map((d) => `${d.line}:${d.code}`).join(',')).stderr;
  return { text, preexisting: outcome.kind === 'refused' ? outcome.preexisting : undefined, codes: outcome.kind === 'refused' ? outcome.diagnostics.diagnostics.map((d) => d.code) : [] };
}

describe('a change to a file that has errors already', () => {
  it('a correct entry: refused, saying the file already has errors (not that the change is invalid)', () => {
    const dir = brokenRoot();
    const before = readFileSync(join(dir, P12), 'utf8');
    const r = refusal(dir, 'completed');
    expect(r.preexisting).toBe(true);
    expect(r.codes).toEqual(['schema-enum']);
    expect(r.text).toMatch(/^accsm: nothing written: the file already has these errors, and accsm changes only a file without errors: fix them first/);
    expect(r.text).not.toContain('the change would make the data invalid');
    expect(readFileSync(join(dir, P12), 'utf8')).toBe(before);
  });

  it('an entry with a mistake of its own, even the same words as the old one: the change is blamed', () => {
    const dir = brokenRoot();
    const r = refusal(dir, 'ongoin');
    expect(r.preexisting).toBe(false);
    expect(r.codes).toEqual(['schema-enum', 'schema-enum']);
    expect(r.text).toMatch(/^accsm: nothing written: the change would make the data invalid/);
  });
});
