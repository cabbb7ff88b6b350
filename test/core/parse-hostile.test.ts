/** Found in QA: a hand-editing mistake gives one message per line, not the parser's follow-on errors. */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/core/parse.js';

const project = (entry: string) => `id: P12\ntitle: T\npriority_areas: [reform]\nlead: [ASEC]\nstatus:\n  - date: 2022-08-03\n${entry}\n    meeting: som-21\n`;

describe('syntax errors: the first on each line', () => {
  it('a tab before "status:" is reported as a tab only, not also as a duplicate key', () => {
    const r = parseYaml(project('\tstatus: ongoing'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.line, d.column, d.code, d.message])).toEqual([[7, 1, 'yaml-syntax', 'a tab is used for indentation; YAML allows only spaces']]);
  });

  it('one space too few before "status:" gives one message on that line', () => {
    const r = parseYaml(project('   status: ongoing'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.line, d.code])).toEqual([[7, 'yaml-syntax']]);
    expect(r.diagnostics[0]!.message).toContain('check the indentation');
  });

  it('errors on different lines are all kept', () => {
    const r = parseYaml('a: 1\na: 2\nb: [1, 2\nc: 3\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.diagnostics.map((d) => d.line);
    expect(new Set(lines).size).toBe(lines.length);
    expect(r.diagnostics.map((d) => d.code)).toContain('yaml-duplicate-key');
    expect(r.diagnostics.map((d) => d.code)).toContain('yaml-syntax');
  });
});
