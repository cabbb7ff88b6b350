/**
 * YAML text → plain data, or diagnostics. js-yaml reads the data (YAML 1.2
 * core schema). The `yaml` package, which keeps source positions, only locates
 * nodes and explains syntax errors, and reads the two shapes js-yaml gets wrong
 * (complex or null keys, an empty entry of a nested list). Anchors and aliases
 * are refused (yaml-alias): data files never need them, and refusing them
 * closes "billion laughs" alias bombs for good.
 */
import jsYaml from 'js-yaml';
import { parseDocument, visit, isAlias, isMap, isSeq, isPair, isScalar, isCollection, type Document, type Node, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import type { RawDiagnostic, Segment } from './raw.js';

export const MAX_DEPTH = 100;

export type ParseResult = { ok: true; data: unknown } | { ok: false; diagnostics: RawDiagnostic[] };

/*
 * js-yaml's CORE_SCHEMA is not quite YAML 1.2's core schema: it reads 0b101,
 * -0x1F and -0o7 as numbers and +.5 as text, where the spec does the opposite.
 * These two types use the spec's patterns.
 */
const INT_RE = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT_RE = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** First characters a number can have (- + . 0-9): every other plain scalar skips the patterns, which js-yaml tries on each one. */
const NUMBER_START = new Set([...'-+.0123456789'].map((c) => c.charCodeAt(0)));
const int12 = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: unknown) => typeof s === 'string' && NUMBER_START.has(s.charCodeAt(0)) && s.charCodeAt(0) !== 46 && INT_RE.test(s),
  construct: (s: string) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
  predicate: (v: unknown) => typeof v === 'number' && Number.isInteger(v),
  represent: (v: object) => String(v),
});
const float12 = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: unknown) => typeof s === 'string' && NUMBER_START.has(s.charCodeAt(0)) && FLOAT_RE.test(s),
  construct: (s: string) => {
    const tail = s.slice(-3).toLowerCase();
    if (tail === 'nan') return NaN;
    if (tail === 'inf') return s.startsWith('-') ? -Infinity : Infinity;
    return parseFloat(s);
  },
  predicate: (v: unknown) => typeof v === 'number',
  represent: (v: object) => String(v),
});
/** YAML 1.2 core schema for js-yaml: its own null and bool (already the spec's); the spec's int and float replace its own. */
export const CORE_12_SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [int12, float12] });

/**
 * A key that is a mapping or a list (`? ` explicit keys, `[a, b]: x`): js-yaml
 * names it "[object Object]", the `yaml` package writes it out. A null key
 * (`~: x`, `null: x`): js-yaml names it "null", the `yaml` package "". Such files
 * take the slow path, so that both parsers mean the same.
 */
const COMPLEX_KEY_RE = /(?:^|[\s[{,])\?(?:\s|$)|[\]}]\s*:(?:\s|$)|(?:^|[\s{,])(?:~|null|Null|NULL)\s*:(?:\s|$)/m;

/**
 * An empty list entry (a line that ends in `-`): js-yaml 4 then puts the next
 * entries of an outer list into the inner one (`- -` newline `- x` gives
 * [[null, x]] instead of [[null], x]). Such files take the slow path.
 */
const EMPTY_ENTRY_RE = /(?:^|[ \t])-[ \t]*(?:#.*)?$/m;

/* The patterns scan the whole text; a file without the characters they need skips them (most files: a tenth of the time). */
const mayHaveComplexKey = (text: string) =>
  (text.includes('?') || text.includes(']') || text.includes('}') || text.includes('~') || text.includes('ull') || text.includes('ULL')) && COMPLEX_KEY_RE.test(text);

export function parseYaml(text: string): ParseResult {
  if (!mayHaveComplexKey(text) && !EMPTY_ENTRY_RE.test(text)) {
    // an anchor needs a "&": only such files pay for the listener that notices one
    let anchored = false;
    const listener = text.includes('&') ? (event: string, state: { anchor?: string | null }) => { if (event === 'close' && state.anchor != null) anchored = true; } : undefined;
    try {
      const data = jsYaml.load(text, { schema: CORE_12_SCHEMA, json: false, maxDepth: MAX_DEPTH, ...(listener ? { listener } : {}) } as jsYaml.LoadOptions);
      if (anchored) return { ok: false, diagnostics: [aliasRefused(text)] };
      // an empty document is undefined for js-yaml
      return { ok: true, data: data ?? null };
    } catch (error) {
      if (isTooDeep(error)) return { ok: false, diagnostics: [tooDeep(error, text)] };
      if (/unidentified alias/.test((error as { reason?: string }).reason ?? '')) return { ok: false, diagnostics: [aliasRefused(text)] };
      // the position-keeping parser explains syntax errors better
      const slow = parseYamlSlow(text);
      if (!slow.ok) return slow;
      return { ok: false, diagnostics: [fromJsYamlError(error, text)] };
    }
  }
  return parseYamlSlow(text);
}

/** Where the first anchor (&name) or alias (*name) is, and the refusal. */
function aliasRefused(text: string): RawDiagnostic {
  let offset = -1;
  let shown = '';
  try {
    visit(parseDocument(text, { logLevel: 'silent' }), (_key, node) => {
      const at = isAlias(node) ? node.range?.[0] : (node as { anchor?: string } | null)?.anchor ? text.lastIndexOf(`&${(node as { anchor: string }).anchor}`, (node as Node).range?.[0] ?? 0) : undefined;
      if (at === undefined || at < 0 || (offset !== -1 && at >= offset)) return;
      offset = at;
      shown = isAlias(node) ? `an alias (*${node.source})` : `an anchor (&${(node as { anchor: string }).anchor})`;
    });
  } catch {
    // the position is a help, not a condition
  }
  const message = `the file uses ${shown || 'YAML anchors or aliases'}; accsm data files do not use anchors and aliases (&name, *name): write the value out in full where it is needed`;
  return { severity: 'error', code: 'yaml-alias', message, ...(offset >= 0 ? positionIndex(text)(offset) : { line: 1, column: 1 }) };
}

/** Parse with the `yaml` package only. */
export function parseYamlSlow(text: string): ParseResult {
  let doc: Document.Parsed;
  const at = positionIndex(text);
  try {
    // logLevel 'error': the `yaml` package would otherwise print warnings to stderr itself
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2', schema: 'core', logLevel: 'error' });
  } catch (error) {
    return { ok: false, diagnostics: [error instanceof RangeError ? tooDeepAt(text) : unexpected(error)] };
  }
  // the `yaml` package runs out of stack on deep nesting, at a place that depends on the stack size
  if (doc.errors.some((e) => /call stack/i.test(e.message))) return { ok: false, diagnostics: [tooDeepAt(text)] };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: firstOnEachLine(doc.errors.map((e) => {
        const tooDeepError = /call stack|too deep|maximum depth/i.test(e.message);
        const opened = tooDeepError ? undefined : unclosed(doc, e);
        const pos = at(opened?.start ?? e.pos[0]);
        return {
          severity: 'error',
          code: tooDeepError ? 'yaml-too-deep' : e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
          message: tooDeepError ? tooDeepMessage : (opened?.message ?? yamlErrorMessage(e.code, e.message)),
          line: pos.line,
          column: pos.column,
        } satisfies RawDiagnostic;
      })),
    };
  }
  // the same depth limit as the fast path, checked before toJS() recurses
  const deep = firstTooDeep(doc.contents as Node | null);
  if (deep !== undefined) {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'yaml-too-deep', message: tooDeepMessage, ...at(deep) }] };
  }
  let anchored = false;
  visit(doc, (_key, node) => {
    if (isAlias(node) || (node as { anchor?: string } | null)?.anchor) {
      anchored = true;
      return visit.BREAK;
    }
    return undefined;
  });
  if (anchored) return { ok: false, diagnostics: [aliasRefused(text)] };
  try {
    return { ok: true, data: doc.toJS() ?? null };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, diagnostics: [tooDeepAt(text)] };
    return { ok: false, diagnostics: [unexpected(error)] };
  }
}

/**
 * One syntax error per line, the first: the parser's later errors on the same
 * line follow from it (a tab-indented `status:` also reads as a duplicate
 * top-level key) and would point the user at the wrong problem.
 */
function firstOnEachLine(diagnostics: RawDiagnostic[]): RawDiagnostic[] {
  const seen = new Set<number>();
  return diagnostics.filter((d) => {
    if (d.line === undefined || seen.has(d.line)) return d.line === undefined;
    seen.add(d.line);
    return true;
  });
}

/**
 * A quote, [ or { that is never closed is reported where it opens: the parser
 * notices only where the file or the block ends, often lines later.
 */
function unclosed(doc: Document.Parsed, e: YAMLError): { start: number; message: string } | undefined {
  const pos = e.pos[0];
  const quote = e.code === 'MISSING_CHAR' && /quote/i.test(e.message);
  const flow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with/.exec(e.message)?.[1];
  if (!quote && !flow) return undefined;
  let found: { start: number; message: string } | undefined;
  const consider = (node: Node, message: string) => {
    const r = node.range;
    if (r && r[0] < pos && r[1] >= pos && (!found || r[0] > found.start)) found = { start: r[0], message };
  };
  visit(doc, {
    Scalar(_key, node) {
      if (quote && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'))
        consider(node, `the text in quotes that starts here has no closing quote (${node.type === 'QUOTE_DOUBLE' ? '"' : "'"}); add it where the text ends`);
    },
    Seq(_key, node) {
      if (flow === 'sequence' && node.flow) consider(node, 'the list that opens here with [ is not closed with ]; close it, or indent the lines that continue it');
    },
    Map(_key, node) {
      if (flow === 'map' && node.flow) consider(node, 'the mapping that opens here with { is not closed with }; close it, or indent the lines that continue it');
    },
  });
  return found;
}

/** Source offset of the first node nested deeper than MAX_DEPTH (the document's top node is level 1), without recursion. */
function firstTooDeep(top: Node | null): number | undefined {
  const stack: [Node, number][] = top ? [[top, 1]] : [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return node.range?.[0] ?? 0;
    if (!isCollection(node)) continue;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (item.value) stack.push([item.value as Node, depth + 1]);
        if (item.key && typeof item.key === 'object') stack.push([item.key as Node, depth + 1]);
      } else if (item && typeof item === 'object') stack.push([item as Node, depth + 1]);
    }
  }
  return undefined;
}

const tooDeepMessage = `the file is nested more than ${MAX_DEPTH} levels deep; accsm data files need only a few levels`;

/**
 * Where a text is nested too deep, as js-yaml's depth limit finds it (the same
 * place as on the fast path, whatever the stack size). js-yaml is safe here even
 * with aliases: it shares aliased values instead of copying them.
 */
function tooDeepAt(text: string): RawDiagnostic {
  try {
    jsYaml.load(text, { schema: CORE_12_SCHEMA, json: false, maxDepth: MAX_DEPTH } as jsYaml.LoadOptions);
  } catch (error) {
    if (isTooDeep(error)) return tooDeep(error, text);
  }
  return { severity: 'error', code: 'yaml-too-deep', message: tooDeepMessage, line: 1, column: 1 };
}

function isTooDeep(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && /maxDepth/.test(error.message));
}

/** js-yaml's error position, through the same line table as everything else. */
function markPosition(error: unknown, text: string): { line: number; column: number } {
  const mark = (error as { mark?: { position?: number; line: number; column: number } }).mark;
  if (mark && typeof mark.position === 'number') return positionIndex(text)(mark.position);
  return { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 };
}

function tooDeep(error: unknown, text: string): RawDiagnostic {
  return { severity: 'error', code: 'yaml-too-deep', message: tooDeepMessage, ...markPosition(error, text) };
}

function fromJsYamlError(error: unknown, text: string): RawDiagnostic {
  const e = error as { reason?: string; message?: string };
  const reason = e.reason ?? e.message ?? String(error);
  const duplicate = /duplicated mapping key/.test(reason);
  return {
    severity: 'error',
    code: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
    message: duplicate ? 'this key appears twice in the same mapping; keep one of them' : `the YAML is not well-formed: ${reason}`,
    ...markPosition(error, text),
  };
}

function unexpected(error: unknown): RawDiagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return { severity: 'error', code: 'yaml-syntax', message: `the YAML could not be read: ${firstLine(message)}`, line: 1, column: 1 };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Plain-words messages for the `yaml` package's error codes. */
function yamlErrorMessage(code: string, message: string): string {
  const detail = firstLine(message);
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same mapping; keep one of them';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `the YAML is not well-formed (${detail}); check the indentation and punctuation on this line`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a line with ---); put one document in each file';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML allows only spaces';
    case 'BAD_ALIAS':
      return `an alias (*name) refers to an anchor (&name) that is not defined before it: ${detail}`;
    default:
      return `the YAML is not well-formed: ${detail}`;
  }
}

/**
 * Offsets → 1-based line and column. Lines end at LF, CR LF or a lone CR, as in
 * YAML and in editors; columns count UTF-16 code units, as JavaScript strings do.
 * (The `yaml` package's LineCounter misses line breaks inside tokens it cannot parse.)
 */
export function positionIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return (offset) => {
    const o = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1 };
  };
}

/** A parsed document with source positions, to turn paths into lines and columns. */
export interface Locator {
  /** 1-based line and column of the node at `path` (its key when atKey), or of the nearest ancestor that exists. */
  locate(path: readonly Segment[], atKey?: boolean): { line: number; column: number };
}

export function createLocator(text: string): Locator {
  const pos = positionIndex(text);
  let doc: Document.Parsed | undefined;
  try {
    doc = parseDocument(text, { uniqueKeys: false, strict: false, logLevel: 'error' });
  } catch {
    doc = undefined;
  }
  // each mapping's keys, indexed on first use: a file with 100,000 keys is located in linear time
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
      indexes.set(map, index);
    }
    return index.get(key);
  };
  return {
    locate(path, atKey = false) {
      if (!doc || !doc.contents) return { line: 1, column: 1 };
      let node: Node | null = doc.contents as Node;
      let best = node.range ? node.range[0] : 0;
      for (let i = 0; i < path.length; i++) {
        const seg = path[i]!;
        const last = i === path.length - 1;
        if (isMap(node)) {
          const pair = pairOf(node as YAMLMap, String(seg));
          if (!pair) break;
          const key = pair.key as Node;
          if (key.range) best = key.range[0];
          if (last && atKey) break;
          const value = pair.value as Node | null;
          if (!value || !value.range) break;
          // an empty value (`title:`) has a zero-length range at the end of the line: point at the key
          if (isScalar(value) && value.range[0] === value.range[1]) break;
          node = value;
          best = value.range[0];
        } else if (isSeq(node) && typeof seg === 'number') {
          const item = node.items[seg] as Node | undefined;
          if (!item || !item.range) break;
          node = item;
          best = item.range[0];
        } else {
          break;
        }
      }
      return pos(best);
    },
  };
}
