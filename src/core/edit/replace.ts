/**
 * Replacing the last entry of a block list in a YAML file (accsm status set
 * --amend): the entry's lines are swapped for the new entry rendered in the
 * file's style; every other byte stays as it was. The result is parsed again
 * and must equal the old data with only the last entry replaced.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, parseDocument, type Node, type YAMLSeq } from 'yaml';
import { UserError } from '../errors.js';
import { parseYaml } from '../parse.js';
import type { Segment } from '../raw.js';
import { insertIntoBlockList, type AppendOptions } from './append.js';
import { orderKeys, styleOf, type Entry } from './render.js';
import { eolOf, lineStart, splitBom, withEol } from './text.js';

export function replaceLastInList(text: string, path: readonly Segment[], entry: Entry, options: AppendOptions): string {
  const { bom, body } = splitBom(text);
  const doc = parseDocument(body, { version: '1.2', schema: 'core', uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    throw new UserError(`cannot edit ${options.fileName}: it is not well-formed YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first (accsm validate shows where)`, 1);
  }
  const list = doc.getIn(path, true);
  const where = `"${path.join('.')}"`;
  if (!isSeq(list)) throw new UserError(`cannot amend ${options.fileName}: ${where} is not a list; fix it first (accsm validate shows where)`, 1);
  const seq = list as YAMLSeq<Node>;
  const last = seq.items[seq.items.length - 1];
  if (!last?.range) throw new UserError(`cannot amend ${options.fileName}: ${where} has no entry to replace`, 1);
  if (seq.flow || (isMap(last) && last.flow)) {
    throw new UserError(`cannot amend ${options.fileName}: its ${where} list is written in flow style ([…] or {…}); change the last entry by hand`, 1);
  }
  const sampleKeys = isMap(last) ? last.items.map((p) => String((p.key as { value?: unknown })?.value)) : [];
  const keys = orderKeys(Object.keys(entry).filter((k) => entry[k] !== undefined), options.keyOrder, sampleKeys);
  const eol = eolOf(body);
  // the line of the last entry's dash: the entry is replaced from there to where a new entry would go
  let i = last.range[0] - 1;
  while (i >= 0 && body[i] === ' ') i--;
  const from = lineStart(body, i);
  const styled = styleOf(last, body);
  for (const style of [styled, { ...styled, quoteAll: true }]) {
    const edit = insertIntoBlockList(body, seq, entry, keys, style);
    // the new entry goes where the old one began; the blank line before it, if any, stays
    const block = edit.insert.replace(/^\n+/, '');
    const after = body.slice(0, from) + withEol(block, eol) + body.slice(edit.at);
    if (readsBackAs(body, after, path, entry)) return bom + after;
  }
  throw new Error(`amending ${options.fileName} would change more than its last entry; nothing was written`);
}

/** Whether the edited text means exactly the old data with the last entry of the list replaced by `entry`. */
function readsBackAs(before: string, after: string, path: readonly Segment[], entry: Entry): boolean {
  const old = parseYaml(before);
  const now = parseYaml(after);
  if (!old.ok || !now.ok) return false;
  const expected = structuredClone(old.data) as unknown;
  let target: unknown = expected;
  for (const seg of path) target = (target as Record<string, unknown>)[seg as string];
  const items = target as unknown[];
  items[items.length - 1] = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
  return isDeepStrictEqual(now.data, expected);
}
