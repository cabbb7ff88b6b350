/** accsm.config.yaml: its JSON Schema (the contract editors see) and readConfig agree; severities apply. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import schema from '../../schemas/config.schema.json' with { type: 'json' };
import { applyRuleSettings, readConfig, rulesInForce } from '../../src/core/config.js';
import { summarize } from '../../src/core/diagnostic.js';
import { parseYaml } from '../../src/core/parse.js';
import { RULES } from '../../src/core/rules.js';
import { tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir('accsm-config-');
afterAll(cleanup);
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);

function check(text: string) {
  const path = join(dir, 'accsm.config.yaml');
  writeFileSync(path, text);
  return readConfig(path, 'accsm.config.yaml');
}

describe('accsm.config.yaml', () => {
  it('the schema names exactly the rule codes accsm has', () => {
    expect([...schema.properties.rules.propertyNames.enum].sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each([
    ['data: .\n', true],
    ['rules:\n  date-future: off\n  meeting-date: error\n', true],
    ['', true],
    ['rules:\n  date-futur: off\n', false],
    ['rules:\n  date-future: loud\n', false],
    ['rules:\n  date-future: 1\n', false],
    ['data: [a]\n', false],
    ['colour: red\n', false],
    ['- data\n', false],
  ])('%j: the schema and readConfig agree (valid: %s)', (text, valid) => {
    const read = check(text);
    expect(read.diagnostics.length === 0).toBe(valid);
    const parsed = parseYaml(text);
    expect(parsed.ok && validate(parsed.data)).toBe(valid);
  });

  it('severities: off drops, error and warning change, the counts follow', () => {
    const d = (code: string, severity: 'error' | 'warning') => ({ file: 'a.yaml', line: 1, column: 1, severity, code, message: code });
    const result = summarize([d('date-future', 'warning'), d('meeting-date', 'warning'), d('area-unknown', 'error')]);
    const changed = applyRuleSettings(result, { 'date-future': 'off', 'meeting-date': 'error', 'area-unknown': 'warning' });
    expect(changed.diagnostics.map((x) => `${x.code}:${x.severity}`)).toEqual(['meeting-date:error', 'area-unknown:warning']);
    expect([changed.errors, changed.warnings, changed.valid]).toEqual([1, 1, false]);
    expect(rulesInForce({ rules: { 'date-future': 'off' } })['date-future']).toBe('off');
    expect(rulesInForce(undefined)['date-future']).toBe('warning');
  });
});

