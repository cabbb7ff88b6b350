/**
 * Changing one top-level key of a YAML mapping file by replacing only the
 * lines of that key, so that every other byte (comments, order, quoting, blank
 * lines, line ends) stays as it was. A new key goes before the first key that
 * comes after it in the usual order. The result is parsed again and must equal
 * the old data with just that key changed.
 */
import { isDeepStrictEqual } from 'node:util';
import { isCollection, isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { UserError } from '../errors.js';
import { parseYaml } from '../parse.js';
import { renderNode } from './render.js';
import { eolOf, lineStart, nextLineStart, splitBom, withEol } from './text.js';

/** A value a key can be set to: a text, a year, a list of texts, or a flat mapping. */
export type SetValue = string | number | readonly string[] | Readonly<Record<string, string | number>>;

export interface SetOptions {
  /** the usual order of the file's top-level keys, for placing a new key */
  keyOrder: readonly string[];
  /** how to name the file in messages */
  fileName: string;
}

/** The file's text with top-level `key` set to `value`, or removed when `value` is undefined. */
export function setTopLevel(text: string, key: string, value: SetValue | undefined, options: SetOptions): string {
  const { bom, body } = splitBom(text);
  const doc = parseDocument(body, { version: '1.2', schema: 'core', uniqueKeys: true, strict: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new UserError(`cannot edit ${options.fileName}: it is not a well-formed YAML mapping; fix it first (accsm validate shows where)`, 1);
  }
  const pairs = doc.contents.items as Pair<Node, Node>[];
  const keyOf = (p: Pair<Node, Node>) => (isScalar(p.key) ? String(p.key.value) : '');
  const eol = eolOf(body);
  const at = pairs.findIndex((p) => keyOf(p) === key);
  let after: string;
  if (at !== -1) {
    const pair = pairs[at]!;
    const start = lineStart(body, pair.key!.range![0]);
    const end = pairEnd(body, pair);
    const flow = isFlow(pair.value);
    after = value === undefined ? body.slice(0, start) + body.slice(end) : body.slice(0, start) + withEol(render(key, value, flow, body), eol) + body.slice(end);
  } else {
    if (value === undefined) return text;
    const rank = (k: string) => (options.keyOrder.includes(k) ? options.keyOrder.indexOf(k) : options.keyOrder.length);
    const next = pairs.find((p) => rank(keyOf(p)) > rank(key));
    const insert = withEol(render(key, value, false, body), eol);
    if (next) {
      const start = lineStart(body, next.key!.range![0]);
      // comment lines just above the next key belong to it
      let pos = start;
      while (pos > 0) {
        const prev = lineStart(body, pos - 1);
        if (!/^#/.test(body.slice(prev, pos))) break;
        pos = prev;
      }
      after = body.slice(0, pos) + insert + body.slice(pos);
    } else {
      after = body + (body === '' || body.endsWith('\n') ? '' : eol) + insert;
    }
  }
  const expected = structuredClone(parseBack(body, options.fileName)) as Record<string, unknown>;
  if (value === undefined) delete expected[key];
  else expected[key] = plain(value);
  const now = parseYaml(after);
  if (!now.ok || !isDeepStrictEqual(now.data, expected)) {
    throw new Error(`editing ${options.fileName} would change more than "${key}"; nothing was written`);
  }
  return bom + after;
}

/** Offset just after the last line of a pair's value (its own lines, not comments that follow at column 0). */
function pairEnd(text: string, pair: Pair<Node, Node>): number {
  const value = pair.value;
  const end = value?.range ? value.range[1] : pair.key!.range![1];
  return text[end - 1] === '\n' ? end : nextLineStart(text, end);
}

function isFlow(node: Node | null | undefined): boolean {
  return node != null && 'flow' in node && (node as { flow?: boolean }).flow === true;
}

function plain(value: SetValue): unknown {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return [...value];
  return { ...(value as Record<string, unknown>) };
}

/** `key: value` lines, LF-ended; lists and mappings in flow style when the old value was, else block style indented as the file indents. */
function render(key: string, value: SetValue, flow: boolean, text: string): string {
  const doc = parseDocument('x: 1');
  const node = doc.createNode({ [key]: plain(value) }) as Node;
  if (isMap(node)) {
    const inner = node.items[0]?.value;
    if (flow && isCollection(inner)) inner.flow = true;
  }
  const indentSeq = !/^[^\s#-][^\n]*:[ \t]*\r?\n- /m.test(text);
  return `${renderNode(node, { lineWidth: 80, singleQuote: true, indentSeq })}\n`;
}

function parseBack(text: string, fileName: string): unknown {
  const r = parseYaml(text);
  if (!r.ok) throw new UserError(`cannot edit ${fileName}: it is not well-formed YAML; fix it first (accsm validate shows where)`, 1);
  return r.data;
}
