/** The harness itself: a missing program is reported as missing, an installed one as installed. */
import { describe, expect, it } from 'vitest';
import { needs } from './programs.js';

describe('needs()', () => {
  it('finds node, which runs these tests', () => {
    const node = needs(process.execPath, ['--version']);
    expect(node.ok).toBe(true);
    expect(node.version).toMatch(/^v\d+/);
  });
  it('reports a program that is not installed as missing', () => {
    expect(needs('accsm-no-such-program-xyz').ok).toBe(false);
  });
});
