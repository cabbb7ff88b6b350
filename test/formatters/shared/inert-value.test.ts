/** inertValue: every string of a value escaped, keys too, at any depth; what needs nothing is not copied; shared parts and cycles handled. */
import { describe, expect, it } from 'vitest';
import { flatText } from '../../../src/formatters/shared/lines.js';
import { escapeControls, inertValue } from '../../../src/formatters/shared/terminal.js';

const ESC = '\u001b[2J';
const SHOWN = '\\x1b[2J';

describe('the tests before the escapes', () => {
  it('escapeControls: a CR alone is escaped, CR LF and LF kept, each control of the class escaped', () => {
    expect(escapeControls('a\r\nb\nc')).toBe('a\r\nb\nc');
    expect(escapeControls('a\rb')).toBe('a\\x0db');
    for (const c of ['\u0000', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f', '\u007f', '\u0085', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069']) expect(escapeControls(`x${c}y`), JSON.stringify(c)).not.toContain(c);
    for (const c of ['\t', '\n', ' ', '\u00a0', '\u2028', '\u2065', '\u206a', '\u202f']) expect(escapeControls(`x${c}y`), JSON.stringify(c)).toBe(`x${c}y`);
  });
  it('flatText: line breaks become spaces and controls are escaped; other text is returned as it is', () => {
    expect(flatText('a\u2028b\r\nc\u001b')).toBe('a b c\\x1b');
    expect(flatText('plain text, 5 (23%)')).toBe('plain text, 5 (23%)');
  });
});

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
