import { describe, expect, it } from 'vitest';
import { progressSince } from '../../../src/core/progress.js';
import { resolveAsOf } from '../../../src/core/as-of.js';
import { computeReport, type Report } from '../../../src/core/report.js';
import { buildPaper, chartPng, paperChart, paperDocx, type PaperDoc } from '../../../src/formatters/paper/index.js';
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
        for (const runs of items) expect(paragraphs).toContain(runs.map((r) => (typeof r === 'string' ? r : 'text' in r ? r.text : '')).join(''));
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
      expect(rows).toEqual([m.header, ...m.rows.map((r) => r.cells)]);
    });
    // the footnote on illustrative projects is a real footnote, referenced once
    expect(elements(tree, 'w:footnoteReference')).toHaveLength(1);
    expect(docxParagraphs(files.get('word/footnotes.xml')!.toString('utf8')).join('\n')).toContain('1 of these 5 projects is marked illustrative');
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
