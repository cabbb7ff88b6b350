/**
 * The paper as markdown: pipe tables sized for pandoc (separator dashes in
 * proportion to the widths the content needs) and footnotes, which paste into
 * a meeting paper and convert cleanly with `pandoc paper.md -o paper.docx` or
 * `pandoc -s paper.md -o paper.html` (the front matter gives the page title).
 * Each text is put on one line with its control characters escaped, and its
 * markup escaped, where it is written (mdText; flatText for the footnote ids
 * and the chart's address): a copy of the whole document first cost a large
 * paper a fifth of its time.
 */
import { flatText } from '../shared/lines.js';
import { mdFrontMatter, mdText, mdTextTable } from '../shared/markdown.js';
import type { Block, Inline, PaperDoc } from './model.js';

function inline(runs: readonly Inline[], lineStart = false): string {
  return runs
    .map((r, i) => {
      if (typeof r === 'string') return mdText(r, lineStart && i === 0);
      if ('footnote' in r) return `[^${flatText(r.footnote)}]`;
      let t = mdText(r.text);
      if (r.bold) t = `**${t}**`;
      if (r.italic) t = `*${t}*`;
      return t;
    })
    .join('');
}

function destination(src: string): string {
  return /[\s()<>]/.test(src) ? `<${src.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : src;
}

function table(block: Extract<Block, { kind: 'table' }>): string {
  const columns = block.header.map((title, i) => ({ title, align: block.align[i] }));
  const { rows } = block;
  return mdTextTable(
    columns,
    rows.map((r) => r.cells),
    (i) => rows[i]!.bold === true,
  ).trimEnd();
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${mdText(b.text)}`;
    case 'paragraph':
      return inline(b.runs, true);
    case 'caption':
      return `*${inline(b.runs)}*`;
    case 'bullets':
      return b.items.map((item) => `- ${inline(item)}`).join('\n');
    case 'table':
      return table(b);
    case 'figure':
      return [`![${mdText(b.alt)}](${destination(flatText(b.src))})`, ...(b.note ? [`*${mdText(b.note)}*`] : [])].join('\n\n');
  }
}

export function paperMarkdown(doc: PaperDoc): string {
  const parts = [mdFrontMatter({ pagetitle: doc.title }).trimEnd(), ...doc.blocks.map(block)];
  for (const f of doc.footnotes) parts.push(`[^${flatText(f.id)}]: ${mdText(f.text)}`);
  // the final line break on the last part, not on the whole: one copy of a large paper, not two
  parts[parts.length - 1] += '\n';
  return parts.join('\n\n');
}
