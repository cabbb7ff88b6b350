/**
 * YAML text → plain data, or diagnostics. js-yaml reads the data (YAML 1.2
 * core schema), and it is the only parser that does. The `yaml` package, which
 * keeps source positions, only locates nodes and explains syntax errors. Three
 * shapes that data files never need are refused, each with its own code:
 * anchors and aliases (yaml-alias, which closes "billion laughs" alias bombs
 * for good), keys that are not plain text (yaml-complex-key) and an empty
 * entry at the end of a nested list (yaml-empty-entry), the last two because
 * js-yaml reads them differently from the YAML spec.
 */
import jsYaml from 'js-yaml';
import { parseDocument, visit, isAlias, isMap, isSeq, isPair, isScalar, type Document, type Node, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import { diag, type RawDiagnostic, type Segment } from './raw.js';

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
const numberStart = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
const int12 = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: unknown) => typeof s === 'string' && numberStart(s.charCodeAt(0)) && s.charCodeAt(0) !== 46 && INT_RE.test(s),
  construct: (s: string) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
  predicate: (v: unknown) => typeof v === 'number' && Number.isInteger(v),
  represent: (v: object) => String(v),
});
const float12 = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: unknown) => typeof s === 'string' && numberStart(s.charCodeAt(0)) && FLOAT_RE.test(s),
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
 * Texts that may hold a shape js-yaml reads differently from the spec: a key
 * that is a mapping or a list (`? [a]`, `[a, b]: x`; js-yaml names it
 * "[object Object]" or "a,b"), a null key (`~: x`, `: x`; js-yaml names it
 * "null"), an empty list entry (a line that ends in `-`). Only such texts are
 * looked at with the `yaml` package (misread below), which decides.
 */
const COMPLEX_KEY_RE = /(?:^|[\s[{,])\?(?:\s|$)|[\]}]\s*:(?:\s|$)|(?:^|[\s{,])(?:~|null|Null|NULL)?\s*:(?:\s|$)/m;
/*
 * The patterns scan the whole text; a file without the characters they need
 * skips them (most files: a tenth of the time). The two first checks are
 * written out with indexOf, which jumps from one "-" or ":" to the next,
 * where the equivalent patterns (/(?:^|[ \t])-[ \t]*(?:#.*)?$/m and
 * /(?:^|[\s{,]):/m, tested against them) try every position: a third of the
 * parse time of a typical file.
 */
const mayBeMisread = (text: string) =>
  hasEmptyEntry(text) ||
  ((text.includes('?') || text.includes(']') || text.includes('}') || text.includes('~') || text.includes('ull') || text.includes('ULL') || hasBareColon(text)) && COMPLEX_KEY_RE.test(text));

const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** A "-" at the start of a line or after a space or tab, followed by nothing but spaces, tabs or a comment: /(?:^|[ \t])-[ \t]*(?:#.*)?$/m. */
export function hasEmptyEntry(text: string): boolean {
  for (let i = text.indexOf('-'); i !== -1; i = text.indexOf('-', i + 1)) {
    const before = i === 0 ? 10 : text.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && !isLineEnd(before)) continue;
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j === text.length || isLineEnd(text.charCodeAt(j)) || text.charCodeAt(j) === 35) return true;
  }
  return false;
}

const SPACE_OR_OPEN = /[\s{,]/;

/** A ":" at the start of a line or after white space, "{" or ",": /(?:^|[\s{,]):/m. */
export function hasBareColon(text: string): boolean {
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    if (i === 0 || SPACE_OR_OPEN.test(text[i - 1]!)) return true;
  }
  return false;
}

const fail = (diagnostics: RawDiagnostic[]): ParseResult => ({ ok: false, diagnostics });

const LOAD_OPTIONS = { schema: CORE_12_SCHEMA, json: false, maxDepth: MAX_DEPTH } as jsYaml.LoadOptions;

export function parseYaml(text: string): ParseResult {
  // an empty file is common enough in a root being set up (and 50,000 of them are a test case) to skip js-yaml's set-up for
  if (text.length === 0) return { ok: true, data: null };
  // an anchor needs a "&": only such files pay for the listener that notices one
  let anchored = false;
  const listener = text.includes('&') ? (event: string, state: { anchor?: string | null }) => { if (event === 'close' && state.anchor != null) anchored = true; } : undefined;
  let data: unknown;
  try {
    data = jsYaml.load(text, listener ? ({ ...LOAD_OPTIONS, listener } as jsYaml.LoadOptions) : LOAD_OPTIONS);
  } catch (error) {
    if (isTooDeep(error)) return fail([tooDeep(error, text)]);
    if (/unidentified alias/.test((error as { reason?: string }).reason ?? '')) return fail([aliasRefused(text)]);
    return fail(explain(text, error));
  }
  if (anchored) return fail([aliasRefused(text)]);
  // js-yaml held the nesting to MAX_DEPTH, so the `yaml` package can look at the text safely
  const misreadings = mayBeMisread(text) ? misread(locatorDocument(text), text) : [];
  if (misreadings.length > 0) return fail(misreadings);
  // an empty document is undefined for js-yaml
  return { ok: true, data: data ?? null };
}

/** The `yaml` package's document of a text, for positions only (never for data); undefined where it cannot parse. */
function locatorDocument(text: string, options: { uniqueKeys: boolean; strict: boolean; schema?: 'core' | 'failsafe' } = { uniqueKeys: false, strict: false }): Document.Parsed | undefined {
  try {
    // logLevel 'error': the `yaml` package would otherwise print warnings to stderr itself; 'silent' would also drop errors
    return parseDocument(text, { schema: 'core', ...options, prettyErrors: false, version: '1.2', logLevel: 'error' });
  } catch {
    return undefined;
  }
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
  return diag('yaml-alias', message, offset >= 0 ? positionIndex(text)(offset) : undefined);
}

/**
 * The shapes js-yaml reads differently from the spec, found with the `yaml`
 * package: keys that are not plain text, and an empty entry that ends a list
 * nested in another list, followed by an entry of the outer list (js-yaml 4
 * would read that entry into the inner list).
 */
function misread(doc: Document.Parsed | undefined, text: string): RawDiagnostic[] {
  if (!doc) return [];
  const at = positionIndex(text);
  const found: RawDiagnostic[] = [];
  try {
    visit(doc, {
      Pair(_key, pair) {
        const key = pair.key as Node | null;
        const start = key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
        if (isMap(key) || isSeq(key)) {
          found.push(diag('yaml-complex-key', `this key is ${isSeq(key) ? 'a list' : 'a mapping'}, not a plain word; accsm data files use plain words as keys (such as id, title or status): write the key as a word, or move the brackets after the colon if they belong to the value`, at(start)));
        } else if (key === null || (isScalar(key) && key.value === null)) {
          found.push(diag('yaml-complex-key', 'this key is empty (~, null, or nothing before the colon); accsm data files use plain words as keys (such as id, title or status): write the key, or put it in quotes ("null") if the word is meant', at(key ? start : colonBefore(text, start))));
        }
      },
      Seq(_key, seq) {
        const last = seq.items[seq.items.length - 1];
        if (seq.flow || !isScalar(last) || last.source !== '' || !last.range || !seq.range) return;
        const indent = seq.range[0] - lineStart(text, seq.range[0]);
        if (outerEntryFollows(text, last.range[0], indent)) {
          const dash = text.lastIndexOf('-', last.range[0]);
          found.push(diag('yaml-empty-entry', 'this list entry is empty (a dash with nothing after it) and ends a list inside another list, so the entries below could be read into the wrong list; write the value after the dash, or remove the line', at(dash < 0 ? last.range[0] : dash)));
        }
      },
    });
  } catch {
    // a document the visitor cannot walk has no shape to refuse
  }
  return found.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
}

const lineStart = (text: string, offset: number) => Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;

/** The offset of the colon of an empty key (`: x`), from where its value starts. */
function colonBefore(text: string, offset: number): number {
  const colon = text.lastIndexOf(':', offset);
  return colon < 0 ? offset : colon;
}

/** Whether the next line with content after `offset` is a list entry ("- ") indented less than `indent`. */
function outerEntryFollows(text: string, offset: number, indent: number): boolean {
  const re = /\r\n|\r|\n/g;
  re.lastIndex = offset;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = m.index + m[0].length;
    const line = /^([ ]*)(\S?)(\S?)/.exec(text.slice(from, from + indent + 2))!;
    if (line[2] === '' || line[2] === '#') {
      if (from >= text.length) return false;
      continue;
    }
    return line[2] === '-' && (line[3] === '' || line[3] === ' ') && line[1]!.length < indent;
  }
  return false;
}

/**
 * A syntax error js-yaml found, in plain words: the `yaml` package explains it
 * better (where a quote or bracket opens, one error per line); where it finds
 * nothing wrong, a shape js-yaml misreads, or js-yaml's own words.
 */
function explain(text: string, error: unknown): RawDiagnostic[] {
  const duplicate = isDuplicateKey(error);
  if (duplicate) {
    // js-yaml's json mode keeps the last of duplicate keys and checks everything else: where it reads the file,
    // the duplicates are all that is wrong, and its listener says where each key is (on 100,000 keys, a fifth of
    // the time the `yaml` package takes); where it cannot, the `yaml` package below explains the other errors
    const offsets = jsYamlDuplicates(text);
    if (offsets !== undefined && offsets.length > 0) {
      const at = positionIndex(text);
      return firstOnEachLine(offsets.map((offset) => diag('yaml-duplicate-key', duplicateMessage(text, offset), at(offset))));
    }
  }
  // the `yaml` package's own duplicate-key check compares every pair of keys in a mapping (177 s on 100,000 keys):
  // js-yaml found the duplicate in linear time, so its place is taken and the `yaml` package only looks for other errors;
  // for duplicates, keys are compared as their text, as js-yaml does (it makes every key a string: `true` and "true" are one key);
  // the failsafe schema reads every scalar as text, which also spares resolving 100,000 of them (a sixth of the time)
  const doc = locatorDocument(text, { uniqueKeys: !duplicate, strict: true, schema: duplicate ? 'failsafe' : 'core' });
  if (duplicate && doc && !doc.errors.some((e) => /call stack/i.test(e.message))) {
    const at = positionIndex(text);
    const others = doc.errors.map((e) => {
      const said = unclosed(doc, e) ?? syntaxMessage(text, e);
      return diag('yaml-syntax', said.message, at(said.start ?? e.pos[0]));
    });
    const duplicates = duplicateKeys(doc).map((offset) => diag('yaml-duplicate-key', duplicateMessage(text, offset), at(offset)));
    const all = [...others, ...(duplicates.length > 0 ? duplicates : [fromJsYamlError(error, text)])].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return firstOnEachLine(all);
  }
  // the `yaml` package runs out of stack on deep nesting, at a place that depends on the stack size: js-yaml's words then
  if (!doc || doc.errors.some((e) => /call stack/i.test(e.message))) return [fromJsYamlError(error, text)];
  if (doc.errors.length === 0) {
    const misreadings = misread(doc, text);
    return misreadings.length > 0 ? misreadings : [fromJsYamlError(error, text)];
  }
  const at = positionIndex(text);
  // the first error where the parser stopped on each line: the others follow from it
  const stops = new Set<number>();
  const first = doc.errors.filter((e) => !stops.has(at(e.pos[0]).line) && !!stops.add(at(e.pos[0]).line));
  return firstOnEachLine(
    first.map((e) => {
      const said = unclosed(doc, e) ?? syntaxMessage(text, e);
      return diag(e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax', said.message, at(said.start ?? e.pos[0]));
    }),
  );
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

const tooDeepMessage = `the file is nested more than ${MAX_DEPTH} levels deep; accsm data files need only a few levels`;

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
  return diag('yaml-too-deep', tooDeepMessage, markPosition(error, text));
}

/**
 * Where each key that repeats an earlier key of its mapping starts: one set
 * per mapping, so linear in the keys. The nodes are walked with a stack of
 * their own (not \`visit\`, which calls back for every node and key: a tenth
 * of the time of 100,000 keys).
 */
function duplicateKeys(doc: Document.Parsed): number[] {
  const found: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && key.range) {
          const name = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(name)) found.push(key.range[0]);
          else seen.add(name);
        }
        stack.push(key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return found.sort((a, b) => a - b);
}

/** A node js-yaml composed, as its listener saw it open and close. */
interface Composed {
  open: number;
  close: number;
  result: unknown;
}

const JSON_MODE_OPTIONS = { ...LOAD_OPTIONS, json: true } as jsYaml.LoadOptions;

/**
 * Where each key that repeats an earlier key of its mapping starts, found by
 * js-yaml itself in json mode (which keeps the last of duplicate keys instead
 * of stopping at the first), or undefined where it cannot read the text: then
 * there is some other error, for the `yaml` package to explain. One pass, and
 * one set per mapping: linear in the text.
 *
 * js-yaml's listener says where each node opens and closes, not whether it is
 * a key or a value; the text between two nodes of one mapping says that. A
 * value follows a ":" (`a: 1`, `? a` then `: 1`, `{a: 1}`); a key follows
 * nothing but spaces, comments and line breaks, or a "?" or ",". The first
 * node of a mapping is always a key. Keys are compared as js-yaml compares them (as
 * text: `true` and "true", 1 and 0x1 are one key).
 */
export function jsYamlDuplicates(text: string): number[] | undefined {
  // js-yaml drops a byte order mark before it counts positions
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const found: number[] = [];
  const opened: number[] = [];
  const kids: Composed[][] = [[]];
  const listener = (event: string, state: jsYaml.State) => {
    const s = state as jsYaml.State & { kind: string | null; result: unknown };
    if (event === 'open') {
      opened.push(s.position);
      kids.push([]);
      return;
    }
    const inside = kids.pop()!;
    const node: Composed = { open: opened.pop()!, close: s.position, result: s.result };
    if (s.kind === 'mapping') repeatedKeys(s.input, inside, shift, found);
    kids[kids.length - 1]!.push(node);
  };
  try {
    jsYaml.load(text, { ...JSON_MODE_OPTIONS, listener } as jsYaml.LoadOptions);
  } catch {
    return undefined;
  }
  return found.sort((a, b) => a - b);
}

/** The keys among the nodes of one mapping that repeat an earlier one: their offsets are added to `found`. */
function repeatedKeys(input: string, nodes: Composed[], shift: number, found: number[]): void {
  const seen = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const before = i === 0 ? 63 : lastMark(input, nodes[i - 1]!.close, node.open);
    if (before === 58) continue; // ":": a value
    // a block mapping ends with a try at one more key that reads nothing (before "...", say); after "?" it is an empty key
    if (i === nodes.length - 1 && node.open === node.close && before !== 63) continue;
    const name = keyName(node.result);
    if (seen.has(name)) found.push(skipSpace(input, node.open) + shift);
    else seen.add(name);
  }
}

/** The last character from `from` to `to` that is not a space, a line break or in a comment (0 if none): ":", "?", "," or none. */
function lastMark(input: string, from: number, to: number): number {
  let mark = 0;
  for (let i = from; i < to; i++) {
    const c = input.charCodeAt(i);
    if (c === 35) {
      while (i < to && !isLineEnd(input.charCodeAt(i))) i++;
    } else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      mark = c;
    }
  }
  return mark;
}

/** Past spaces, line breaks and comments: where an explicit key (`? a`, whose node opens after the "?") starts. */
function skipSpace(input: string, offset: number): number {
  let i = offset;
  for (;;) {
    const c = input.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) while (i < input.length && !isLineEnd(input.charCodeAt(i))) i++;
    else return i;
  }
}

const isPlainObject = (v: unknown) => Object.prototype.toString.call(v) === '[object Object]';

/** A key as js-yaml names it in the object it builds (storeMappingPair): a mapping is "[object Object]", a list its entries joined with commas. */
function keyName(key: unknown): string {
  if (Array.isArray(key)) return String(key.map((entry: unknown) => (isPlainObject(entry) ? '[object Object]' : entry)));
  if (typeof key === 'object' && isPlainObject(key)) return '[object Object]';
  return String(key);
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { reason?: string; message?: string };
  return /duplicated mapping key/.test(e.reason ?? e.message ?? '');
}

/** js-yaml's words, where the `yaml` package finds nothing to explain. */
function fromJsYamlError(error: unknown, text: string): RawDiagnostic {
  const e = error as { reason?: string; message?: string; mark?: { position?: number } };
  const reason = e.reason ?? e.message ?? String(error);
  if (/duplicated mapping key/.test(reason)) return diag('yaml-duplicate-key', duplicateMessage(text, e.mark?.position ?? 0), markPosition(error, text));
  return diag('yaml-syntax', `the YAML is not well-formed: ${firstLine(reason)}; check the indentation and punctuation on this line`, markPosition(error, text));
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The text of the line an offset is on, from the offset on. */
function restOfLine(text: string, offset: number): string {
  return /^[^\r\n]*/.exec(text.slice(offset, offset + 2000))![0];
}

/** The key written at an offset (`title: …`, `"a b": …`), for messages. */
function keyAt(text: string, offset: number): string | undefined {
  const m = /^("(?:[^"\\\r\n]|\\.)*"|'(?:[^'\r\n]|'')*'|[^\r\n:#]*?)[ \t]*:/.exec(restOfLine(text, offset));
  const key = m?.[1]?.trim();
  return key ? key.slice(0, 80) : undefined;
}

function duplicateMessage(text: string, offset: number): string {
  const key = keyAt(text, offset);
  return `${key ? `the key ${/^["']/.test(key) ? key : `"${key}"`}` : 'this key'} appears twice in the same mapping; keep one of them`;
}

/** The offset of the first character of the next line with content after `offset`, if any. */
function nextContentLine(text: string, offset: number): number | undefined {
  const re = /\r\n|\r|\n/g;
  re.lastIndex = offset;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = m.index + m[0].length;
    const line = restOfLine(text, from);
    const first = line.search(/\S/);
    if (first >= 0 && line[first] !== '#') return from + first;
    if (from >= text.length) return undefined;
  }
  return undefined;
}

/** The offset of the first character that is not a space on the line of `offset`. */
function contentStart(text: string, offset: number): number {
  const start = lineStart(text, offset);
  return start + Math.max(0, restOfLine(text, start).search(/\S/));
}

/** Whether the line with content above the one at `offset` starts, at the same indentation, with "- ". */
function listEntryAbove(text: string, offset: number): boolean {
  const start = lineStart(text, offset);
  const indent = contentStart(text, offset) - start;
  const before = text.slice(Math.max(0, start - 4000), start).split(/\r\n|\r|\n/).reverse();
  for (const line of before) {
    const first = line.search(/\S/);
    if (first < 0 || line[first] === '#') continue;
    return first === indent && /^-(?:\s|$)/.test(line.slice(first));
  }
  return false;
}

/**
 * Plain words for what the `yaml` package reports: what is wrong and how to
 * fix it, at the place to fix (`start`, when it is not where the parser stopped).
 */
function syntaxMessage(text: string, e: YAMLError): { message: string; start?: number } {
  const pos = e.pos[0];
  const detail = firstLine(e.message);
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return { message: duplicateMessage(text, pos) };
    case 'MULTIPLE_DOCS':
      return { message: 'the file holds more than one YAML document (a line with ---); put one document in each file' };
    case 'TAB_AS_INDENT':
      return { message: 'a tab is used for indentation; YAML allows only spaces' };
    case 'MULTILINE_IMPLICIT_KEY':
      return { message: 'the key that starts here runs on to the next line, because this line has no colon; a key and its colon must be on one line: add the colon after the key (title: value), or write the key on one line' };
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // "title: one: two", or a line indented under a key that already has its value
      if (/:(?:\s|$)/.test(restOfLine(text, pos))) return { message: 'the value has a colon and a space in it (": "), which YAML reads as a second key on this line; put the whole value in quotes (title: "one: two")' };
      const next = nextContentLine(text, pos);
      return { message: 'this line is indented more than the line above, which already has its value, so it cannot belong to it; line it up with the keys it belongs with (spaces only)', start: next ?? pos };
    }
    case 'BAD_INDENT':
      if (/^All mapping items must start at the same column/.test(detail)) {
        if (listEntryAbove(text, pos)) return { message: 'this line is in a list but has no dash; start it with "- " like the entries above it', start: contentStart(text, pos) };
        return { message: 'this line is not lined up with the keys above it: the keys of one mapping start in the same column; indent it like the lines it belongs with (spaces only)', start: contentStart(text, pos) };
      }
      break;
    case 'MISSING_CHAR':
      if (/^Implicit map keys need to be followed by map values/.test(detail)) return { message: 'this line has no colon after its key; write the key, a colon and a space, then the value (title: Regional study)', start: contentStart(text, pos) };
      if (/^Sequence item without - indicator/.test(detail)) return { message: 'this line is inside a list but does not start with "- ": start a new entry with "- ", or indent the line like the keys of the entry above it', start: contentStart(text, pos) };
      break;
    case 'UNEXPECTED_TOKEN':
      if (/block-seq-ind on same line with key/.test(detail)) return { message: 'a list entry ("- ") cannot start on the same line as its key; start the list on the next line, indented under the key, or put the value in quotes' };
      break;
  }
  return { message: `the YAML is not well-formed (${detail}); check the indentation and punctuation on this line` };
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

/** What locating did: the mapping entries indexed and the steps walked down paths (the tests count them to hold the locator linear). */
export interface LocateWork {
  steps: number;
}

export function createLocator(text: string, work?: LocateWork): Locator {
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
      if (work) work.steps += map.items.length;
    }
    return index.get(key);
  };
  return {
    locate(path, atKey = false) {
      if (!doc || !doc.contents) return { line: 1, column: 1 };
      let node: Node | null = doc.contents as Node;
      let best = node.range ? node.range[0] : 0;
      if (work) work.steps += path.length;
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
