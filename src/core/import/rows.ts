/**
 * The rows of a tracker as new project files: countries by name or code,
 * statuses by the words trackers use, areas by id, title or number, dates in
 * any form a sheet holds them. Every problem is a diagnostic at its cell;
 * blank rows are skipped.
 */
import { countryCode, splitCountries } from '../countries.js';
import type { Diagnostic } from '../diagnostic.js';
import { PROJECT_ID_RE, nextFreeId } from '../edit/ids.js';
import { cellText, readDate, type CellRead } from '../sheet/cells.js';
import { atCell } from '../sheet/diagnose.js';
import type { GridSheet } from '../sheet/grid.js';
import { foldHeader } from '../sheet/layout.js';
import { statusFromWord } from '../status-words.js';
import type { Plan, Status } from '../types.js';
import { REQUIRED_FIELDS, type ColumnMap, type ImportField } from './columns.js';

export interface ImportContext {
  plan: Plan;
  /** ids the plan has already */
  existing: readonly string[];
  /** display name of the tracker file */
  file: string;
  /** its sheet name (undefined for CSV) */
  sheet?: string;
  date1904: boolean;
  /** the date for rows without one (--date, or --meeting's date) */
  defaultDate?: string;
  meeting?: string;
  today: string;
}

export interface ImportedProject {
  id: string;
  /** the project file's data, in the order of the keys in a file */
  data: Record<string, unknown>;
  status: Status;
  /** the tracker row it came from */
  row: number;
}

/** An area by id, by title (case and punctuation aside), or by its number in the plan ("2", "PA 2", "Priority Area 2"). */
export function matchArea(plan: Plan, text: string): string | undefined {
  const t = foldHeader(text);
  const byId = plan.priority_areas.find((a) => a.id === text.trim() || foldHeader(a.id) === t);
  if (byId) return byId.id;
  const byTitle = plan.priority_areas.find((a) => foldHeader(a.title) === t);
  if (byTitle) return byTitle.id;
  const n = /^(?:(?:priority )?area |pa ?)?(\d{1,2})$/.exec(t);
  if (n) return plan.priority_areas[Number(n[1]) - 1]?.id;
  return undefined;
}

function projectId(text: string): string {
  // "1", "01", "1." → P01: trackers number their rows
  const n = /^(\d{1,3})\.?$/.exec(text);
  return n ? `P${n[1]!.padStart(2, '0')}` : text;
}

export function importRows(sheet: GridSheet, map: ColumnMap, ctx: ImportContext): { projects: ImportedProject[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const projects: ImportedProject[] = [];
  const at = (row: number, col: number, code: string, message: string) => diagnostics.push(atCell(ctx.file, ctx.sheet, row, col, code, message));
  const taken = new Map<string, number>(ctx.existing.map((id) => [id.toLowerCase(), 0]));
  const ids = [...ctx.existing];
  const areaList = ctx.plan.priority_areas.map((a) => a.id).join(', ');
  for (const r of sheet.rows) {
    if (r.number <= map.headerRow) continue;
    const cell = (f: ImportField): CellRead | undefined => (map.columns[f] === undefined ? undefined : r.cells.get(map.columns[f]!));
    const text = (f: ImportField) => {
      const c = cell(f);
      return c ? cellText(c) : '';
    };
    const col = (f: ImportField) => map.columns[f] ?? 1;
    if ((Object.keys(map.columns) as ImportField[]).every((f) => text(f) === '')) continue;
    let ok = true;
    for (const f of REQUIRED_FIELDS) {
      if (text(f) === '') {
        at(r.number, col(f), 'import-value-missing', `row ${r.number} has no ${f === 'area' ? 'priority area' : f}; every project needs one`);
        ok = false;
      }
    }
    // id
    let id: string;
    if (text('id') !== '') {
      id = projectId(text('id'));
      if (!PROJECT_ID_RE.test(id)) {
        at(r.number, col('id'), 'import-id-invalid', `"${text('id')}" cannot be a project id (it is also the file name); use letters, digits, hyphens and underscores, such as P07`);
        ok = false;
      } else if (taken.has(id.toLowerCase())) {
        const where = taken.get(id.toLowerCase());
        at(r.number, col('id'), 'import-id-duplicate', where ? `${id} is also the id of row ${where}; give each project its own id` : `plan ${ctx.plan.id} already has a project ${id}; give this one another id, or leave the id column out for the next free ones`);
        ok = false;
      }
    } else id = nextFreeId(ids);
    taken.set(id.toLowerCase(), r.number);
    ids.push(id);
    // countries
    const codes = (f: 'lead' | 'partners'): string[] => {
      const out: string[] = [];
      for (const name of splitCountries(text(f))) {
        const code = countryCode(name);
        if (!code) {
          at(r.number, col(f), 'import-country-unknown', `"${name}" is not a country accsm knows; write its code (such as VN) or its name (such as Viet Nam)`);
          ok = false;
        } else if (!out.includes(code)) out.push(code);
      }
      return out;
    };
    const lead = codes('lead');
    const partners = codes('partners').filter((c) => !lead.includes(c));
    // areas
    const areas: string[] = [];
    for (const part of text('area').split(/\s*[;\n]\s*/).filter(Boolean)) {
      const a = matchArea(ctx.plan, part);
      if (!a) {
        at(r.number, col('area'), 'import-area-unknown', `"${part}" is not a priority area of ${ctx.plan.id}; use an id (${areaList}), a title or the area's number`);
        ok = false;
      } else if (!areas.includes(a)) areas.push(a);
    }
    // status and date
    const status = text('status') ? statusFromWord(text('status')) : undefined;
    if (text('status') && !status) {
      at(r.number, col('status'), 'import-status-unknown', `"${text('status')}" is not a status accsm knows; use Completed, On-going, Being planned, Postponed or Cancelled`);
      ok = false;
    }
    let date = ctx.defaultDate;
    const dateCell = cell('date');
    if (dateCell && cellText(dateCell) !== '') {
      const d = readDate(dateCell, ctx.date1904);
      if (!d.ok) {
        at(r.number, col('date'), 'date-invalid', `the date of row ${r.number}: ${d.why}`);
        ok = false;
      } else date = d.date;
    } else if (!date) {
      at(r.number, col('date'), 'import-value-missing', `row ${r.number} has no status date; fill it in, or give --date (or --meeting) for rows without one`);
      ok = false;
    }
    if (date && date > ctx.today) at(r.number, col('date'), 'date-future', `the date ${date} of row ${r.number} is in the future (today is ${ctx.today})`);
    if (!ok || !status || !date) continue;
    const data: Record<string, unknown> = { id, title: text('title').replace(/\s+/g, ' '), priority_areas: areas, lead };
    if (partners.length) data.partners = partners;
    if (text('start') && text('end')) data.schedule = { start: text('start'), end: text('end') };
    const entry: Record<string, string> = { date, status };
    if (ctx.meeting) entry.meeting = ctx.meeting;
    data.status = [entry];
    if (text('note')) data.note = text('note');
    projects.push({ id, data, status, row: r.number });
  }
  return { projects, diagnostics };
}
