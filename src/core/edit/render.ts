/**
 * New YAML nodes rendered with the `yaml` Document API, in the style of a
 * sample node from the file being edited: quoting, flow or block, padding.
 */
import { Document, Pair, Scalar, YAMLMap, isMap, isScalar, type Node } from 'yaml';

/** One list entry: a flat mapping of keys to texts (a status entry, a meeting). */
export type Entry = Record<string, string>;

/** Scalar types the yaml package knows. */
type ScalarType = NonNullable<Scalar['type']>;

export interface Style {
  /** the type of the sample's scalar for each key */
  types: Record<string, ScalarType | undefined>;
  /** prefer 'single' quotes (true) or "double" (false) when a text needs quoting */
  singleQuote: boolean;
  /** a flow mapping `{ a: 1 }` with spaces inside the braces */
  flowPadding: boolean;
  /** every text in "double quotes": the fallback that always reads back the same */
  quoteAll?: boolean;
}

const DEFAULT_STYLE: Style = { types: {}, singleQuote: true, flowPadding: false };

/** The style of an existing mapping (the last entry of a list, usually). */
export function styleOf(sample: Node | null | undefined, source: string): Style {
  if (!isMap(sample)) return DEFAULT_STYLE;
  const types: Style['types'] = {};
  let single = 0;
  let double = 0;
  for (const pair of sample.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const type = pair.value.type;
    types[String(pair.key.value)] = type;
    if (type === 'QUOTE_SINGLE') single++;
    if (type === 'QUOTE_DOUBLE') double++;
  }
  const range = sample.range;
  const flowPadding = sample.flow === true && range != null && /^\{[ \t]/.test(source.slice(range[0], range[1]));
  return { types, singleQuote: double > single ? false : true, flowPadding };
}

/** Keys in the order to write them: the known order, unless the sample keeps its own order. */
export function orderKeys(keys: readonly string[], known: readonly string[], sampleKeys: readonly string[] = []): string[] {
  const rank = (k: string) => (known.includes(k) ? known.indexOf(k) : known.length);
  const canonical = [...keys].sort((a, b) => rank(a) - rank(b));
  const shared = sampleKeys.filter((k) => keys.includes(k));
  const sampleIsCanonical = shared.every((k, i) => i === 0 || rank(shared[i - 1]!) <= rank(k));
  if (sampleIsCanonical) return canonical;
  return [...shared, ...canonical.filter((k) => !shared.includes(k))];
}

function scalar(value: string, key: string, style: Style, context: 'block' | 'flow', width: number): Scalar {
  const node = new Scalar(value);
  const hint = style.types[key];
  if (style.quoteAll) {
    node.type = 'QUOTE_DOUBLE';
    return node;
  }
  if (context === 'flow') {
    if (value.includes('\n') || value.includes('\r')) node.type = 'QUOTE_DOUBLE';
    else if (hint === 'QUOTE_SINGLE' || hint === 'QUOTE_DOUBLE') node.type = hint;
    else node.type = 'PLAIN';
    return node;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\u2028\u2029]/.test(value)) node.type = 'QUOTE_DOUBLE';
  else if (value.includes('\n') && blockSafe(value)) node.type = 'BLOCK_LITERAL';
  else if (key.length + 2 + value.length > width && blockSafe(value)) node.type = 'BLOCK_FOLDED';
  else if (hint?.startsWith('BLOCK') && !blockSafe(value)) node.type = 'QUOTE_DOUBLE';
  else node.type = hint ?? 'PLAIN';
  return node;
}

/** Whether a block scalar (>- or |-) can hold the text: not empty, no space at either end or around a line break. */
function blockSafe(value: string): boolean {
  return value !== '' && value.trim() === value && !/[ \t]\n|\n[ \t]|\n\n/.test(value);
}

/** A mapping node for an entry, its keys in the given order. */
export function entryNode(entry: Entry, keys: readonly string[], style: Style, context: 'block' | 'flow', width: number): YAMLMap {
  const map = new YAMLMap();
  for (const key of keys) {
    const value = entry[key];
    if (value !== undefined) map.items.push(new Pair(new Scalar(key), scalar(value, key, style, context, width)));
  }
  return map;
}

export interface RenderOptions {
  lineWidth: number;
  singleQuote: boolean;
  indentSeq?: boolean;
}

/** A node as YAML text with LF line ends and no final line break. */
export function renderNode(node: Node, options: RenderOptions): string {
  const doc = new Document(node);
  const text = doc.toString({ lineWidth: options.lineWidth, minContentWidth: 20, singleQuote: options.singleQuote, indent: 2, indentSeq: options.indentSeq ?? true, flowCollectionPadding: true });
  return text.replace(/\n$/, '');
}

/** An entry as a one-line flow mapping `{a: 1, b: 2}`, padded like the sample. */
export function renderFlowEntry(entry: Entry, keys: readonly string[], style: Style): string {
  const map = entryNode(entry, keys, style, 'flow', Infinity);
  map.flow = true;
  return new Document(map).toString({ lineWidth: 0, singleQuote: style.singleQuote, flowCollectionPadding: style.flowPadding }).replace(/\n$/, '');
}

/** An entry as a block mapping indented by `indent` spaces; the first line has no indentation (it follows "- "). */
export function renderBlockEntry(entry: Entry, keys: readonly string[], style: Style, indent: number, lineWidth = 80): string[] {
  const map = entryNode(entry, keys, style, 'block', Math.max(40, lineWidth - indent));
  const text = renderNode(map, { lineWidth: Math.max(40, lineWidth - indent), singleQuote: style.singleQuote });
  return text.split('\n').map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(indent) + line));
}
