/**
 * The duplicate keys js-yaml's json mode finds (jsYamlDuplicates), against
 * the `yaml` package's document of the same text: every key that repeats an
 * earlier key of its mapping, at its own place, in block and flow mappings,
 * explicit keys (? a), quoted keys, keys after comments, lists of mappings and
 * mappings nested in each other.
 */
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { jsYamlDuplicates, parseYaml, positionIndex } from '../../src/core/parse.js';
import { below, random } from '../random.js';

/** The `yaml` package's answer: keys compared as text (the failsafe schema reads every scalar as text). */
function reference(text: string): number[] | undefined {
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, logLevel: 'silent' });
  if (doc.errors.length > 0) return undefined;
  const found: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range) {
          const name = String(pair.key.value);
          if (seen.has(name)) found.push(pair.key.range[0]);
          else seen.add(name);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
    else if (isPair(node)) stack.push(node.key, node.value);
  }
  return found.sort((a, b) => a - b);
}

/** Made-up YAML with few key names, so that duplicates are common, in every style of mapping. */
function madeUp(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[below(next, xs.length)]!;
  // "a" and a, 'b' and b are one key; the others hold characters that mean something elsewhere
  const keys = ['a', 'b', 'c', '"a"', "'b'", 'k d', '"k d"', '"x: y"', "'#'", '"{,}"', 'e-f'];
  const scalars = ['1', 'x', '"q: 1"', "'s, t'", 'null', 'a b', '"#"', 'y # note: z, w'];
  // a flow collection that runs on to more lines is indented under its key
  const flow = (indent: number, depth: number): string => {
    const r = below(next, 6);
    if (depth > 2 || r < 3) return pick(scalars.slice(0, 7));
    const sep = () => pick([', ', ',', ' , ', `,\n${' '.repeat(indent + 2)}`]);
    if (r === 3) return `[${Array.from({ length: below(next, 3) + 1 }, () => flow(indent, depth + 1)).join(sep())}]`;
    return `{${Array.from({ length: below(next, 4) + 1 }, () => `${pick([...keys, `? ${pick(keys)}`])}: ${flow(indent, depth + 1)}`).join(sep())}}`;
  };
  const block = (indent: number, depth: number): string[] => {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    if (depth > 0 && next() < 0.3) {
      // a list of mappings or values
      for (let n = below(next, 3) + 1; n > 0; n--) {
        if (depth < 3 && next() < 0.6) {
          const inner = block(indent + 2, depth + 1);
          lines.push(`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1));
        } else lines.push(`${pad}- ${flow(indent, depth)}`);
      }
      return lines;
    }
    for (let n = below(next, 5) + 1; n > 0; n--) {
      if (next() < 0.15) lines.push(`${pad}# a comment: with, a colon`);
      const key = pick(keys);
      const r = below(next, 10);
      if (r === 0) lines.push(`${pad}? ${key}${next() < 0.5 ? ' # a comment: with, a colon' : ''}`, `${pad}: ${flow(indent, depth)}`);
      else if (r === 1) lines.push(`${pad}? ${key}`);
      else if (r === 2 && depth < 3) lines.push(`${pad}? ${key}`, `${pad}:`, ...block(indent + 2, depth + 1));
      else if (r === 3) lines.push(`${pad}${key}: |`, `${pad}  text: with a colon`, `${pad}  b: 2`);
      else if (r === 4) lines.push(`${pad}${key}:`);
      else if (r <= 6 && depth < 3) lines.push(`${pad}${key}:${next() < 0.3 ? ' # a comment' : ''}`, ...block(indent + 2, depth + 1));
      else lines.push(`${pad}${key}: ${flow(indent, depth)}`);
    }
    return lines;
  };
  return next() < 0.15 ? `${flow(0, 0)}\n` : `${block(0, 0).join('\n')}\n`;
}

const lines = (text: string, offsets: number[] | undefined) => {
  const at = positionIndex(text);
  return offsets?.map((o) => `${at(o).line}:${at(o).column}`);
};

describe('jsYamlDuplicates', () => {
  it('finds the keys the `yaml` package finds, at the same places, in 600 made-up documents', () => {
    const next = random(16);
    let withDuplicates = 0;
    let compared = 0;
    for (let i = 0; i < 600; i++) {
      const text = madeUp(next);
      const got = jsYamlDuplicates(text);
      expect(got, text).toBeDefined();
      const want = reference(text);
      if (want === undefined) continue;
      compared++;
      expect(lines(text, got), text).toEqual(lines(text, want));
      if (got!.length > 0) withDuplicates++;
    }
    // the documents test something: nearly all are compared, and most have a duplicate
    expect(compared).toBeGreaterThan(550);
    expect(withDuplicates).toBeGreaterThan(300);
  });

  it('block, flow and explicit keys; keys after comments; a mapping inside a list', () => {
    const cases: [string, string[]][] = [
      ['a: 1\nb: 2\na: 3\n', ['3:1']],
      ['a: {x: 1, y: 2, x: 3}\n', ['1:17']],
      ['{x: 1,\n  x: 2}\n', ['2:3']],
      ['? a\n: 1\n? a\n: 2\n', ['3:3']],
      ['? a\n? a\n', ['2:3']],
      ['a: 1\n# b: c, d\n"a": 2\n', ['3:1']],
      ['- a: 1\n  a: 2\n- a: 3\n', ['2:3']],
      ['a: |\n  a: 1\n  a: 2\na: x\n', ['4:1']],
      ['a:\n  a:\n    a: 1\n  a: 2\n', ['4:3']],
      ['? |\n  long\n: 1\n? |\n  long\n: 2\n', ['4:3']],
      ['x: [a: 1, a: 2]\n', []],
      ['a: 1\n...\n', []],
      // the try at one more key before "..." reads nothing, and names no key (js-yaml would call it "null")
      ['"null": 1\nx: 1\nx: 2\n...\n', ['3:1']],
      // a key that reads nothing but follows "?" is a key (null), and so is an alias of a null value at the end of a flow mapping
      ['? \n: 1\n"null": 2\n', ['3:1']],
      ['a: &n ~\nb: {"null": 1, *n }\n', ['2:16']],
      ['{"null": 1, ? }\n', ['1:15']],
      ['"null": 1\n# ?\n...\n', []],
      ['{"null": 1, : 2}\n', ['1:13']],
      ['? a # a comment: with, a colon\n: 1\n? a\n: 2\n', ['3:3']],
    ];
    for (const [text, want] of cases) expect(lines(text, jsYamlDuplicates(text)), text).toEqual(want);
  });

  it('compares keys as js-yaml names them: true and "true", 1 and 0x1, null and ~ are one key', () => {
    expect(lines('true: a\n"true": b\n1: c\n0x1: d\nnull: e\n~: f\n', jsYamlDuplicates('true: a\n"true": b\n1: c\n0x1: d\nnull: e\n~: f\n'))).toEqual(['2:1', '4:1', '6:1']);
  });

  it('names a key that is a mapping or a list as js-yaml does, without calling a toString of the data', () => {
    expect(lines('? {toString: 1}\n: a\n? {toString: 2}\n: b\n', jsYamlDuplicates('? {toString: 1}\n: a\n? {toString: 2}\n: b\n'))).toEqual(['3:3']);
    const list = '? [{toString: 1}, b]\n: a\n"[object Object],b": c\n';
    expect(lines(list, jsYamlDuplicates(list))).toEqual(['3:1']);
  });

  it('says nothing (undefined) where js-yaml cannot read the text for another reason', () => {
    expect(jsYamlDuplicates('a: 1\na: 2\nb: [1, 2\nc: 3\n')).toBeUndefined();
    expect(jsYamlDuplicates('a: 1\n---\nb: 2\n')).toBeUndefined();
  });

  it('counts from the start of the text when it begins with a byte order mark', () => {
    const text = '\ufeffa: 1\na: 2\n';
    expect(jsYamlDuplicates(text)).toEqual([text.indexOf('a', 2)]);
  });

  it('through parseYaml: each duplicate at its line, other errors in the same file still found', () => {
    const said = (text: string) => {
      const r = parseYaml(text);
      return r.ok ? [] : r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
    };
    expect(said('a: 1\na: 2\nb:\n  c: 1\n  c: 2\n')).toEqual(['2:1 yaml-duplicate-key', '5:3 yaml-duplicate-key']);
    expect(said('a: 1\na: 2\nb: "open\n')).toEqual(['2:1 yaml-duplicate-key', '3:4 yaml-syntax']);
    // keys that are one key for js-yaml but two texts: each is found (the `yaml` package's texts would find none, and js-yaml's error only the first)
    expect(said('1: a\n0x1: b\ntrue: c\nTrue: d\n')).toEqual(['2:1 yaml-duplicate-key', '4:1 yaml-duplicate-key']);
  });
});
