/** Id order without ICU: the same order as the numeric, case-aware collator it replaces on the start path. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmp } from '../../src/core/order.js';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
const idChars = fc.constantFrom(...'0123456789000aAbBpPzZ-_'.split(''));
const id = fc.array(idChars, { maxLength: 8 }).map((cs) => cs.join(''));

describe('cmp (id order)', () => {
  it('orders numbers inside ids by value, letters without regard to case, lower case first on a tie', () => {
    const ids = ['P10', 'p2', 'P2', 'P1', 'a-b', 'a_b', 'ab', 'A', 'a', 'a1b', 'a1c', 'accsm-2021-2025', 'accsm-2026-2030', 'accsm-plus-3-2021-2025'];
    expect([...ids].sort(cmp)).toEqual(['a', 'A', 'a_b', 'a-b', 'a1b', 'a1c', 'ab', 'accsm-2021-2025', 'accsm-2026-2030', 'accsm-plus-3-2021-2025', 'P1', 'p2', 'P2', 'P10']);
  });

  it('agrees with Intl.Collator on ids made of letters, digits, - and _', () => {
    fc.assert(
      fc.property(id, id, (a, b) => Math.sign(cmp(a, b)) === Math.sign(collator.compare(a, b))),
      { numRuns: 20000 },
    );
  });

  it('agrees with Intl.Collator on a string and the same string with one letter upper-cased', () => {
    fc.assert(
      fc.property(id, fc.nat(), (a, n) => {
        const k = a.length ? n % a.length : 0;
        const b = a.slice(0, k) + a.slice(k, k + 1).toUpperCase() + a.slice(k + 1);
        return Math.sign(cmp(a, b)) === Math.sign(collator.compare(a, b)) && Math.sign(cmp(b, a)) === Math.sign(collator.compare(b, a));
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves other text to the collator: accents, spaces, other scripts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), (a, b) => Math.sign(cmp(a, b)) === Math.sign(collator.compare(a, b))),
      { numRuns: 5000 },
    );
    expect(Math.sign(cmp('é', 'f'))).toBe(-1);
  });
});
