/** Small parsers the formatter tests use to read output back: RFC 4180 CSV and GFM pipe tables. */

/** RFC 4180: records end with CRLF (a bare LF is accepted too); quoted fields may hold , " CR LF; "" is a quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
        if (i < text.length && !',\r\n'.includes(text[i]!)) throw new Error(`CSV: character after a closing quote at ${i}`);
      } else {
        field += ch;
        i++;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '') throw new Error(`CSV: quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Splits a table line into cells, honouring \| escapes. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && inner[i + 1] !== undefined) {
      cur += inner[i]! + inner[i + 1]!;
      i++;
    } else if (inner[i] === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += inner[i];
  }
  out.push(cur.trim());
  return out;
}

export interface MdTable {
  header: string[];
  align: string[];
  rows: string[][];
}

/** Every pipe table: a header line, a separator line of ---, then rows until a line that is not a table line. Throws when a table is malformed. */
export function markdownTables(text: string): MdTable[] {
  const lines = text.split('\n');
  const tables: MdTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|')) continue;
    const header = cells(lines[i]!);
    const sep = lines[i + 1] ?? '';
    if (!/^\|(\s*:?-{3,}:?\s*\|)+$/.test(sep)) throw new Error(`markdown: table at line ${i + 1} has no separator line`);
    const align = cells(sep);
    if (align.length !== header.length) throw new Error(`markdown: separator of the table at line ${i + 1} has ${align.length} cells, header ${header.length}`);
    if (i > 0 && lines[i - 1] !== '') throw new Error(`markdown: table at line ${i + 1} does not follow a blank line`);
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) rows.push(cells(lines[j]!));
    tables.push({ header, align, rows });
    i = j;
  }
  return tables;
}
