/**
 * Property test: valid files mutated at random (lines deleted, duplicated,
 * swapped, re-indented; YAML punctuation inserted; text cut short) always give
 * a list of well-formed diagnostics, never an exception. In-process through
 * an overlay for speed, plus a few runs of the built executable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules.js';
import { validateRoot } from '../../src/core/validate.js';
import { FIXTURES, cli, copyRoot } from '../helpers.js';

const ROOT = join(FIXTURES, 'valid-minimal');
const FILES = ['meetings.yaml', 'plans/demo-2021-2025/plan.yaml', ...['D1', 'D2', 'D3', 'D4'].map((p) => `plans/demo-2021-2025/projects/${p}.yaml`)];
const TEXTS = new Map(FILES.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

type Mutation = (lines: string[]) => string[];

const PIECES = [':', ': ', '-', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '&', '*', '\t', '"', "'", '#', '|', '>', '?', '!', '%', '@', '`', ' ', '  ', '\\', '~', 'null', '2022-02-30', '0x1F', '__proto__: 1', 'é', '\u00a0', '\r\n'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i) => (l: string[]) => l.filter((_, j) => j !== i % Math.max(l.length, 1))),
  fc.nat().map((i) => (l: string[]) => (l.length ? [...l.slice(0, (i % l.length) + 1), l[i % l.length]!, ...l.slice((i % l.length) + 1)] : l)),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (l: string[]) => {
    if (!l.length) return l;
    const c = [...l];
    const [a, b] = [i % c.length, j % c.length];
    [c[a], c[b]] = [c[b]!, c[a]!];
    return c;
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 })).map(([i, at, bits]) => (l: string[]) => {
    if (!l.length) return [bits.join('')];
    const c = [...l];
    const k = i % c.length;
    const line = c[k]!;
    const p = at % (line.length + 1);
    c[k] = line.slice(0, p) + bits.join('') + line.slice(p);
    return c;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([i, by]) => (l: string[]) => {
    if (!l.length) return l;
    const c = [...l];
    const k = i % c.length;
    c[k] = by >= 0 ? ' '.repeat(by) + c[k] : c[k]!.replace(new RegExp(`^ {0,${-by}}`), '');
    return c;
  }),
  fc.nat().map((i) => (l: string[]) => {
    const text = l.join('\n');
    return text.slice(0, i % (text.length + 1)).split('\n');
  }),
);

const mutatedFile = fc.record({ file: fc.constantFrom(...FILES), mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }) }).map(({ file, mutations }) => {
  let lines = TEXTS.get(file)!.split('\n');
  for (const m of mutations) lines = m(lines);
  return { file, text: lines.join('\n') };
});

/** Asserts the shape of every diagnostic against the texts the files had. */
function checkDiagnostics(diagnostics: readonly { file: string; line: number; column: number; severity: string; code: string; message: string }[], texts: ReadonlyMap<string, string>) {
  for (const d of diagnostics) {
    const text = texts.get(d.file);
    expect(text, `diagnostic for an unknown file ${d.file}`).toBeDefined();
    const lines = text!.split(/\r\n|\r|\n/);
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.length, `line ${d.line} of ${lines.length} (${d.code})`).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1 && d.column <= lines[d.line - 1]!.length + 1, `column ${d.column} of line ${d.line} (${d.code})`).toBe(true);
    expect(RULES[d.code], `unknown code ${d.code}`).toBeDefined();
    expect(d.severity).toBe(RULES[d.code]!.severity);
    expect(d.message.length).toBeGreaterThan(10);
    expect(d.message).not.toMatch(/undefined|\[object Object\]|NaN/);
  }
}

describe('mutated valid files give well-formed diagnostics', () => {
  it('in-process, through an overlay', () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(fc.array(mutatedFile, { minLength: 1, maxLength: 2 }), (changes) => {
        const texts = new Map(TEXTS);
        const overlay = new Map<string, string>();
        for (const { file, text } of changes) {
          texts.set(file, text);
          overlay.set(join(ROOT, file), text);
        }
        const result = validateRoot(ROOT, { cwd: ROOT, today: '2026-11-23', overlay });
        checkDiagnostics(result.diagnostics, texts);
        expect(result.errors + result.warnings).toBe(result.diagnostics.length);
        expect(result.valid).toBe(result.errors === 0);
        for (const d of result.diagnostics) codes.add(d.code);
      }),
      { seed: 20_260_001, numRuns: 400 },
    );
    // the mutations reach the parser, the schema and the rules alike
    for (const code of ['yaml-syntax', 'yaml-duplicate-key', 'schema-type', 'schema-unknown-key', 'schema-required']) expect(codes).toContain(code);
  });

  it('never changes Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const overlay = new Map([[join(ROOT, FILES[2]!), `__proto__: {polluted: 1}\n${TEXTS.get(FILES[2]!)!}`]]);
    validateRoot(ROOT, { cwd: ROOT, today: '2026-11-23', overlay });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the built executable on mutated roots', () => {
  const made: (() => void)[] = [];
  afterAll(() => made.forEach((c) => c()));

  it('exits 0 or 1 with diagnostics, never a stack trace', async () => {
    const samples = fc.sample(fc.array(mutatedFile, { minLength: 1, maxLength: 3 }), { seed: 4711, numRuns: 6 });
    for (const changes of samples) {
      const { dir, cleanup } = copyRoot(ROOT);
      made.push(cleanup);
      const texts = new Map(TEXTS);
      for (const { file, text } of changes) {
        writeFileSync(join(dir, file), text);
        texts.set(file, text);
      }
      const r = await cli(['validate', '--data', '.', '--format', 'json'], { cwd: dir });
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).not.toContain('    at ');
      const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string }[] };
      expect(out.valid).toBe(r.code === 0);
      checkDiagnostics(out.diagnostics, texts);
    }
  });
});
