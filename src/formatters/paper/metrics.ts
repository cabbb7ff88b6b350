/**
 * How wide text is in Arial (Helvetica's metrics, which Arial and Liberation
 * Sans share), in em: what the Word paper needs to give each table column
 * room for its longest word. Characters not listed count as a wide letter.
 */
const WIDTHS: Record<string, number> = {};
const set = (chars: string, w: number) => {
  for (const c of chars) WIDTHS[c] = w;
};
set(' !,./:;I[\\]fijlt\u2019\u2018', 0.278);
set('ijl\u2019\u2018', 0.222);
set('()-`r"\u201c\u201d', 0.333);
set('*', 0.389);
set("'", 0.191);
set('^', 0.469);
set('Jcksvxyz', 0.5);
set('$0123456789?L_abdeghnopqu\u2013', 0.556);
set('+<=>~', 0.584);
set('FTZ', 0.611);
set('#&ABEKPSVXY', 0.667);
set('CDHNRUw', 0.722);
set('GOQ', 0.778);
set('Mm', 0.833);
set('%', 0.889);
set('W', 0.944);
set('@\u2014', 1.015);

/** Width of `text` in em; bold text is about a tenth wider. */
export function arialEm(text: string, bold = false): number {
  let w = 0;
  for (const c of text) w += WIDTHS[c] ?? 0.722;
  return bold ? w * 1.1 : w;
}
