/**
 * Appending an entry to a list in a YAML file by inserting text, so that every
 * byte outside the new lines stays as it was: comments, key order, quoting,
 * blank lines, line ends. The `yaml` Document API finds where the list ends
 * and renders the new entry in the style of the list's last entry; the result
 * is parsed again and must equal the old data plus the new entry.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, parseDocument, type Node, type YAMLSeq } from 'yaml';
import { UserError } from '../errors.js';
import { parseYaml } from '../parse.js';
import type { Segment } from '../raw.js';
import { renderBlockEntry, renderFlowEntry, styleOf, orderKeys, type Entry } from './render.js';
import { columnOf, eolOf, lineAt, lineStart, nextLineStart, splitBom, withEol } from './text.js';

export interface AppendOptions {
  /** the usual order of an entry's keys */
  keyOrder: readonly string[];
  /** how to name the file in messages */
  fileName: string;
}

/** The file's text with `entry` added at the end of the list at `path` ([] for a file that is a list). */
export function appendToList(text: string, path: readonly Segment[], entry: Entry, options: AppendOptions): string {
  const { bom, body } = splitBom(text);
  const doc = parseDocument(body, { version: '1.2', schema: 'core', uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    throw new UserError(`cannot edit ${options.fileName}: it is not well-formed YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first (accsm validate shows where)`, 1);
  }
  const list = path.length === 0 ? doc.contents : doc.getIn(path, true);
  const where = path.length === 0 ? 'the file' : `"${path.join('.')}"`;
  if (!isSeq(list)) throw new UserError(`cannot add an entry to ${options.fileName}: ${where} is not a list; fix it first (accsm validate shows where)`, 1);
  const seq = list as YAMLSeq<Node>;
  const last = seq.items[seq.items.length - 1];
  const sampleKeys = isMap(last) ? last.items.map((p) => String((p.key as { value?: unknown })?.value)) : [];
  const keys = orderKeys(Object.keys(entry).filter((k) => entry[k] !== undefined), options.keyOrder, sampleKeys);
  const eol = eolOf(body);
  // the file's own style first; "double quotes" everywhere when that does not read back the same
  const styled = styleOf(last, body);
  for (const style of [styled, { ...styled, quoteAll: true }]) {
    const edit = seq.flow ? insertIntoFlowList(body, seq, renderFlowEntry(entry, keys, style)) : insertIntoBlockList(body, seq, entry, keys, style);
    const after = body.slice(0, edit.at) + withEol(edit.insert, eol) + body.slice(edit.at);
    if (readsBackAs(body, after, path, entry, options.fileName)) return bom + after;
  }
  throw new Error(`editing ${options.fileName} would change more than the new entry; nothing was written`);
}

interface Insertion {
  at: number;
  insert: string;
}

export function insertIntoBlockList(text: string, seq: YAMLSeq<Node>, entry: Entry, keys: string[], style: ReturnType<typeof styleOf>): Insertion {
  const last = seq.items[seq.items.length - 1];
  if (!last?.range) throw new Error('a block list without entries');
  const [start, end] = last.range;
  // the dash of the last entry, and the column where its content starts
  let i = start - 1;
  while (i >= 0 && text[i] === ' ') i--;
  const dashAt = text[i] === '-' ? i : (seq.range?.[0] ?? start);
  const dashCol = columnOf(text, dashAt);
  const itemCol = text[i] === '-' ? columnOf(text, start) : dashCol + 2;
  // after the last line of the last entry, and after comments indented under it
  let at = end > 0 && text[end - 1] === '\n' ? end : nextLineStart(text, end);
  while (at < text.length) {
    const line = lineAt(text, at);
    const comment = /^( *)#/.exec(line);
    if (!comment || comment[1]!.length <= dashCol) break;
    at = nextLineStart(text, at);
  }
  // a blank line before the new entry when the last entry has one before it
  const dashLine = lineStart(text, dashAt);
  const blankBefore = dashLine > 0 && lineAt(text, lineStart(text, dashLine - 1)).trim() === '';
  const dash = ' '.repeat(dashCol) + '-' + ' '.repeat(Math.max(1, itemCol - dashCol - 1));
  const lines = isMap(last) && last.flow ? [renderFlowEntry(entry, keys, style)] : renderBlockEntry(entry, keys, style, dash.length);
  const block = dash + lines.join('\n');
  const atEnd = at === text.length && !text.endsWith('\n');
  return { at, insert: atEnd ? `\n${blankBefore ? '\n' : ''}${block}` : `${blankBefore ? '\n' : ''}${block}\n` };
}

function insertIntoFlowList(text: string, seq: YAMLSeq<Node>, item: string): Insertion {
  const range = seq.range;
  if (!range) throw new Error('a flow list without a position');
  const close = text.lastIndexOf(']', range[1] - 1);
  const open = range[0];
  const last = seq.items[seq.items.length - 1];
  if (!last?.range) return { at: close, insert: item };
  const lastEnd = last.range[1];
  const prevStart = seq.items.length > 1 ? seq.items[seq.items.length - 2]!.range![0] : open;
  const ownLine = lineStart(text, last.range[0]) !== lineStart(text, prevStart);
  const sep = ownLine ? `\n${' '.repeat(columnOf(text, last.range[0]))}` : ' ';
  const between = text.slice(lastEnd, close);
  const comma = between.indexOf(',');
  if (comma !== -1) return { at: lastEnd + comma + 1, insert: `${sep}${item},` };
  return { at: lastEnd, insert: `,${sep}${item}` };
}

/** Whether the edited text means exactly the old data plus the new entry. */
function readsBackAs(before: string, after: string, path: readonly Segment[], entry: Entry, fileName: string): boolean {
  const old = parseYaml(before);
  const now = parseYaml(after);
  if (!old.ok) throw new UserError(`cannot edit ${fileName}: it is not well-formed YAML; fix it first (accsm validate shows where)`, 1);
  const expected = structuredClone(old.data) as unknown;
  let target: unknown = expected;
  for (const seg of path) target = (target as Record<string, unknown>)[seg as string];
  (target as unknown[]).push(plain(entry));
  return now.ok && isDeepStrictEqual(now.data, expected);
}

function plain(entry: Entry): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}
