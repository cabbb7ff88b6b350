/** Calendar dates as YYYY-MM-DD strings. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, daysInMonth, formatDate, fromDayNumber, isDateString, isLeapYear, isRealDate } from '../../src/core/dates.js';

describe('leap years and month lengths', () => {
  it('every 4th year, not every 100th, again every 400th', () => {
    expect([2020, 2024, 2000, 1600, 2400].map(isLeapYear)).toEqual([true, true, true, true, true]);
    expect([2021, 2023, 1900, 2100, 2200].map(isLeapYear)).toEqual([false, false, false, false, false]);
  });

  it('days in each month', () => {
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2023, i + 1))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe('isRealDate', () => {
  it('accepts days that exist', () => {
    for (const d of ['2022-08-03', '2024-02-29', '2000-02-29', '2023-12-31', '2023-01-01']) expect(isRealDate(d), d).toBe(true);
  });
  it('refuses days that do not, and other shapes', () => {
    for (const d of ['2023-02-29', '1900-02-29', '2100-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-01-32', '2023-1-1', '20230101', '2023-01-01T00:00', ' 2023-01-01', ''])
      expect(isRealDate(d), d).toBe(false);
  });
  it('isDateString checks the shape only', () => {
    expect(isDateString('2023-02-30')).toBe(true);
    expect(isDateString('2023-2-3')).toBe(false);
  });
  it('agrees with the JavaScript calendar on every day of 1999-2101', () => {
    const day = 24 * 3600 * 1000;
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2101, 11, 31); t += day) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (!isRealDate(iso)) throw new Error(`${iso} should be real`);
    }
  });
});

describe('dayNumber and fromDayNumber', () => {
  it('known days', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
    expect(dayNumber('2022-08-03')).toBe(Date.UTC(2022, 7, 3) / 86_400_000);
    expect(fromDayNumber(19_207)).toBe('2022-08-03');
  });

  it('throws on text that is not a date', () => {
    expect(() => dayNumber('3 Aug 2022')).toThrow(RangeError);
  });

  it('round trip: fromDayNumber(dayNumber(d)) is d, and consecutive days differ by 1 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('0001-01-01'), max: dayNumber('9999-12-30') }), (n) => {
        const d = fromDayNumber(n);
        expect(isRealDate(d)).toBe(true);
        expect(dayNumber(d)).toBe(n);
        expect(fromDayNumber(n + 1) > d).toBe(true);
        expect(d).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10).replace(/^\+0*/, '').padStart(10, '0'));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe('formatDate', () => {
  it('the local calendar date, zero-padded', () => {
    expect(formatDate(new Date(2022, 7, 3, 23, 59))).toBe('2022-08-03');
    expect(formatDate(new Date(2024, 0, 5, 0, 0))).toBe('2024-01-05');
  });
});

describe('isRealDate reads digits as the date pattern does', () => {
  const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
  const byPattern = (value: string): boolean => {
    const m = pattern.exec(value);
    if (!m) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  };
  it('gives the same answer for dates, near-dates and noise', () => {
    const near = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const mangled = fc.tuple(near, fc.nat(9), fc.constantFrom('', ' ', '/', 'x', '٣', '\n', '0')).map(([t, i, c]) => t.slice(0, i) + c + t.slice(i + 1));
    fc.assert(
      fc.property(fc.oneof(near, mangled, fc.string({ maxLength: 12 })), (value) => {
          expect(isRealDate(value), value).toBe(byPattern(value));
        }),
      { numRuns: 5000 },
    );
    for (const [value, real] of [['2024-02-29', true], ['2023-02-29', false], ['1900-02-29', false], ['2000-02-29', true], ['2024-13-01', false], ['2024-00-10', false], ['2024-04-31', false]] as const) expect(isRealDate(value), value).toBe(real);
  });
});
