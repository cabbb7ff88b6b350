import { describe, expect, it } from 'vitest';
import { progressSince } from '../../../src/core/progress.js';
import { resolveAsOf } from '../../../src/core/as-of.js';
import { computeReport, type Report } from '../../../src/core/report.js';
import { buildPaper, chartPng, paperChart, paperDocx, type PaperDoc } from '../../../src/formatters/paper/index.js';
import { tableColumnTwips, typographic } from '../../../src/formatters/paper/docx.js';
import { demoData, docxParagraphs, elements, parseXml, unzip } from './helpers.js';

function demoPaper(chart?: string): { report: Report; doc: PaperDoc } {
  const data = demoData();
  const report: Report = computeReport(data, { asOf: resolveAsOf(data, 'm3') });
  const progress = progressSince(data, report);
  return { report, doc: buildPaper({ report, progress }, chart ? { chart } : {}) };
}

describe('the Word document', () => {
  it('is a zip whose document.xml holds the same headings, paragraphs, lists and tables as the paper', async () => {
    const { doc } = demoPaper();
    const files = unzip(await paperDocx(doc));
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footnotes.xml']));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const tree = parseXml(xml);
    const paragraphs = docxParagraphs(xml);
    // headings, with their heading style
    const styled = elements(tree, 'w:p')
      .map((p) => ({ style: elements(p, 'w:pStyle')[0]?.attrs['w:val'], text: elements(p, 'w:t').map((t) => t.text).join('') }))
      .filter((p) => p.style?.startsWith('Heading'));
    expect(styled).toEqual(
      doc.blocks.filter((b) => b.kind === 'heading').map((b) => ({ style: `Heading${(b as { level: number }).level}`, text: (b as { text: string }).text })),
    );
    // every paragraph and bullet of the model is a paragraph of the document (footnote markers aside)
    for (const b of doc.blocks) {
      if (b.kind === 'paragraph' || b.kind === 'bullets') {
        const items = b.kind === 'paragraph' ? [b.runs] : b.items;
        for (const runs of items) expect(paragraphs).toContain(typographic(runs.map((r) => (typeof r === 'string' ? r : 'text' in r ? r.text : '')).join('')));
      }
    }
    // the headline figures
    expect(paragraphs).toContain(
      'As of 1 June 2022, of the 5 projects/activities under the Demo Work Plan 2021-2025, 1 (20%) has been completed, 1 (20%) is ongoing, 2 (40%) are being planned for implementation and 1 (20%) has been cancelled; 2 (40%) have thus been completed or are being implemented.',
    );
    // tables: as many as in the model, each with the model's rows and cells
    const tables = elements(tree, 'w:tbl');
    const modelTables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(modelTables.length);
    tables.forEach((t, i) => {
      const m = modelTables[i] as Extract<PaperDoc['blocks'][number], { kind: 'table' }>;
      const rows = elements(t, 'w:tr').map((tr) => elements(tr, 'w:tc').map((tc) => elements(tc, 'w:t').map((x) => x.text).join('')));
      expect(rows).toEqual([m.header, ...m.rows.map((r) => r.cells)].map((r) => r.map(typographic)));
      // column widths from the content, fixed, adding up to the text width; header repeated; no row split across pages
      const grid = elements(t, 'w:gridCol').map((g) => Number(g.attrs['w:w']));
      expect(grid).toEqual(tableColumnTwips(m.header, m.rows.map((r) => r.cells), new Set(m.rows.flatMap((r, k) => (r.bold ? [k] : [])))));
      expect(grid.reduce((x, y) => x + y, 0)).toBe(9026);
      expect(elements(t, 'w:tblLayout')[0]?.attrs['w:type']).toBe('fixed');
      expect(elements(elements(t, 'w:tr')[0]!, 'w:tblHeader')).toHaveLength(1);
      for (const tr of elements(t, 'w:tr')) expect(elements(tr, 'w:cantSplit')).toHaveLength(1);
    });
    // the illustrative notes are real footnotes, on the area table's caption and the annex's
    expect(elements(tree, 'w:footnoteReference')).toHaveLength(2);
    const notes = docxParagraphs(files.get('word/footnotes.xml')!.toString('utf8')).join('\n');
    expect(notes).toContain('Illustrative: 1 of the 5 projects/activities counted here is marked illustrative');
    expect(notes).toContain('Illustrative: 1 of the 5 projects/activities listed here is marked illustrative');
  });

  it('is in house style: one font set in the styles, numbered body paragraphs, a header, "Page X of Y", the annex on a new page, typographic quotes', async () => {
    const { doc } = demoPaper();
    const files = unzip(await paperDocx({ ...doc, running: ['DOC/1', 'Third Demo Meeting, 1 June 2022', 'Agenda item 4'] }));
    const styles = files.get('word/styles.xml')!.toString('utf8');
    expect(elements(elements(parseXml(styles), 'w:docDefaults')[0]!, 'w:rFonts')[0]!.attrs['w:ascii']).toBe('Arial');
    const fonts = new Set([...files.values()].flatMap((b) => [...b.toString('utf8').matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1])));
    expect([...fonts]).toEqual(['Arial']);
    const xml = files.get('word/document.xml')!.toString('utf8');
    const tree = parseXml(xml);
    // the body paragraphs share one numbering (the bullets have their own), and the last of them is the recommendation
    const text = (p: ReturnType<typeof parseXml>) => elements(p, 'w:t').map((t) => t.text).join('');
    const listed = elements(tree, 'w:p').filter((p) => elements(p, 'w:numId').length > 0);
    const recommendation = listed.find((p) => text(p) === 'The Meeting is invited to note the progress in the implementation of the Demo Work Plan 2021-2025.')!;
    const numId = elements(recommendation, 'w:numId')[0]!.attrs['w:val'];
    const numbered = listed.filter((p) => elements(p, 'w:numId')[0]!.attrs['w:val'] === numId);
    const modelNumbered = doc.blocks.filter((b) => b.kind === 'paragraph' && b.numbered);
    expect(numbered.map(text)).toEqual(modelNumbered.map((b) => typographic((b as { runs: string[] }).runs.join(''))));
    expect(numbered.at(-1)).toBe(recommendation);
    expect(files.get('word/numbering.xml')!.toString('utf8')).toContain('w:val="%1."');
    const header = [...files.entries()].filter(([k]) => /^word\/header\d*\.xml$/.test(k)).map(([, v]) => docxParagraphs(v.toString('utf8')));
    expect(header).toEqual([['DOC/1', 'Third Demo Meeting, 1 June 2022', 'Agenda item 4']]);
    const footer = [...files.entries()].filter(([k]) => /^word\/footer\d*\.xml$/.test(k)).map(([, v]) => v.toString('utf8'));
    expect(footer).toHaveLength(1);
    expect(footer[0]).toMatch(/Page .*PAGE.* of .*NUMPAGES/s);
    const annex = elements(tree, 'w:p').find((p) => elements(p, 'w:t').map((t) => t.text).join('').startsWith('Annex:'))!;
    expect(elements(annex, 'w:pageBreakBefore')).toHaveLength(1);
    expect(xml).toContain('Alpha &amp; &lt;Beta&gt; \u201cquoted\u201d \u2018too\u2019');
  });

  it('embeds the chart as SVG with a PNG fallback when the paper has a figure', async () => {
    const { report, doc } = demoPaper('chart.svg');
    const svg = paperChart(report);
    const files = unzip(await paperDocx(doc, { chart: { svg, ...(await chartPng(svg)) } }));
    const media = [...files.keys()].filter((k) => k.startsWith('word/media/') && !k.endsWith('/'));
    expect(media.filter((m) => m.endsWith('.svg'))).toHaveLength(1);
    expect(media.filter((m) => m.endsWith('.png'))).toHaveLength(1);
    expect(files.get(media.find((m) => m.endsWith('.svg'))!)!.toString('utf8')).toBe(svg);
    const paragraphs = docxParagraphs(files.get('word/document.xml')!.toString('utf8'));
    expect(paragraphs).toContain('Figure 1: Status of projects/activities by priority area, as of 1 June 2022');
  });

  it('leaves the figure out when no chart is given', async () => {
    const { doc } = demoPaper('chart.svg');
    const files = unzip(await paperDocx(doc));
    expect([...files.keys()].some((k) => k.startsWith('word/media/') && !k.endsWith('/'))).toBe(false);
  });
});
