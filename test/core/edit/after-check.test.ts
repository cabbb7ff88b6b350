/**
 * An edit that changes project files and keeps their ids has only those files
 * checked again by the rules after the change (checkLoaded with what was found
 * before): it must find exactly what a whole validation of the changed root
 * finds, for changes that add, remove or keep problems of every kind.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRoot } from '../../../src/core/validate.js';
import { validateAfter } from '../../../src/core/edit/commit.js';
import { EMBEDDED, FIXTURES } from '../../helpers.js';

const opts = { cwd: FIXTURES, today: '2026-01-01' };

function projectFiles(root: string): string[] {
  const plans = readdirSync(join(root, 'plans')).filter((plan) => existsSync(join(root, 'plans', plan, 'projects')));
  return plans.flatMap((plan) => readdirSync(join(root, 'plans', plan, 'projects')).map((f) => join(root, 'plans', plan, 'projects', f))).filter((f) => /^id: /m.test(readFileSync(f, 'utf8')));
}

/** Changes that keep a project's id: each adds or removes a problem a cross-file rule finds, or none. */
const CHANGES: [string, (text: string) => string][] = [
  ['a new status entry', (t) => t.replace(/^status:\n/m, "status:\n  - date: '2001-01-02'\n    status: planned\n")],
  ['a status date out of order and in the future', (t) => `${t.trimEnd()}\n`.replace(/^status:\n/m, "status:\n  - date: '2027-05-05'\n    status: ongoing\n  - date: '2027-05-04'\n    status: ongoing\n")],
  ['an area no plan defines', (t) => t.replace(/^priority_areas:\n/m, 'priority_areas:\n  - not-an-area-of-any-plan\n')],
  ['a meeting never held', (t) => t.replace(/^status:\n/m, "status:\n  - date: '2024-01-02'\n    status: ongoing\n    meeting: som-never\n")],
  ['a link to a project that is not there', (t) => `${t.trimEnd()}\ncarried_from:\n  plan: some-other-plan\n  id: PX99\n`],
  // P20 is a project of the embedded plan accsm-2021-2025: the finding names the plan it is in
  ['a link to a project that is there, in another plan than it says', (t) => `${t.trimEnd()}\ncarried_from:\n  plan: accsm-2026-2030\n  id: P20\n`],
  ['a schedule that ends before it starts', (t) => `${t.trimEnd()}\nschedule:\n  start: '2024-06'\n  end: '2023'\n`],
  ['the areas fixed: none listed any more', (t) => t.replace(/^priority_areas:\n(?:  - .*\n)+/m, 'priority_areas: []\n')],
];

describe('the check after an edit of project files that keep their ids', () => {
  for (const [name, root] of [['invalid-rules', join(FIXTURES, 'invalid-rules')], ['embedded', EMBEDDED]] as const) {
    for (const onDemand of [false, true]) {
      it(`finds what a whole validation finds: ${name}${onDemand ? ', loaded on demand' : ''}`, () => {
        const before = validateRoot(root, { ...opts, keep: onDemand ? 'facts' : 'all' });
        let compared = 0;
        for (const file of projectFiles(root).slice(0, 12)) {
          const text = readFileSync(file, 'utf8');
          for (const [what, change] of CHANGES) {
            const after = change(text);
            if (after === text) continue;
            const full = validateRoot(root, { ...opts, overlay: new Map([[file, after]]) });
            const checked = validateAfter(root, [{ path: file, before: text, after }], before, opts);
            expect(checked.diagnostics, `${file}: ${what}`).toEqual(full.diagnostics);
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(10);
      });
    }
  }

  it('takes what the rules found in the other files from the check before', () => {
    const root = join(FIXTURES, 'invalid-rules');
    const before = validateRoot(root, opts);
    const [file, other] = projectFiles(root).filter((f) => before.findings.get(before.loaded.files.find((s) => s.path === f)!)?.length);
    expect(other).toBeDefined();
    const text = readFileSync(file!, 'utf8');
    const checked = validateAfter(root, [{ path: file!, before: text, after: CHANGES[0]![1](text) }], before, opts);
    const otherFile = before.loaded.files.find((s) => s.path === other)!;
    // the very list found before: not found again
    expect(checked.findings.get(otherFile)).toBe(before.findings.get(otherFile));
  });
});
