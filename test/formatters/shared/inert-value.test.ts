/** inertValue: every string of a value escaped, keys too, at any depth; what needs nothing is not copied; shared parts and cycles handled. */
import { describe, expect, it } from 'vitest';
import { inertValue } from '../../../src/formatters/shared/terminal.js';

const ESC = '\u001b[2J';
const SHOWN = '\\x1b[2J';

describe('inertValue', () => {
  it('escapes strings and keys in records, arrays, Maps and Sets, small and large', () => {
    const many = Array.from({ length: 20 }, (_, i) => (i === 13 ? ESC : `s${i}`));
    const value = { title: ESC, [ESC]: 1, tags: ['a', ESC], schedule: { start: ESC, end: '2025' }, many, map: new Map([[ESC, { x: ESC }]]), set: new Set([ESC]) };
    const out = inertValue(value);
    expect(out.title).toBe(SHOWN);
    expect(Object.keys(out)).toContain(SHOWN);
    expect(Object.keys(out)).not.toContain(ESC);
    expect(out.tags).toEqual(['a', SHOWN]);
    expect(out.schedule).toEqual({ start: SHOWN, end: '2025' });
    expect(out.many[13]).toBe(SHOWN);
    expect([...out.map]).toEqual([[SHOWN, { x: SHOWN }]]);
    expect([...out.set]).toEqual([SHOWN]);
    // the input is left as it was
    expect(value.tags[1]).toBe(ESC);
  });

  it('returns what has nothing to escape as it is, at every level', () => {
    const clean = { id: 'P1', lead: ['PH', 'SG'], schedule: { start: '2021', end: '2023' }, rows: [{ cells: ['a', 'b'] }] };
    const out = inertValue(clean);
    expect(out).toBe(clean);
    const mixed = { clean: clean.schedule, dirty: [ESC] };
    const copy = inertValue(mixed);
    expect(copy).not.toBe(mixed);
    expect(copy.clean).toBe(clean.schedule);
  });

  it('escapes a part met twice (a small array, a large record) the same at each place', () => {
    const small = [ESC, 'x'];
    const large: Record<string, string> = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i === 3 ? ESC : 'v']));
    const out = inertValue({ a: small, b: small, c: large, d: large });
    expect(out.a).toEqual([SHOWN, 'x']);
    expect(out.b).toEqual([SHOWN, 'x']);
    expect(out.c.k3).toBe(SHOWN);
    // a large part is copied once and shared as it was
    expect(out.d).toBe(out.c);
  });

  it('follows a cycle once (a view model has none; the way back leads to the object as it was)', () => {
    const node: { name: string; self?: unknown; list: unknown[] } = { name: ESC, list: [] };
    node.self = node;
    node.list.push(node);
    const out = inertValue(node);
    expect(out.name).toBe(SHOWN);
    expect(out.self).toBe(node);
    expect(out.list[0]).toBe(node);
  });
});
