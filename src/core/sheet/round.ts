/**
 * The status round as data: for one plan and one country, the projects it
 * leads or partners, each with its status as of a date, its last note and the
 * date a new entry must come after. The workbook and CSV writers lay this out;
 * `sheet in` reads it back. Pure.
 */
import { countryName } from '../countries.js';
import { UserError } from '../errors.js';
import { cmp } from '../order.js';
import { entryAsOf } from '../status-on-day.js';
import type { DataSet, Meeting, PlanRecord, Status } from '../types.js';

/** What identifies a returned sheet as one of ours (the hidden `accsm` sheet, or the first lines of a CSV). */
export const ROUND_KIND = 'accsm status round';
export const ROUND_VERSION = 1;

export interface RoundRow {
  id: string;
  title: string;
  /** titles of the project's priority areas */
  areas: string[];
  lead: string[];
  partners: string[];
  role: 'lead' | 'partner';
  /** status in force on the as-of date; undefined when the project had no entry yet */
  status?: Status;
  /** date of that entry */
  since?: string;
  /** the note of the latest entry on or before the as-of date that has one */
  lastNote?: string;
  /** date of the project's last entry of all: a new entry must be dated after it */
  lastEntry: string;
}

export interface RoundSheet {
  plan: { id: string; title: string };
  lead: { code: string; name: string };
  /** YYYY-MM-DD */
  asOf: string;
  /** the meeting the round is for, when given */
  meeting?: Pick<Meeting, 'id' | 'name' | 'date'>;
  /** YYYY-MM-DD the sheet was made */
  created: string;
  rows: RoundRow[];
}

export interface RoundOptions {
  /** plan ids; default: the plans that have projects */
  plans?: readonly string[];
  /** lead codes; default: every code that leads a project of the plan */
  leads?: readonly string[];
  asOf: string;
  meeting?: string;
  today: string;
}

function rowsFor(record: PlanRecord, code: string, asOf: string): RoundRow[] {
  const titles = new Map(record.plan.priority_areas.map((a) => [a.id, a.title]));
  const rows: RoundRow[] = [];
  for (const { project } of record.projects) {
    const role = project.lead.includes(code) ? 'lead' : (project.partners ?? []).includes(code) ? 'partner' : undefined;
    if (!role) continue;
    const entry = entryAsOf(project, asOf);
    const upTo = project.status.filter((e) => e.date <= asOf);
    const noted = [...upTo].reverse().find((e) => e.note !== undefined);
    rows.push({
      id: project.id,
      title: project.title,
      areas: project.priority_areas.map((a) => titles.get(a) ?? a),
      lead: [...project.lead],
      partners: [...(project.partners ?? [])],
      role,
      ...(entry ? { status: entry.status, since: entry.date } : {}),
      ...(noted?.note !== undefined ? { lastNote: noted.note.trim() } : {}),
      lastEntry: project.status[project.status.length - 1]!.date,
    });
  }
  return rows.sort((a, b) => (a.role === b.role ? cmp(a.id, b.id) : a.role === 'lead' ? -1 : 1));
}

/** One sheet per plan and lead country. Unknown plans, codes or meetings are usage errors that list the valid ones. */
export function buildRoundSheets(data: DataSet, options: RoundOptions): RoundSheet[] {
  const known = data.plans.map((p) => p.plan.id);
  for (const id of options.plans ?? []) if (!known.includes(id)) throw new UserError(`unknown plan "${id}"; plans: ${known.join(', ') || 'none'}`);
  const plans = options.plans?.length ? data.plans.filter((p) => options.plans!.includes(p.plan.id)) : data.plans.filter((p) => p.projects.length > 0);
  if (plans.length === 0) throw new UserError('no plan has projects, so there is nothing to send out; add projects first (accsm project add or accsm import)');
  let meeting: RoundSheet['meeting'];
  if (options.meeting !== undefined) {
    const m = data.meetings.find((x) => x.id === options.meeting);
    if (!m) throw new UserError(`unknown meeting "${options.meeting}"; meetings: ${data.meetings.map((x) => x.id).join(', ') || 'none'}`);
    meeting = { id: m.id, name: m.name, date: m.date };
  }
  const sheets: RoundSheet[] = [];
  for (const record of plans) {
    const leads = [...new Set(record.projects.flatMap((r) => r.project.lead))].sort(cmp);
    const involved = new Set([...leads, ...record.projects.flatMap((r) => r.project.partners ?? [])]);
    const wanted = options.leads?.length ? [...new Set(options.leads.map((c) => c.toUpperCase()))] : leads;
    for (const code of wanted) {
      if (!involved.has(code)) {
        if (options.leads?.length && plans.length === 1) throw new UserError(`no project of plan ${record.plan.id} is led or partnered by "${code}"; lead codes in this plan: ${leads.join(', ')}`);
        continue;
      }
      sheets.push({
        plan: { id: record.plan.id, title: record.plan.title },
        lead: { code, name: countryName(code) },
        asOf: options.asOf,
        ...(meeting ? { meeting } : {}),
        created: options.today,
        rows: rowsFor(record, code, options.asOf),
      });
    }
  }
  if (sheets.length === 0) throw new UserError(`no project of the chosen plans is led or partnered by ${options.leads!.join(', ')}`);
  return sheets;
}

/** What a sheet is for, as key/value pairs: the hidden accsm sheet of a workbook, the first lines of a CSV sheet. */
export function roundMeta(sheet: RoundSheet): [string, string][] {
  return [
    ['kind', ROUND_KIND],
    ['version', String(ROUND_VERSION)],
    ['plan', sheet.plan.id],
    ['lead', sheet.lead.code],
    ['as_of', sheet.asOf],
    ['meeting', sheet.meeting?.id ?? ''],
    ['created', sheet.created],
  ];
}

/** The file name of a sheet: <plan>-<CODE>.xlsx */
export function roundFileName(sheet: RoundSheet, ext: 'xlsx' | 'csv'): string {
  return `${sheet.plan.id}-${sheet.lead.code}.${ext}`;
}
