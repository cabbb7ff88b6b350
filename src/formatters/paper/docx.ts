/**
 * The paper as a Word document (.docx) in the house style of ASEAN meeting
 * papers: A4, one sans-serif font set in the document's styles, numbered body
 * paragraphs, a running header (document symbol, meeting, agenda item), "Page
 * X of Y" in the footer, tables whose column widths come from their content,
 * header rows that repeat and rows that never split across pages, real
 * footnotes, typographic quotes, and the annex on a new page. The `docx`
 * package is kept out of the bundle and loaded only here, when a .docx is
 * asked for.
 */
import { columnWidths, proportional } from '../shared/widths.js';
import { arialEm } from './metrics.js';
import type { Block, Inline, PaperDoc } from './model.js';
import { flatValue } from '../shared/lines.js';

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
type Child = InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>;

/** The house font (LibreOffice shows it with the metric-compatible Liberation Sans) and sizes in half-points. */
export const FONT = 'Arial';
const BODY = 22;
const SMALL = 18;
/** A4 with 2.54 cm margins: the text is 9026 twips wide. */
const PAGE = { width: 11906, height: 16838, margin: 1440 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** twips per em of the tables' 9-point text, and a margin of error for the metrics and the renderer's rounding */
const EM_TWIPS = 180;
const SAFETY = 1.08;
/** a cell's left and right margins together */
const CELL_PAD = 2 * 85;
const NUMBERING = 'paper-paragraphs';

/** Straight quotes and apostrophes become typographic ones: it's → it’s, "x" → “x”, 'x' → ‘x’. */
export function typographic(text: string): string {
  return text
    .replace(/(^|[\s([{\u2014-])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(^|[\s([{\u2014-])'/g, '$1\u2018')
    .replace(/'/g, '\u2019');
}

function runs(d: Docx, inlines: readonly Inline[], footnoteNumber: ReadonlyMap<string, number>, base: { size?: number; italics?: boolean } = {}) {
  const out: (InstanceType<Docx['TextRun']> | InstanceType<Docx['FootnoteReferenceRun']>)[] = [];
  for (const r of inlines) {
    if (typeof r === 'string') out.push(new d.TextRun({ text: typographic(r), ...base }));
    else if ('footnote' in r) {
      const n = footnoteNumber.get(r.footnote);
      if (n !== undefined) out.push(new d.FootnoteReferenceRun(n));
    } else out.push(new d.TextRun({ text: typographic(r.text), bold: r.bold === true, italics: r.italic === true || base.italics === true, ...(base.size ? { size: base.size } : {}) }));
  }
  return out;
}

/** Column widths in twips from the table's content, measured in Arial: no column narrower than its longest word. */
export function tableColumnTwips(header: readonly string[], rows: readonly (readonly string[])[], boldRows: ReadonlySet<number> = new Set()): number[] {
  const budget = (TEXT_WIDTH - header.length * CELL_PAD) / (EM_TWIPS * SAFETY);
  // row 0 is the header, in bold
  const ems = columnWidths([header, ...rows], { budget, measure: (text, row) => arialEm(text, row === 0 || boldRows.has(row - 1)) });
  // the table is as wide as the text: narrower columns than the words need only when the words alone overflow the page
  return proportional(ems.map((w) => w * EM_TWIPS * SAFETY + CELL_PAD), TEXT_WIDTH);
}

function table(d: Docx, b: Extract<Block, { kind: 'table' }>): InstanceType<Docx['Table']> {
  const widths = tableColumnTwips(b.header, b.rows.map((r) => r.cells), new Set(b.rows.flatMap((r, i) => (r.bold ? [i] : []))));
  const cell = (text: string, j: number, bold: boolean, header: boolean) =>
    new d.TableCell({
      width: { size: widths[j]!, type: d.WidthType.DXA },
      margins: { left: CELL_PAD / 2, right: CELL_PAD / 2, top: 30, bottom: 30 },
      verticalAlign: d.VerticalAlign.TOP,
      children: [
        new d.Paragraph({
          alignment: b.align[j] === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          spacing: { before: 0, after: 0, line: 240 },
          // the header row stays with the first row
          keepNext: header,
          children: [new d.TextRun({ text: typographic(text), bold, size: SMALL })],
        }),
      ],
      ...(header ? { shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
    });
  return new d.Table({
    width: { size: widths.reduce((a, w) => a + w, 0), type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    rows: [
      new d.TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h, j) => cell(h, j, true, true)) }),
      ...b.rows.map((r) => new d.TableRow({ cantSplit: true, children: r.cells.map((c, j) => cell(c, j, r.bold === true, false)) })),
    ],
  });
}

function figure(d: Docx, b: Extract<Block, { kind: 'figure' }>, chart: DocxChart, footnoteNumber: ReadonlyMap<string, number>): Child[] {
  // 6.25 inches wide at most (600 px at 96 dpi), keeping the aspect ratio
  const w = 600;
  const h = Math.round((chart.height * w) / chart.width);
  const out: Child[] = [
    new d.Paragraph({
      keepNext: true,
      // single line spacing, so that the line grows to the picture's height
      spacing: { before: 120, after: 60, line: 240, lineRule: d.LineRuleType.AUTO },
      children: [
        new d.ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(chart.svg),
          fallback: { type: 'png', data: chart.png },
          transformation: { width: w, height: h },
          altText: { name: 'chart', title: b.alt, description: b.alt },
        }),
      ],
    }),
    new d.Paragraph({ style: 'Caption', keepNext: b.note !== undefined, children: runs(d, [b.alt], footnoteNumber) }),
  ];
  if (b.note) out.push(new d.Paragraph({ style: 'Note', children: runs(d, [b.note], footnoteNumber) }));
  return out;
}

function header(d: Docx, lines: readonly string[]): InstanceType<Docx['Header']> {
  return new d.Header({
    children: lines.map(
      (l, i) =>
        new d.Paragraph({
          alignment: d.AlignmentType.RIGHT,
          spacing: { before: 0, after: 0 },
          border: i === lines.length - 1 ? { bottom: { style: d.BorderStyle.SINGLE, size: 4, color: '808080', space: 4 } } : {},
          children: [new d.TextRun({ text: typographic(l), size: SMALL, bold: i === 0 && lines.length > 1 })],
        }),
    ),
  });
}

function footer(d: Docx): InstanceType<Docx['Footer']> {
  return new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [
          new d.TextRun({ text: 'Page ', size: SMALL }),
          new d.TextRun({ children: [d.PageNumber.CURRENT], size: SMALL }),
          new d.TextRun({ text: ' of ', size: SMALL }),
          new d.TextRun({ children: [d.PageNumber.TOTAL_PAGES], size: SMALL }),
        ],
      }),
    ],
  });
}

export async function paperDocx(input: PaperDoc, options: DocxOptions = {}): Promise<Uint8Array> {
  // names and titles stay on their line; control characters, which XML does not allow, are shown escaped
  const doc = flatValue(input);
  const d: Docx = await import('docx');
  const footnoteNumber = new Map(doc.footnotes.map((f, i) => [f.id, i + 1]));
  const heading = { 1: d.HeadingLevel.HEADING_1, 2: d.HeadingLevel.HEADING_2, 3: d.HeadingLevel.HEADING_3 } as const;
  const children: Child[] = [];
  doc.blocks.forEach((b, i) => {
    const next = doc.blocks[i + 1];
    switch (b.kind) {
      case 'heading':
        children.push(new d.Paragraph({ heading: heading[b.level], pageBreakBefore: b.newPage === true, children: [new d.TextRun({ text: typographic(b.text) })] }));
        break;
      case 'paragraph':
        children.push(
          new d.Paragraph({
            ...(b.numbered ? { numbering: { reference: NUMBERING, level: 0 } } : {}),
            // a paragraph that introduces a list or a table stays with it
            keepNext: next?.kind === 'bullets' || next?.kind === 'table',
            children: runs(d, b.runs, footnoteNumber),
          }),
        );
        break;
      case 'caption':
        children.push(new d.Paragraph({ style: 'Caption', keepNext: true, children: runs(d, b.runs, footnoteNumber) }));
        break;
      case 'bullets':
        b.items.forEach((item, k) =>
          children.push(new d.Paragraph({ bullet: { level: 0 }, keepNext: k < b.items.length - 1 || next?.kind === 'table', spacing: { after: 60 }, children: runs(d, item, footnoteNumber) })),
        );
        break;
      case 'table':
        children.push(table(d, b), new d.Paragraph({ spacing: { before: 0, after: 0 }, children: [] }));
        break;
      case 'figure':
        if (options.chart) children.push(...figure(d, b, options.chart, footnoteNumber));
        break;
    }
  });
  const heading1 = { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { alignment: d.AlignmentType.CENTER, spacing: { before: 0, after: 120 }, keepNext: true } };
  const document = new d.Document({
    title: typographic(doc.title),
    creator: 'accsm',
    description: 'Meeting paper written by accsm paper',
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY }, paragraph: { spacing: { after: 120, line: 264, lineRule: d.LineRuleType.AUTO } } },
        heading1,
        heading2: { run: { font: FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true } },
        heading3: { run: { font: FONT, size: BODY, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 180, after: 80 }, keepNext: true, keepLines: true } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 20, bold: true }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: SMALL, italics: true }, paragraph: { spacing: { before: 60, after: 120 } } },
        { id: 'FootnoteText', name: 'footnote text', basedOn: 'Normal', run: { font: FONT, size: SMALL }, paragraph: { spacing: { after: 0, line: 240 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [{ level: 0, format: d.LevelFormat.DECIMAL, text: '%1.', alignment: d.AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 567 } } } }],
        },
      ],
    },
    footnotes: Object.fromEntries(
      doc.footnotes.map((f, i) => [String(i + 1), { children: [new d.Paragraph({ style: 'FootnoteText', children: [new d.TextRun({ text: typographic(f.text), size: SMALL })] })] }]),
    ),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 708, footer: 708 } } },
        headers: { default: header(d, doc.running) },
        footers: { default: footer(d) },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(document));
}
