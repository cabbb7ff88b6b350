/**
 * The paper as markdown: GFM pipe tables and footnotes, which paste into a
 * meeting paper and convert cleanly with `pandoc paper.md -o paper.docx`.
 */
import type { Block, Inline, PaperDoc } from './model.js';

/**
 * Escapes characters that markdown (GFM or pandoc) would read as markup; at
 * the start of a line, also what would start a heading, list or rule.
 */
export function escapeMarkdown(text: string, lineStart = false): string {
  const escaped = text.replace(/[\\`*_[\]<>|$~^]/g, (c) => `\\${c}`);
  if (!lineStart) return escaped;
  return escaped.replace(/^[#+\-=]/, (m) => `\\${m}`).replace(/^(\d+)([.)])/, '$1\\$2');
}

function inline(runs: readonly Inline[], lineStart = false): string {
  return runs
    .map((r, i) => {
      if (typeof r === 'string') return escapeMarkdown(r, lineStart && i === 0);
      if ('footnote' in r) return `[^${r.footnote}]`;
      let t = escapeMarkdown(r.text);
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
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = block.align.map((a) => (a === 'right' ? '---:' : '---'));
  const rows = block.rows.map((r) => line(r.cells.map((c) => (r.bold ? `**${escapeMarkdown(c)}**` : escapeMarkdown(c)))));
  return [line(block.header.map((h) => escapeMarkdown(h))), line(rule), ...rows].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return inline(b.runs, true);
    case 'bullets':
      return b.items.map((item) => `- ${inline(item)}`).join('\n');
    case 'table':
      return table(b);
    case 'figure':
      return `![${escapeMarkdown(b.alt)}](${destination(b.src)})`;
  }
}

export function paperMarkdown(doc: PaperDoc): string {
  const parts = doc.blocks.map(block);
  for (const f of doc.footnotes) parts.push(`[^${f.id}]: ${escapeMarkdown(f.text)}`);
  return `${parts.join('\n\n')}\n`;
}
