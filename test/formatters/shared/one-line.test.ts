/** oneLine tests a text once before it escapes: it gives what the two passes give, on texts of the characters that matter. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, oneLine } from '../../../src/formatters/shared/terminal.js';

describe('oneLine', () => {
  const pieces = ['a', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066', '\u200e', 'é', '\\n'];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(''));

  it('is escapeControls, then each line break shown as \\n', () => {
    fc.assert(fc.property(texts, (t) => oneLine(t) === escapeControls(t).replace(/\r\n|\n|\u2028|\u2029/g, '\\n')), { numRuns: 3000 });
  });

  it('the usual cases', () => {
    expect(oneLine('plans/a/projects/P1.yaml')).toBe('plans/a/projects/P1.yaml');
    expect(oneLine('one\u2028two\rthree\tfour')).toBe('one\\ntwo\\x0dthree\tfour');
  });
});
