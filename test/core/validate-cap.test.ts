/** A file with very many problems lists the first 200 and says how many there were. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/core/raw.js';
import { validateRoot } from '../../src/core/validate.js';
import { FIXTURES } from '../helpers.js';

const root = join(FIXTURES, 'valid-minimal');
const target = join(root, 'plans', 'demo-2021-2025', 'projects', 'D1.yaml');

function withUnknownKeys(n: number) {
  const keys = Array.from({ length: n }, (_, i) => `extra_${i}: ${i}`).join('\n');
  const text = `id: D1\ntitle: Many keys\npriority_areas: [people]\nlead: [MY]\nstatus:\n  - date: 2021-03-01\n    status: planned\n${keys}\n`;
  return validateRoot(root, { cwd: root, today: '2026-11-23', overlay: new Map([[target, text]]) });
}

describe('diagnostics per file', () => {
  it('lists every problem up to the limit', () => {
    const result = withUnknownKeys(MAX_DIAGNOSTICS_PER_FILE);
    const mine = result.diagnostics.filter((d) => d.file.endsWith('D1.yaml'));
    expect(mine).toHaveLength(MAX_DIAGNOSTICS_PER_FILE);
    expect(mine.every((d) => d.code === 'schema-unknown-key')).toBe(true);
  });

  it('past the limit, lists the first ones and one error that counts them all', () => {
    const result = withUnknownKeys(1000);
    const mine = result.diagnostics.filter((d) => d.file.endsWith('D1.yaml'));
    expect(mine).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    const summary = mine.find((d) => d.code === 'file-too-many-problems')!;
    expect(summary).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(summary.message).toBe('this file has 1000 problems; only the first 200 are listed. Fix those and run again');
    // the listed ones are the first keys of the file, with their real lines
    const unknown = mine.filter((d) => d.code === 'schema-unknown-key');
    expect(unknown[0]).toMatchObject({ line: 8, column: 1 });
    expect(unknown[0]!.message).toContain('"extra_0"');
  });
});
