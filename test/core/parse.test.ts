/** YAML text → data or diagnostics, and paths → positions. */
import { describe, expect, it, vi } from 'vitest';
import { MAX_DEPTH, createLocator, hasBareColon, hasEmptyEntry, parseYaml, positionIndex } from '../../src/core/parse.js';
import fc from 'fast-check';
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
  });

  it('an empty or comments-only text is null', () => {
    for (const text of ['', '\n\n', '# just a comment\n', '---\n']) expect(parseYaml(text)).toEqual({ ok: true, data: null });
  });

  it('a __proto__ key is an own key and never touches Object.prototype', () => {
    // also in a text that the `yaml` package looks at for shapes js-yaml misreads (a line ending in "-")
    for (const text of ['__proto__: {polluted: 1}\nx: 1\n', '__proto__: {polluted: 1}\nx: a -\n']) {
      const r = parseYaml(text);
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

  it('"&" or "*" in text is only text', () => {
    expect(parseYaml('a: R&D * 2\nb: "&x *y"\n')).toEqual({ ok: true, data: { a: 'R&D * 2', b: '&x *y' } });
  });

  it(`nesting deeper than ${MAX_DEPTH}: flow and block, at the node that is too deep`, () => {
    const flow = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(fails(flow).map(at)).toEqual(['1:103 yaml-too-deep']);
    // block: "- - - x"; the 101st dash is at column 201
    const block = `${'- '.repeat(20_000)}x\n`;
    expect(fails(block).map(at)).toEqual(['1:201 yaml-too-deep']);
    const maps = `a: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`;
    expect(fails(maps).map((d) => d.code)).toEqual(['yaml-too-deep']);
    // with an anchor earlier in the file: the depth is found first
    expect(fails(`x: &a 1\ny: *a\nz: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`).map(at)).toEqual(['3:103 yaml-too-deep']);
    // in a text the `yaml` package looks at for misread shapes, the same limit applies first (level 101 is the 100th bracket)
    expect(fails(`? [k]\n: 1\nz: ${'['.repeat(150)}${']'.repeat(150)}\n`).map(at)).toEqual(['3:103 yaml-too-deep']);
    // a syntax error before deep nesting is reported as such, whatever the `yaml` package's stack does
    expect(fails(`a: b: c\nz: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`).map((d) => d.code)).toEqual(['yaml-syntax']);
    // 99 levels under the top mapping are fine, also with a line that ends in "-"
    expect(parseYaml(`z: ${'['.repeat(98)}${']'.repeat(98)}\n`).ok).toBe(true);
    expect(parseYaml(`y: a -\nz: ${'['.repeat(98)}${']'.repeat(98)}\n`).ok).toBe(true);
  });

  it('never prints warnings of its own (the yaml package would warn about collection keys)', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      expect(fails('x: 1\n? [b, c]\n: 2\n').map(at)).toEqual(['2:3 yaml-complex-key']);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('syntax errors in plain words: what is wrong, where, and how to fix it', () => {
  const said = (text: string) => fails(text).map((d) => `${at(d)} ${d.message}`);
  // a project file as a focal point edits it; `line` replaces line 4 (the lead)
  const project = (line: string) => `id: P12\ntitle: Regional study\npriority_areas: [reform]\n${line}\nstatus:\n  - date: 2022-08-03\n    status: ongoing\n`;

  it('a missing colon', () => {
    expect(said(`${project('lead: [BN]')}note Draft sent\n`)).toEqual(['8:1 yaml-syntax this line has no colon after its key; write the key, a colon and a space, then the value (title: Regional study)']);
  });

  it('a key on two lines (a missing colon before the next key)', () => {
    expect(said(project('lead [BN]'))).toEqual(['4:1 yaml-syntax the key that starts here runs on to the next line, because this line has no colon; a key and its colon must be on one line: add the colon after the key (title: value), or write the key on one line']);
  });

  it('bad indentation: a key indented under a line that has its value, or not lined up with its neighbours', () => {
    expect(said(project('lead: [BN]').replace('\ntitle', '\n  title'))).toEqual(['2:3 yaml-syntax this line is indented more than the line above, which already has its value, so it cannot belong to it; line it up with the keys it belongs with (spaces only)']);
    expect(said(project('  lead: [BN]'))).toEqual(['4:3 yaml-syntax this line is not lined up with the keys above it: the keys of one mapping start in the same column; indent it like the lines it belongs with (spaces only)']);
    expect(said(`${project('lead: [BN]')}  date: 2023-01-01\n`)).toEqual(['8:3 yaml-syntax this line is not lined up with the keys above it: the keys of one mapping start in the same column; indent it like the lines it belongs with (spaces only)']);
  });

  it('one space too few in a list entry: one message on that line, not the follow-on errors', () => {
    const text = project('lead: [BN]').replace('    status: ongoing', '   status: ongoing');
    expect(said(text)).toEqual(['7:4 yaml-syntax this line is inside a list but does not start with "- ": start a new entry with "- ", or indent the line like the keys of the entry above it']);
  });

  it('a list entry without its dash', () => {
    expect(said(project('lead:\n  - BN\n  KH'))).toEqual(['6:3 yaml-syntax this line is in a list but has no dash; start it with "- " like the entries above it']);
  });

  it('an unclosed quote or bracket, where it opens', () => {
    expect(said(project('lead: [BN, KH'))).toEqual(['4:7 yaml-syntax the list that opens here with [ is not closed with ]; close it, or indent the lines that continue it']);
    expect(said('a: [b, {c: d]\n')).toEqual(['1:8 yaml-syntax the mapping that opens here with { is not closed with }; close it, or indent the lines that continue it']);
    expect(said(project('lead: "BN'))).toEqual(['4:7 yaml-syntax the text in quotes that starts here has no closing quote ("); add it where the text ends']);
  });

  it('a duplicate key, at the second one, named', () => {
    expect(said(project('title: Another'))).toEqual(['4:1 yaml-duplicate-key the key "title" appears twice in the same mapping; keep one of them']);
    expect(said('"id": a\nid: b\n')).toEqual(['2:1 yaml-duplicate-key the key "id" appears twice in the same mapping; keep one of them']);
    // in a nested mapping too
    expect(fails(project('lead: [BN]').replace('    status: ongoing', '    date: 2022-08-04')).map(at)).toEqual(['7:5 yaml-duplicate-key']);
  });

  it('a tab used for indentation, reported as a tab only (not also as a duplicate key)', () => {
    expect(said(project('lead: [BN]').replace('    status: ongoing', '\tstatus: ongoing'))).toEqual(['7:1 yaml-syntax a tab is used for indentation; YAML allows only spaces']);
  });

  it('a value with ": " in it, and a list started on the line of its key', () => {
    expect(said(project('lead: one: two'))).toEqual(['4:7 yaml-syntax the value has a colon and a space in it (": "), which YAML reads as a second key on this line; put the whole value in quotes (title: "one: two")']);
    expect(said(project('lead: - BN'))).toEqual(['4:7 yaml-syntax a list entry ("- ") cannot start on the same line as its key; start the list on the next line, indented under the key, or put the value in quotes']);
  });

  it('errors on different lines are all kept, one per line', () => {
    expect(fails('a: 1\na: 2\nb: [1, 2\nc: 3\n').map(at)).toEqual(['2:1 yaml-duplicate-key', '3:4 yaml-syntax']);
  });

  it('finds every duplicate as js-yaml counts keys: by their text (true and "true" are one key)', () => {
    expect(fails('a: 1\na: 2\ntrue: x\n"true": y\n').map(at)).toEqual(['2:1 yaml-duplicate-key', '4:1 yaml-duplicate-key']);
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

describe('shapes js-yaml reads differently from the spec are refused', () => {
  const complex = 'this key is a list, not a plain word; accsm data files use plain words as keys (such as id, title or status): write the key as a word, or move the brackets after the colon if they belong to the value';
  const empty = 'this key is empty (~, null, or nothing before the colon); accsm data files use plain words as keys (such as id, title or status): write the key, or put it in quotes ("null") if the word is meant';

  it('a key that is a list or a mapping (yaml-complex-key), where js-yaml would name it "a,b" or "[object Object]"', () => {
    expect(fails('id: x\n[a, b]: y\n').map((d) => [at(d), d.message])).toEqual([['2:1 yaml-complex-key', complex]]);
    expect(fails('? {end: 2023}\n: x\n').map((d) => `${at(d)} ${d.message.split(',')[0]}`)).toEqual(['1:3 yaml-complex-key this key is a mapping']);
    expect(fails('a: {[b]: 1}\n').map(at)).toEqual(['1:5 yaml-complex-key']);
  });

  it('a null or missing key (yaml-complex-key), where js-yaml would name it "null"', () => {
    expect(fails('~: a\n').map((d) => [at(d), d.message])).toEqual([['1:1 yaml-complex-key', empty]]);
    expect(fails('id: x\nnull: b\n').map(at)).toEqual(['2:1 yaml-complex-key']);
    expect(fails('id: x\n: b\n').map(at)).toEqual(['2:1 yaml-complex-key']);
    expect(fails('{NULL: a}\n').map(at)).toEqual(['1:2 yaml-complex-key']);
  });

  it('keys that are plain text stay: quoted, explicit (? a), or words that look like other values', () => {
    expect(parseYaml('"null": a\n? b\n: c\n"": d\n1: e\n')).toEqual({ ok: true, data: { null: 'a', b: 'c', '': 'd', 1: 'e' } });
    expect(parseYaml('title: Why? See [1]: more ~ here\n').ok).toBe(false);
    expect(parseYaml('title: "Why? See [1]: more ~ here"\n')).toEqual({ ok: true, data: { title: 'Why? See [1]: more ~ here' } });
  });

  it('an empty entry that ends a list inside a list, with an outer entry after it (yaml-empty-entry): js-yaml 4 would read the outer entry into the inner list', () => {
    const message = 'this list entry is empty (a dash with nothing after it) and ends a list inside another list, so the entries below could be read into the wrong list; write the value after the dash, or remove the line';
    expect(fails('- -\n- x\n').map((d) => [at(d), d.message])).toEqual([['1:3 yaml-empty-entry', message]]);
    expect(fails('a:\n  - - a\n    -\n  - x\n').map(at)).toEqual(['3:5 yaml-empty-entry']);
    expect(fails('- k:\n    - a\n    -   # note\n\n- x\n').map(at)).toEqual(['3:5 yaml-empty-entry']);
  });

  it('other empty entries are read as js-yaml reads them, as the spec does', () => {
    expect(parseYaml('-\n- x\n')).toEqual({ ok: true, data: [null, 'x'] });
    expect(parseYaml('a:\n  -\n  - x\n')).toEqual({ ok: true, data: { a: [null, 'x'] } });
    expect(parseYaml('- - a\n  -\n  - b\n- x\n')).toEqual({ ok: true, data: [['a', null, 'b'], 'x'] });
    expect(parseYaml('- k:\n    -\n  j: 1\n')).toEqual({ ok: true, data: [{ k: [null], j: 1 }] });
    expect(parseYaml('- - ~\n- x\n')).toEqual({ ok: true, data: [[null], 'x'] });
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

  it('is linear: locating every key of a mapping indexes it once (4× the keys, 4× the work; not 16×)', () => {
    const locateAll = (n: number) => {
      const work = { steps: 0 };
      const l = createLocator(Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n'), work);
      for (let i = 0; i < n; i += 1) expect(l.locate([`k${i}`], true).line).toBe(i + 1);
      return work.steps;
    };
    // n entries indexed once, one step for each of the n paths
    expect(locateAll(2_500)).toBe(5_000);
    expect(locateAll(10_000)).toBe(20_000);
    const l = createLocator(Array.from({ length: 50_000 }, (_, i) => `k${i}: v`).join('\n'));
    expect(l.locate(['k49999'], true)).toEqual({ line: 50_000, column: 1 });
  });
});

describe('the duplicate-key check', () => {
  const keys = (n: number) => `${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\nk0: again\n`;

  // that it is linear is a target of npm run bench (bench/hostile.mjs: 100,000 keys and a duplicate, in under 2 s), not a timed test here
  it('finds the one duplicate after 100,000 keys, at its line', () => {
    const found = fails(keys(100_000));
    expect(found.map(at)).toEqual(['100001:1 yaml-duplicate-key']);
  });

  it('finds every duplicate at any depth: in list entries, flow mappings, nested mappings and a mapping used as a key', () => {
    expect(fails('a:\n  - b: 1\n    b: 2\n  - {c: 1, c: 2}\nd:\n  e:\n    f: 1\n    f: 2\nd: 3\n').map(at)).toEqual(['3:5 yaml-duplicate-key', '4:12 yaml-duplicate-key', '8:5 yaml-duplicate-key', '9:1 yaml-duplicate-key']);
    expect(fails('? {a: 1, a: 2}\n: x\n').map(at)).toEqual(['1:10 yaml-duplicate-key']);
  });

  it('still names the duplicate, at its line, among 100,000 keys', () => {
    expect(fails(keys(100_000)).map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual(['100001:1 yaml-duplicate-key the key "k0" appears twice in the same mapping; keep one of them']);
  });
});

describe('the pre-scans written with indexOf', () => {
  // texts made of the characters the patterns care about, and a few others
  const pieces = ['-', ':', ' ', '\t', '\n', '\r', '\r\n', '#', '{', ',', 'a', '1', '\u2028', '\u00a0', '- ', ' -', '-\n', ': '];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));

  it('hasEmptyEntry is /(?:^|[ \\t])-[ \\t]*(?:#.*)?$/m', () => {
    fc.assert(fc.property(texts, (t) => hasEmptyEntry(t) === /(?:^|[ \t])-[ \t]*(?:#.*)?$/m.test(t)), { numRuns: 3000 });
  });

  it('hasBareColon is /(?:^|[\\s{,]):/m', () => {
    fc.assert(fc.property(texts, (t) => hasBareColon(t) === /(?:^|[\s{,]):/m.test(t)), { numRuns: 3000 });
  });

  it('agree on the usual cases', () => {
    expect(hasEmptyEntry('a:\n  -\n')).toBe(true);
    expect(hasEmptyEntry('date: 2022-05-25\n- x\n')).toBe(false);
    expect(hasEmptyEntry('- # note')).toBe(true);
    expect(hasBareColon('id: P1\n')).toBe(false);
    expect(hasBareColon('a: 1\n: b\n')).toBe(true);
    expect(hasBareColon('{ : x }')).toBe(true);
  });
});
