/** YAML text → data or diagnostics, and paths → positions. */
import { growth, LINEAR_BOUND } from '../reliability/scaling.js';
import { describe, expect, it, vi } from 'vitest';
import { MAX_DEPTH, createLocator, parseYaml, parseYamlSlow, positionIndex } from '../../src/core/parse.js';
import type { RawDiagnostic } from '../../src/core/raw.js';

function fails(text: string): RawDiagnostic[] {
  const r = parseYaml(text);
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.data)}`);
  return r.diagnostics;
}
const at = (d: RawDiagnostic) => `${d.line}:${d.column} ${d.code}`;

describe('parseYaml: YAML 1.2 core schema', () => {
  it('keeps dates as text, reads numbers, booleans and null', () => {
    expect(parseYaml('date: 2022-08-03\nyear: 2021\nflag: true\nnothing: ~\nempty:\nyes: yes\n')).toEqual({
      ok: true,
      data: { date: '2022-08-03', year: 2021, flag: true, nothing: null, empty: null, yes: 'yes' },
    });
  });

  it('reads numbers as YAML 1.2 does (the yaml package agrees): 0b101 and -0x1F are text, +.5 is a number', () => {
    const data = { a: '0b101', b: '-0x1F', c: 0.5, d: 31, e: 15, f: '1_000', g: -500, h: Infinity };
    expect(parseYaml('a: 0b101\nb: -0x1F\nc: +.5\nd: 0x1F\ne: 0o17\nf: 1_000\ng: -.5e3\nh: .inf\n')).toEqual({ ok: true, data });
    expect(parseYamlSlow('a: 0b101\nb: -0x1F\nc: +.5\nd: 0x1F\ne: 0o17\nf: 1_000\ng: -.5e3\nh: .inf\n')).toEqual({ ok: true, data });
  });

  it('an empty or comments-only text is null (for both parsers)', () => {
    for (const text of ['', '\n\n', '# just a comment\n', '---\n']) {
      expect(parseYaml(text)).toEqual({ ok: true, data: null });
      expect(parseYamlSlow(text)).toEqual({ ok: true, data: null });
    }
  });

  it('a __proto__ key is an own key and never touches Object.prototype', () => {
    for (const parse of [parseYaml, parseYamlSlow]) {
      const r = parse('__proto__: {polluted: 1}\nx: 1\n');
      expect(r.ok).toBe(true);
      const data = (r as { data: Record<string, unknown> }).data;
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});

describe('parseYaml: problems, with positions', () => {
  it('syntax error at its line and column', () => {
    const [d] = fails('id: x\ntitle: [a, b\nlead: c\n');
    expect(at(d!)).toBe('2:8 yaml-syntax');
    expect(d!.message).toBe('the list that opens here with [ is not closed with ]; close it, or indent the lines that continue it');
    const [m] = fails('a: [b, {c: d]\n');
    expect(at(m!)).toBe('1:8 yaml-syntax');
    expect(m!.message).toMatch(/^the mapping that opens here with { is not closed with }/);
  });

  it('an unclosed quote is reported where it opens', () => {
    const [d] = fails('id: x\ntitle: "never closed\nlead: [BN]\n');
    expect(at(d!)).toBe('2:8 yaml-syntax');
    expect(d!.message).toBe('the text in quotes that starts here has no closing quote ("); add it where the text ends');
  });

  it('a duplicate key at the second occurrence', () => {
    const [d] = fails('id: a\ntitle: t\nid: b\n');
    expect(at(d!)).toBe('3:1 yaml-duplicate-key');
    expect(d!.message).toBe('this key appears twice in the same mapping; keep one of them');
  });

  it('a duplicate key in a file with aliases (the slow path) too', () => {
    expect(fails('a: &x 1\nb: *x\na: 2\n').map(at)).toEqual(['3:1 yaml-duplicate-key']);
  });

  it('a tab used for indentation', () => {
    const [d] = fails('a:\n\tb: 1\n');
    expect(d!.code).toBe('yaml-syntax');
    expect(d!.line).toBe(2);
    expect(d!.message).toMatch(/tab/);
  });

  it('two documents in one file', () => {
    const [d] = fails('a: 1\n---\nb: 2\n');
    expect(d!.code).toBe('yaml-syntax');
    expect(d!.message).toBe('the file holds more than one YAML document (a line with ---); put one document in each file');
  });

  it('anchors and aliases are refused (yaml-alias), at the first one', () => {
    const [d] = fails('a: 1\nb: &x [1, 2]\nc: *x\n');
    expect(at(d!)).toBe('2:4 yaml-alias');
    expect(d!.message).toBe('the file uses an anchor (&x); accsm data files do not use anchors and aliases (&name, *name): write the value out in full where it is needed');
    // an anchor alone, in a flow list, and a billion laughs
    expect(at(fails('a: &only 1\n')[0]!)).toBe('1:4 yaml-alias');
    expect(at(fails('a: [1, &y {c: 2}]\n')[0]!)).toBe('1:8 yaml-alias');
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [i, name] of [...'bcdefghi'].entries()) lines.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`);
    expect(at(fails(`${lines.join('\n')}\n`)[0]!)).toBe('1:4 yaml-alias');
  });

  it('an alias to an anchor that does not exist is refused the same way', () => {
    const [d] = fails('a: 1\nb: *nowhere\n');
    expect(at(d!)).toBe('2:4 yaml-alias');
    expect(d!.message).toMatch(/^the file uses an alias \(\*nowhere\); /);
  });

  it('anchors are refused on the path for complex keys too, and "&" or "*" in text is only text', () => {
    expect(at(fails('? [a]\n: 1\nb: &z 2\n')[0]!)).toBe('3:4 yaml-alias');
    expect(parseYaml('a: R&D * 2\nb: "&x *y"\n')).toEqual({ ok: true, data: { a: 'R&D * 2', b: '&x *y' } });
  });

  it(`nesting deeper than ${MAX_DEPTH}: flow, block and on the slow path, at the node that is too deep`, () => {
    const flow = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(fails(flow).map(at)).toEqual(['1:103 yaml-too-deep']);
    const block = `${'- '.repeat(20_000)}x\n`;
    expect(fails(block).map((d) => d.code)).toEqual(['yaml-too-deep']);
    const maps = `a: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`;
    expect(fails(maps).map((d) => d.code)).toEqual(['yaml-too-deep']);
    // with a complex key the `yaml` package parses; the same limit applies (level 101 is the 100th bracket)
    expect(fails(`? [k]\n: 1\nz: ${'['.repeat(150)}${']'.repeat(150)}\n`).map(at)).toEqual(['3:103 yaml-too-deep']);
    // 99 levels under the top mapping are fine on both paths
    expect(parseYaml(`z: ${'['.repeat(98)}${']'.repeat(98)}\n`).ok).toBe(true);
    expect(parseYaml(`? [k]\n: 1\nz: ${'['.repeat(98)}${']'.repeat(98)}\n`).ok).toBe(true);
  });

  it('never prints warnings of its own (the yaml package would warn about collection keys)', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      expect(parseYaml('x: 1\n? [b, c]\n: 2\n').ok).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('positions', () => {
  it('positionIndex: lines end at LF, CR LF or CR; columns count characters', () => {
    const at = positionIndex('ab\ncd\r\nef\rgé\n');
    expect([0, 1, 2, 3, 6, 8, 9, 11, 12, 99].map((o) => `${at(o).line}:${at(o).column}`)).toEqual(['1:1', '1:2', '1:3', '2:1', '2:4', '3:2', '3:3', '4:2', '4:3', '5:1']);
  });

  it('an error after a broken multi-line token is on the right line (the yaml LineCounter would say line 3)', () => {
    const lines = fails('id: D2\n}[:title: a b c\npriority_areas:').map((d) => d.line ?? 0);
    expect(Math.max(...lines)).toBe(3);
    const last = fails('# c\nid: D2\n}[:title: Regional study\npriority_areas:').at(-1)!;
    expect([last.line, last.column]).toEqual([4, 15]);
  });

  it('CR LF line ends give the same lines as LF', () => {
    for (const eol of ['\n', '\r\n']) expect(fails(['id: a', 'title: t', 'id: b', ''].join(eol)).map(at)).toEqual(['3:1 yaml-duplicate-key']);
  });
});

describe('inputs where js-yaml alone would read something else take the slow path', () => {
  it('an empty list entry: js-yaml 4 would put the next outer entry into the inner list', () => {
    expect(parseYaml('- -\n- x\n')).toEqual({ ok: true, data: [[null], 'x'] });
    expect(parseYaml('a:\n  - - a\n    -\n  - x\n')).toEqual({ ok: true, data: { a: [['a', null], 'x'] } });
  });

  it('null keys are "" for both parsers', () => {
    expect(parseYaml('~: a\nnull: b\n')).toEqual(parseYamlSlow('~: a\nnull: b\n'));
    expect(parseYaml('{NULL: a}\n')).toEqual({ ok: true, data: { '': 'a' } });
  });
});

describe('keys that are mappings or lists', () => {
  it('take the slow path, so the message shows the key as written, not [object Object]', () => {
    const r = parseYaml('? {end: 2023}\n: x\n[a, b]: y\n');
    expect(r).toEqual({ ok: true, data: { '{ end: 2023 }': 'x', '[ a, b ]': 'y' } });
    expect(parseYaml('?  end: "2023"\nid: x\n')).toEqual(parseYamlSlow('?  end: "2023"\nid: x\n'));
  });
});

describe('createLocator', () => {
  const text = ['# comment', 'id: P1', 'title:', 'status:', '  - date: 2022-08-03', '    status: complete', '  - {date: 2023-01-01, status: ongoing}', 'lead: [MY, SG]', ''].join('\n');
  const loc = createLocator(text);

  it('finds values by path, 1-based', () => {
    expect(loc.locate(['id'])).toEqual({ line: 2, column: 5 });
    expect(loc.locate(['status', 0, 'status'])).toEqual({ line: 6, column: 13 });
    expect(loc.locate(['status', 1, 'status'])).toEqual({ line: 7, column: 32 });
    expect(loc.locate(['lead', 1])).toEqual({ line: 8, column: 12 });
    expect(loc.locate([])).toEqual({ line: 2, column: 1 });
  });

  it('points at the key when asked, or when the value is empty', () => {
    expect(loc.locate(['status'], true)).toEqual({ line: 4, column: 1 });
    expect(loc.locate(['title'])).toEqual({ line: 3, column: 1 });
  });

  it('falls back to the nearest ancestor that exists', () => {
    expect(loc.locate(['status', 0, 'meeting'])).toEqual({ line: 5, column: 5 });
    expect(loc.locate(['status', 9, 'date'])).toEqual({ line: 5, column: 3 });
    expect(loc.locate(['nothing', 'here'])).toEqual({ line: 2, column: 1 });
  });

  it('copes with text that does not parse, or is empty', () => {
    expect(createLocator('a: [\n').locate(['a', 0])).toMatchObject({ line: 1 });
    expect(createLocator('').locate(['a'])).toEqual({ line: 1, column: 1 });
  });

  it('is linear: 4× the keys take less than 9× the time (not 16×)', () => {
    const locateAll = (n: number) => {
      const l = createLocator(Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n'));
      for (let i = 0; i < n; i += 1) l.locate([`k${i}`], true);
    };
    expect(growth(locateAll, 2_500)).toBeLessThan(LINEAR_BOUND);
    const l = createLocator(Array.from({ length: 50_000 }, (_, i) => `k${i}: v`).join('\n'));
    expect(l.locate(['k49999'], true)).toEqual({ line: 50_000, column: 1 });
  });
});
