/**
 * The checks no schema can express: ids that match file names, references
 * between files, the order and reality of dates. They run on every file whose
 * YAML could be read, valid or not (each check looks only at the parts that
 * have the right shape), and return their findings by file.
 */
import { basename } from 'node:path';
import type { Meeting, Plan, Project } from './types.js';
import type { SourceFile } from './load-file.js';
import { diag, type RawDiagnostic, type Segment } from './raw.js';
import type { RuleCode } from './codes.js';
import { digits, isDateString, isRealDate } from './dates.js';
import { suggest } from './suggest.js';
import { own, ownValue } from './strings.js';

export interface RuleContext {
  /** YYYY-MM-DD */
  today: string;
}

export { RULES, type RuleCode } from './codes.js';

/** A rule's finding at a path of the file's data (its key when atKey). */
const raw = (code: RuleCode, message: string, path: Segment[], atKey = false): RawDiagnostic => diag(code, message, { path, atKey });

function listAllowed(ids: readonly string[], max = 12): string {
  if (ids.length === 0) return 'none are defined';
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

/**
 * The rules' findings, by file (only files with findings, and the plan and
 * meetings files, have an entry); the files themselves are left as they are.
 * With `only`, project files of which only the ones in `only` are checked: the
 * others still count for ids and links (an edit's check after it changed a
 * project file, and not its id; see checkLoaded).
 */
export function runRules(files: readonly SourceFile[], ctx: RuleContext, only?: ReadonlySet<SourceFile>): Map<SourceFile, RawDiagnostic[]> {
  const found = new Map<SourceFile, RawDiagnostic[]>();
  const into = (f: SourceFile) => found.get(f) ?? found.set(f, []).get(f)!;
  const meetingsFile = files.find((f) => f.kind === 'meetings' && Array.isArray(f.data));
  const meetings = meetingsFile ? (meetingsFile.data as unknown[]).filter(isMeetingLike) : [];
  const meetingById = new Map<string, Meeting>();
  if (meetingsFile) checkMeetings(meetingsFile, meetings, meetingById, into(meetingsFile));
  const meetingIds = [...meetingById.keys()];
  const meetingsAreKnown = !!meetingsFile || !files.some((f) => f.kind === 'meetings');

  const plans = new Map<string, PlanInfo>();
  for (const f of files) {
    if (f.kind !== 'plan' || !isRecord(f.data)) continue;
    const plan = sanitizePlan(f.data);
    checkPlan(f, plan, into(f));
    // a plan whose list of areas is broken has a schema error already: its projects' areas are not checked against it
    const areas = f.data.priority_areas;
    const listed = Array.isArray(areas) && areas.length > 0 && areas.every((a) => isRecord(a) && typeof a.id === 'string');
    const areaIds = listed ? [...new Set(plan.priority_areas.map((a) => a.id))] : undefined;
    plans.set(f.planId!, { plan, name: f.planId!, areaIds });
  }

  // project ids are unique across the whole data root, so that `accsm show P01` is never ambiguous
  const seenProjects = new Map<string, SourceFile>();
  // checking a few files (only): the first file of only the ids they have or link to, not a map of every project
  const wanted = only ? idsOf(only) : undefined;
  const scratch: RawDiagnostic[] = [];
  for (const f of files) {
    if (f.kind !== 'project') continue;
    const data = ruleData(f);
    if (!isRecord(data)) continue;
    if (only && !only.has(f)) {
      if (typeof data.id === 'string' && wanted!.has(data.id) && !seenProjects.has(data.id)) seenProjects.set(data.id, f);
      continue;
    }
    // a file's facts (projectFacts) are already in the shape sanitizeProject gives: no copy per file
    const project = f.facts !== undefined ? (data as unknown as Project) : sanitizeProject(data);
    const twin = project.id === undefined ? undefined : seenProjects.get(project.id);
    if (twin) {
      const where = twin.planId === f.planId ? `another file of plan ${f.planId} (${basename(twin.path)})` : `plan ${twin.planId} (${basename(twin.path)})`;
      into(f).push(raw('id-duplicate', `project id "${project.id}" is also used by ${where}; project ids are unique across the data root, so give this one its own id (accsm project add picks a free one)`, ['id']));
    } else if (project.id !== undefined) seenProjects.set(project.id, f);
    // findings go to one scratch list first: most files have none, and get no list of their own
    checkProject(f, project, plans.get(f.planId!), meetingById, meetingsAreKnown ? meetingIds : undefined, ctx, scratch);
    if (scratch.length > 0) {
      into(f).push(...scratch);
      scratch.length = 0;
    }
  }
  checkCarriedFrom(only ? files.filter((f) => only.has(f)) : files, seenProjects, into);
  return found;
}

/** The project ids the files have and the ids their carried_from links name. */
function idsOf(files: ReadonlySet<SourceFile>): Set<string> {
  const ids = new Set<string>();
  for (const f of files) {
    const data = ruleData(f);
    if (f.kind !== 'project' || !isRecord(data)) continue;
    if (typeof data.id === 'string') ids.add(data.id);
    if (isRecord(data.carried_from) && typeof data.carried_from.id === 'string') ids.add(data.carried_from.id);
  }
  return ids;
}

/** A carried_from link names a project of another plan that is in the data root. */
function checkCarriedFrom(files: readonly SourceFile[], byId: ReadonlyMap<string, SourceFile>, into: (f: SourceFile) => RawDiagnostic[]): void {
  for (const f of files) {
    if (f.kind !== 'project') continue;
    const data = ruleData(f);
    if (!isRecord(data) || !isRecord(data.carried_from)) continue;
    const { plan, id } = data.carried_from;
    if (typeof plan !== 'string' || typeof id !== 'string') continue;
    const origin = byId.get(id);
    if (plan === f.planId) into(f).push(raw('carried-from-unknown', `carried_from names plan ${plan}, this project's own plan; it should name the earlier plan the project came from`, ['carried_from', 'plan']));
    else if (!origin || origin.planId !== plan) {
      const hint = origin ? ` (${id} is in plan ${origin.planId})` : '';
      into(f).push(raw('carried-from-unknown', `carried_from names project ${id} of plan ${plan}, which is not in the data root${hint}; correct the link or remove it`, ['carried_from']));
    }
  }
}

function checkMeetings(file: SourceFile, meetings: readonly Meeting[], byId: Map<string, Meeting>, d: RawDiagnostic[]): void {
  (file.data as unknown[]).forEach((m, i) => {
    if (!isMeetingLike(m)) return;
    if (byId.has(m.id)) d.push(raw('id-duplicate', `meeting id "${m.id}" is used twice in meetings.yaml; each meeting needs its own id`, [i, 'id']));
    else byId.set(m.id, m);
    if (isDateString(m.date) && !isRealDate(m.date)) d.push(raw('date-invalid', `date ${m.date} is not a real calendar date`, [i, 'date']));
    if (typeof m.end === 'string' && isDateString(m.end) && isDateString(m.date)) {
      if (!isRealDate(m.end)) d.push(raw('date-invalid', `end ${m.end} is not a real calendar date`, [i, 'end']));
      else if (m.end < m.date) d.push(raw('date-order', `end ${m.end} is before the meeting's date ${m.date}; the last day cannot come before the first`, [i, 'end']));
    }
  });
}

function checkPlan(file: SourceFile, plan: Plan, d: RawDiagnostic[]): void {
  if (plan.id !== undefined && plan.id !== file.expectedId)
    d.push(raw('id-mismatch', `plan id "${plan.id}" does not match its folder name "${file.expectedId}"; rename one so they are equal`, ['id']));
  if (Number.isInteger(plan.period.start) && Number.isInteger(plan.period.end) && plan.period.start > plan.period.end)
    d.push(raw('period-order', `period starts in ${plan.period.start}, after it ends in ${plan.period.end}`, ['period', 'end']));
  const seen = new Set<string>();
  plan.priority_areas.forEach((a, i) => {
    if (seen.has(a.id)) d.push(raw('id-duplicate', `priority area id "${a.id}" is used twice in this plan; each area needs its own id`, ['priority_areas', i, 'id']));
    seen.add(a.id);
  });
}

/** YYYY or YYYY-MM (MONTH_RE) as a month number; a bare year is its first month (start) or last month (end). */
function monthIndex(value: string, edge: 'start' | 'end'): number | undefined {
  const year = Number(value.slice(0, 4));
  const month = value.length === 4 ? (edge === 'start' ? 1 : 12) : (value.charCodeAt(5) - 48) * 10 + value.charCodeAt(6) - 48;
  if (month < 1 || month > 12) return undefined;
  return year * 12 + month - 1;
}

function checkProject(
  file: SourceFile,
  project: Project,
  plan: PlanInfo | undefined,
  meetings: ReadonlyMap<string, Meeting>,
  meetingIds: readonly string[] | undefined,
  ctx: RuleContext,
  d: RawDiagnostic[],
): void {
  if (project.id !== undefined && project.id !== file.expectedId)
    d.push(raw('id-mismatch', `project id "${project.id}" does not match its file name "${file.expectedId}"; rename one so they are equal`, ['id']));
  const areaIds = plan?.areaIds;
  if (plan && areaIds) {
    const areas = project.priority_areas;
    for (let i = 0; i < areas.length; i++) {
      const area = areas[i]!;
      if (area === '' || areaIds.includes(area)) continue;
      const hint = suggest(area, areaIds);
      const known = areaIds.length ? `its areas are ${listAllowed(areaIds)}` : 'it defines none';
      d.push(raw('area-unknown', `priority area "${area}" is not defined in plan ${plan.name}${hint ? ` (did you mean "${hint}"?)` : ''}; ${known}`, ['priority_areas', i]));
    }
  }
  if (project.schedule && typeof project.schedule.start === 'string' && typeof project.schedule.end === 'string' && MONTH_RE.test(project.schedule.start) && MONTH_RE.test(project.schedule.end)) {
    const start = monthIndex(project.schedule.start, 'start');
    const end = monthIndex(project.schedule.end, 'end');
    if (start === undefined) d.push(raw('date-invalid', `schedule start ${project.schedule.start} has a month that does not exist (months are 01 to 12)`, ['schedule', 'start']));
    if (end === undefined) d.push(raw('date-invalid', `schedule end ${project.schedule.end} has a month that does not exist (months are 01 to 12)`, ['schedule', 'end']));
    if (start !== undefined && end !== undefined && start > end)
      d.push(raw('schedule-order', `schedule starts ${project.schedule.start}, after it ends ${project.schedule.end}; the start must not be after the end`, ['schedule', 'end']));
  }
  let previous: string | undefined;
  const status = project.status;
  for (let i = 0; i < status.length; i++) {
    const entry = status[i];
    if (!entry) continue;
    const real = isRealDate(entry.date);
    if (!real && isDateString(entry.date)) d.push(raw('date-invalid', `status date ${entry.date} is not a real calendar date`, ['status', i, 'date']));
    if (real && previous !== undefined && entry.date <= previous)
      d.push(raw('date-order', `status date ${entry.date} is not after the previous entry's date ${previous}; entries must be in date order, each on a later date`, ['status', i, 'date']));
    if (real) {
      if (entry.date > ctx.today) d.push(raw('date-future', `status date ${entry.date} is in the future (today is ${ctx.today})`, ['status', i, 'date']));
      // a real date: its first four characters are digits
      const year = digits(entry.date, 0, 4);
      // after the period, completing, cancelling or closing out ongoing work is normal; only a project still planned is suspicious
      if (plan && year < plan.plan.period.start)
        d.push(raw('date-outside-period', `status date ${entry.date} is before the plan's period ${periodOf(plan)}`, ['status', i, 'date']));
      else if (plan && year > plan.plan.period.end && entry.status === 'planned')
        d.push(raw('date-outside-period', `status "planned" dated ${entry.date}, after the plan's period ${periodOf(plan)} ended; a project of an ended plan is completed, ongoing, postponed or cancelled (or moves to the next plan)`, ['status', i, 'date']));
      previous = previous === undefined || entry.date > previous ? entry.date : previous;
    }
    if (typeof entry.meeting === 'string' && meetingIds !== undefined) {
      const meeting = meetings.get(entry.meeting);
      if (!meeting) {
        const hint = suggest(entry.meeting, meetingIds);
        d.push(raw('meeting-unknown', `meeting "${entry.meeting}" is not in meetings.yaml${hint ? ` (did you mean "${hint}"?)` : ''}; known meetings: ${listAllowed(meetingIds)}`, ['status', i, 'meeting']));
      } else if (real && (meeting.end ?? meeting.date) < entry.date) {
        d.push(raw('meeting-date', `meeting ${meeting.id} ended on ${meeting.end ?? meeting.date}, before this status date ${entry.date}; it cannot have taken note of it`, ['status', i, 'meeting']));
      }
    }
  }
}

const MONTH_RE = /^\d{4}(-\d{2})?$/;

/** A plan's period, for a message. */
const periodOf = (plan: PlanInfo) => `${plan.plan.period.start}-${plan.plan.period.end}`;

/** What the rules know of a plan: the folder name, and the area ids when the plan lists them. */
interface PlanInfo {
  plan: Plan;
  name: string;
  areaIds: string[] | undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isMeetingLike(v: unknown): v is Meeting {
  return isRecord(v) && typeof v.id === 'string' && typeof v.date === 'string';
}


/** The parts of a plan the rules can use, whatever the schema said about the rest. */
function sanitizePlan(d: Record<string, unknown>): Plan {
  const period = isRecord(d.period) ? d.period : {};
  return {
    id: typeof d.id === 'string' ? d.id : (undefined as unknown as string),
    body: 'ACCSM',
    title: '',
    period: { start: period.start as number, end: period.end as number },
    priority_areas: (Array.isArray(d.priority_areas) ? d.priority_areas : []).map((a) => ({ id: isRecord(a) && typeof a.id === 'string' ? a.id : '', title: '' })),
  };
}

/** A schedule year written as a number (start: 2023) as the text the rules read. */
export const yearOrText = (v: unknown): unknown => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v);

/** The parts of a project the rules can use; entries of the wrong shape become undefined and are skipped. */
function sanitizeProject(d: Record<string, unknown>): Project {
  const schedule = isRecord(d.schedule) ? ({ start: yearOrText(d.schedule.start), end: yearOrText(d.schedule.end) } as { start: string; end: string }) : undefined;
  return {
    id: typeof d.id === 'string' ? d.id : (undefined as unknown as string),
    title: '',
    priority_areas: Array.isArray(d.priority_areas) ? (d.priority_areas as unknown[]).map((a) => (typeof a === 'string' ? a : '')) : [],
    // no rule reads the lead countries
    lead: [],
    schedule,
    status: (Array.isArray(d.status) ? d.status : []).map((e) =>
      isRecord(e) && typeof e.date === 'string' ? ({ date: e.date, status: e.status, meeting: e.meeting } as Project['status'][number]) : (undefined as unknown as Project['status'][number]),
    ),
  };
}

/**
 * The parts of a project's data the rules above read: its id, areas,
 * schedule, status dates, words and meetings, and carried_from; what a file
 * loaded on demand keeps (load.ts). The rules find the same things in these
 * facts as in the whole data (test/core/check-facts.test.ts).
 */
export function projectFacts(d: Record<string, unknown>, once: (s: unknown) => unknown = ownValue, expectedId?: string): Record<string, unknown> {
  const schedule = d.schedule;
  const from = d.carried_from;
  // every key in one literal, absent ones undefined (as the rules read them): one shape for all the facts of a root
  return {
    // the id is the file's name, as a rule wants: one string for both
    id: typeof d.id === 'string' ? (d.id === expectedId ? expectedId : own(d.id)) : d.id,
    priority_areas: Array.isArray(d.priority_areas) ? d.priority_areas.map(once) : undefined,
    schedule: isRecord(schedule) ? { start: once(yearOrText(schedule.start)), end: once(yearOrText(schedule.end)) } : undefined,
    status: Array.isArray(d.status) ? d.status.map((e: unknown) => (isRecord(e) ? { date: once(e.date), status: once(e.status), meeting: once(e.meeting) } : e)) : undefined,
    carried_from: isRecord(from) ? { plan: once(from.plan), id: typeof from.id === 'string' ? own(from.id) : from.id } : undefined,
  };
}

/** What the rules read of a file: its facts when it was loaded on demand (reading `data` would load it again), else its data. */
export const ruleData = (f: SourceFile): unknown => (f.facts !== undefined ? f.facts : f.data);
