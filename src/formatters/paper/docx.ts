/**
 * The paper as a Word document (.docx), with the same headings, paragraphs,
 * lists and tables as the markdown, and real footnotes. The `docx` package is
 * kept out of the bundle and loaded only here, when a .docx is asked for.
 */
import type { Block, Inline, PaperDoc } from './model.js';

export interface DocxChart {
  svg: string;
  /** fallback picture for Word versions that cannot show SVG */
  png: Uint8Array;
  width: number;
  height: number;
}

export interface DocxOptions {
  /** embedded where the paper has its figure */
  chart?: DocxChart;
}

type Docx = typeof import('docx');

function runs(d: Docx, inlines: readonly Inline[], footnoteNumber: ReadonlyMap<string, number>): InstanceType<Docx['TextRun']>[] {
  const out: InstanceType<Docx['TextRun']>[] = [];
  for (const r of inlines) {
    if (typeof r === 'string') out.push(new d.TextRun({ text: r }));
    else if ('footnote' in r) {
      const n = footnoteNumber.get(r.footnote);
      if (n !== undefined) out.push(new d.FootnoteReferenceRun(n));
    } else out.push(new d.TextRun({ text: r.text, bold: r.bold === true, italics: r.italic === true }));
  }
  return out;
}

function table(d: Docx, b: Extract<Block, { kind: 'table' }>): InstanceType<Docx['Table']> {
  const cell = (text: string, align: 'left' | 'right', bold: boolean, header: boolean) =>
    new d.TableCell({
      children: [new d.Paragraph({ alignment: align === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: [new d.TextRun({ text, bold })] })],
      ...(header ? { shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
    });
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: [
      new d.TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, b.align[i] ?? 'left', true, true)) }),
      ...b.rows.map((r) => new d.TableRow({ children: r.cells.map((c, i) => cell(c, b.align[i] ?? 'left', r.bold === true, false)) })),
    ],
  });
}

export async function paperDocx(doc: PaperDoc, options: DocxOptions = {}): Promise<Uint8Array> {
  const d: Docx = await import('docx');
  const footnoteNumber = new Map(doc.footnotes.map((f, i) => [f.id, i + 1]));
  const heading = { 1: d.HeadingLevel.HEADING_1, 2: d.HeadingLevel.HEADING_2, 3: d.HeadingLevel.HEADING_3 } as const;
  const children: (InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>)[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        children.push(new d.Paragraph({ heading: heading[b.level], outlineLevel: b.level - 1, children: [new d.TextRun({ text: b.text })] }));
        break;
      case 'paragraph':
        children.push(new d.Paragraph({ children: runs(d, b.runs, footnoteNumber) }));
        break;
      case 'bullets':
        for (const item of b.items) children.push(new d.Paragraph({ bullet: { level: 0 }, children: runs(d, item, footnoteNumber) }));
        break;
      case 'table':
        children.push(table(d, b), new d.Paragraph({ children: [] }));
        break;
      case 'figure':
        if (!options.chart) break;
        {
          const { svg, png, width, height } = options.chart;
          // 6.25 inches wide at most (600 px at 96 dpi), keeping the aspect ratio
          const w = Math.min(600, width);
          const h = Math.round((height * w) / width);
          children.push(
            new d.Paragraph({
              children: [
                new d.ImageRun({
                  type: 'svg',
                  data: new TextEncoder().encode(svg),
                  fallback: { type: 'png', data: png },
                  transformation: { width: w, height: h },
                  altText: { name: 'chart', title: b.alt, description: b.alt },
                }),
              ],
            }),
          );
        }
        children.push(new d.Paragraph({ children: [new d.TextRun({ text: b.alt, italics: true })] }));
        break;
    }
  }
  const document = new d.Document({
    title: doc.title,
    creator: 'accsm',
    description: 'Meeting paper written by accsm paper',
    footnotes: Object.fromEntries(doc.footnotes.map((f, i) => [String(i + 1), { children: [new d.Paragraph({ children: [new d.TextRun({ text: f.text })] })] }])),
    sections: [{ children }],
  });
  return new Uint8Array(await d.Packer.toBuffer(document));
}
