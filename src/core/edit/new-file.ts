/** A whole new YAML file rendered with the `yaml` Document API, checked by parsing it back. */
import { isDeepStrictEqual } from 'node:util';
import { Document, isCollection, isPair, isScalar, visit } from 'yaml';
import { parseYaml } from '../parse.js';

export interface NewFileOptions {
  /** the first line, a `# yaml-language-server: $schema=…` comment, or '' for none */
  header: string;
  /** lists indented under their key (`key:\n  - a`) or not (`key:\n- a`) */
  indentSeq: boolean;
  lineWidth?: number;
}

/** YAML text for `data`: long texts folded (`>-`), texts with line breaks literal (`|-`), texts that need it quoted with ''. */
export function renderNewFile(data: unknown, options: NewFileOptions): string {
  const doc = new Document(data);
  const width = options.lineWidth ?? 80;
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const parent = path[path.length - 1];
      const keyText = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : '';
      const indent = 2 * Math.max(0, path.filter((p) => isCollection(p)).length - 1);
      if (node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
      else if (indent + keyText.length + 4 + node.value.length > width) node.type = 'BLOCK_FOLDED';
    },
  });
  const body = doc.toString({ lineWidth: width, minContentWidth: 20, singleQuote: true, indent: 2, indentSeq: options.indentSeq });
  const text = options.header ? `${options.header}\n${body}` : body;
  const back = parseYaml(text);
  if (!back.ok || !isDeepStrictEqual(back.data, data)) throw new Error('the new file does not read back as the data it was made from; nothing was written');
  return text;
}

/** Whether a file indents lists under their key, judged from its first list; true when it has none. */
export function usesIndentedLists(text: string | undefined): boolean {
  if (text === undefined) return true;
  const m = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n( *)- /m.exec(text);
  return m ? m[2]!.length > m[1]!.length : true;
}
