/** accsm's SARIF against the SARIF 2.1.0 JSON Schema (test/schemas/, vendored from @microsoft/jest-sarif). */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/core/diagnostic.js';
import { validateRoot } from '../../src/core/validate.js';
import { sarif } from '../../src/formatters/diagnostics/sarif.js';
import { FIXTURES, REPO, tempDir } from '../helpers.js';

/** The schema is draft-04; without exclusiveMinimum/Maximum its keywords mean the same in ajv 8's draft-07 once `id` is `$id`. */
function sarifValidator() {
  const { $schema: _draft, id, ...rest } = JSON.parse(readFileSync(join(REPO, 'test', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const text = JSON.stringify(rest);
  expect(text).not.toMatch(/"exclusiveM(in|ax)imum"/);
  return new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile({ $id: id, ...rest });
}

const { dir, cleanup } = tempDir('accsm-sarif-');
afterAll(cleanup);

describe('SARIF 2.1.0 schema', () => {
  const validate = sarifValidator();

  it('accepts accsm output for a root with many kinds of problem, including a plan folder without plan.yaml', () => {
    const root = join(dir, 'data');
    cpSync(join(FIXTURES, 'invalid-rules'), root, { recursive: true });
    mkdirSync(join(root, 'plans', 'no-plan'));
    const result = validateRoot(root, { cwd: dir, today: '2026-11-23' });
    expect(result.diagnostics.some((d) => d.code === 'plan-missing')).toBe(true);
    const log = JSON.parse(sarif(result, { color: false, filesChecked: 5, cwd: dir, repoRoot: dir, version: '0.1.0' }));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(JSON.parse(sarif(summarize([]), { color: false, filesChecked: 0, cwd: dir })))).toBe(true);
  });

  it('rejects a log that breaks it (the check can fail)', () => {
    const log = JSON.parse(sarif(summarize([]), { color: false, filesChecked: 0, cwd: dir }));
    log.runs[0].results = [{ ruleId: 'x', level: 'fatal', message: { text: 'm' } }];
    expect(validate(log)).toBe(false);
  });
});
