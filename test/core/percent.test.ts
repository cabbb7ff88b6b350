/** The rounding rule: half up, a share above 0 never 0%, a share below the whole never 100%. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percent } from '../../src/core/percent.js';

describe('percent', () => {
  it.each([
    [199, 200, 99], // 99.5 rounds up to 100, but 199 of 200 is not everything: 99
    [1, 300, 1], // 0.33 rounds to 0, but 1 of 300 is something: 1
    [1, 2, 50],
    [1, 8, 13], // 12.5 rounds half up to 13
    [3, 8, 38], // 37.5 → 38
    [1, 3, 33], // 33.33 → 33
    [2, 3, 67], // 66.67 → 67
    [12, 31, 39], // 38.71 → 39
    [7, 31, 23], // 22.58 → 23
    [5, 31, 16], // 16.13 → 16
    [19, 31, 61], // 61.29 → 61
    [1, 200, 1], // 0.5 → 1 (half up)
    [1, 201, 1], // 0.4975 → 0, lifted to 1
    [0, 0, 0],
    [0, 5, 0],
    [200, 200, 100],
  ])('%i of %i is %i%%', (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });

  it('refuses what is not a share', () => {
    expect(() => percent(3, 2)).toThrow(RangeError);
    expect(() => percent(-1, 2)).toThrow(RangeError);
    expect(() => percent(0.5, 2)).toThrow(RangeError);
  });

  it('is within half a point of the exact share, or 1 point where it is lifted from 0 or held below 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }).chain((whole) => fc.tuple(fc.integer({ min: 0, max: whole }), fc.constant(whole))), ([part, whole]) => {
        const p = percent(part, whole);
        const exact = (100 * part) / whole;
        expect(Number.isInteger(p)).toBe(true);
        expect(p === 0).toBe(part === 0);
        expect(p === 100).toBe(part === whole);
        const lifted = (p === 1 && exact < 0.5) || (p === 99 && exact >= 99.5);
        expect(Math.abs(p - exact)).toBeLessThanOrEqual(lifted ? 1 : 0.5 + 1e-9);
        // half up: exactly .5 goes up
        if ((200 * part) % (2 * whole) === whole && !lifted) expect(p).toBe(Math.ceil(exact));
      }),
    );
  });

  it('never decreases as the part grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (whole, seed) => {
        const part = seed % whole;
        expect(percent(part + 1, whole)).toBeGreaterThanOrEqual(percent(part, whole));
      }),
    );
  });
});
