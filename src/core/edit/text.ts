/** Small helpers for editing text by offsets: line ends, columns, byte-order marks. */

/** The file's line ending: CRLF when its first line ends that way, else LF. */
export function eolOf(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset of the first character of the line that holds `pos`. */
export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** 0-based column of `pos`. */
export function columnOf(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/** Offset just after the line break that ends the line holding `pos`, or the text's length on the last line. */
export function nextLineStart(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

/** The text of the line starting at `start`, without its line break. */
export function lineAt(text: string, start: number): string {
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl === -1 ? text.length : nl).replace(/\r$/, '');
}

export const BOM = '\uFEFF';

/** Splits a leading byte-order mark off, so that it can be put back unchanged. */
export function splitBom(text: string): { bom: string; body: string } {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text };
}

/** Text written with LF, converted to the given line ending. */
export function withEol(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}
