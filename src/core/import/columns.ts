/**
 * Which column of a tracker holds which field: from --map (a column letter or
 * a header, `--map title=B,lead="Lead country"`), else guessed from the
 * headers people write ("No.", "Project/Activity", "Lead Country", "Status").
 */
import { UserError } from '../errors.js';
import { cellText } from '../sheet/cells.js';
import type { GridRow, GridSheet } from '../sheet/grid.js';
import { columnLetter, foldHeader } from '../sheet/layout.js';

export const IMPORT_FIELDS = ['id', 'title', 'lead', 'partners', 'area', 'status', 'date', 'note', 'start', 'end'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ['title', 'lead', 'area', 'status'];

/** Headers that name a field, compared after foldHeader (case, spaces and punctuation do not matter). */
const HEADER_WORDS: Record<ImportField, readonly string[]> = {
  id: ['id', 'no', 'number', 'nr', 'ref', 'reference', 'code', 'project id', 'project no', 's no', 'sn'],
  title: ['title', 'project', 'activity', 'project activity', 'projects activities', 'project title', 'activity title', 'name', 'project name', 'description', 'projects'],
  lead: ['lead', 'lead country', 'lead countries', 'lead ams', 'lead member state', 'lead member states', 'proponent', 'proponent country', 'country', 'lead by', 'led by'],
  partners: ['partners', 'partner', 'partner countries', 'co lead', 'co leads', 'co proponents', 'supporting countries'],
  area: ['area', 'priority area', 'priority areas', 'pa', 'areas', 'thematic area'],
  status: ['status', 'current status', 'progress', 'implementation status', 'state'],
  date: ['date', 'status date', 'as of', 'as at', 'updated', 'last updated', 'date of status'],
  note: ['note', 'notes', 'remarks', 'remark', 'comments', 'comment', 'update', 'progress update'],
  start: ['start', 'start date', 'schedule start', 'from', 'timeline start'],
  end: ['end', 'end date', 'schedule end', 'to', 'timeline end', 'completion date'],
};

export interface ColumnMap {
  /** 1-based column of each field found */
  columns: Partial<Record<ImportField, number>>;
  /** the header row, or 0 when the tracker has none */
  headerRow: number;
  /** headers that name no field, by column */
  unused: { column: number; header: string }[];
}

/** --map "id=A,title=B" → field → letter or header text. Unknown fields are usage errors. */
export function parseMap(text: string): Map<ImportField, string> {
  const out = new Map<ImportField, string>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z_]+)\s*=\s*(.+)$/i.exec(part);
    if (!m) throw new UserError(`--map "${part}" is not field=COLUMN; write it as --map id=A,title=B,lead=C,area=D,status=E,date=F`);
    const field = m[1]!.toLowerCase().replace(/^areas?$|^priority_areas?$/, 'area') as ImportField;
    if (!IMPORT_FIELDS.includes(field)) throw new UserError(`--map: "${m[1]}" is not a field accsm imports; the fields are ${IMPORT_FIELDS.join(', ')}`);
    out.set(field, m[2]!.trim().replace(/^["']|["']$/g, ''));
  }
  return out;
}

function letterToColumn(letter: string): number | undefined {
  if (!/^[A-Z]{1,3}$/.test(letter)) return undefined;
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function guess(row: GridRow): Map<number, ImportField> {
  const found = new Map<number, ImportField>();
  const taken = new Set<ImportField>();
  for (const [col, cell] of [...row.cells].sort(([a], [b]) => a - b)) {
    const h = foldHeader(cellText(cell));
    const field = IMPORT_FIELDS.find((f) => !taken.has(f) && HEADER_WORDS[f].includes(h));
    if (field) {
      found.set(col, field);
      taken.add(field);
    }
  }
  return found;
}

/**
 * The columns of a tracker: the header row is the first of its first 20 rows
 * that names at least two fields (or holds a header --map names); --map
 * overrides guesses. Columns given by letter need no header row.
 */
export function mapColumns(sheet: GridSheet, given: ReadonlyMap<ImportField, string>): ColumnMap {
  const byName = [...given].filter(([, v]) => letterToColumn(v) === undefined);
  let header: GridRow | undefined;
  for (const row of sheet.rows.slice(0, 20)) {
    const texts = new Set([...row.cells.values()].map((c) => foldHeader(cellText(c))));
    if (guess(row).size >= 2 || (byName.length > 0 && byName.every(([, v]) => texts.has(foldHeader(v))))) {
      header = row;
      break;
    }
  }
  const columns: Partial<Record<ImportField, number>> = {};
  if (header) for (const [col, field] of guess(header)) columns[field] = col;
  for (const [field, spec] of given) {
    const letter = letterToColumn(spec);
    if (letter !== undefined) {
      columns[field] = letter;
      continue;
    }
    const hit = header && [...header.cells].find(([, c]) => foldHeader(cellText(c)) === foldHeader(spec));
    if (!hit) throw new UserError(`--map ${field}=${spec}: no column has the header "${spec}"${header ? `; the headers are ${[...header.cells.values()].map((c) => `"${cellText(c)}"`).join(', ')}` : ''}`);
    columns[field] = hit[0];
  }
  // a column named twice (a guess and a --map): the --map wins, the guess is dropped
  for (const f of IMPORT_FIELDS) {
    const col = columns[f];
    if (col !== undefined && !given.has(f) && [...given.keys()].some((g) => columns[g] === col)) delete columns[f];
  }
  const used = new Set(Object.values(columns));
  const unused = header ? [...header.cells].filter(([c]) => !used.has(c)).map(([column, c]) => ({ column, header: cellText(c) })) : [];
  return { columns, headerRow: header?.number ?? 0, unused };
}

/** "B (Lead Country)" for messages. */
export function describeColumn(map: ColumnMap, sheet: GridSheet, field: ImportField): string {
  const col = map.columns[field];
  if (col === undefined) return field;
  const head = sheet.rows.find((r) => r.number === map.headerRow)?.cells.get(col);
  return head ? `${columnLetter(col)} ("${cellText(head)}")` : columnLetter(col);
}
