/** The sentences every diff format shares, so text and markdown say the same thing. */
import type { FieldChange, PlanDiff, ProjectUnreadable, StatusChange } from '../../core/diff.js';
import { headline } from '../../core/report.js';

/** Values longer than this are not shown; the change is named ("note changed"). */
export const LONG_VALUE = 60;

/** A field value in words: lists joined by commas, {start, end} as "start to end", text on one line. */
export function valueWords(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (Array.isArray(value)) return value.length ? value.map(valueWords).join(', ') : 'none';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && 'start' in o && 'end' in o) return `${valueWords(o.start)} to ${valueWords(o.end)}`;
    return keys.map((k) => `${k}: ${valueWords(o[k])}`).join('; ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value).replace(/\s+/g, ' ').trim();
}

/** A value as a field change shows it: text in double quotes, everything else as valueWords. */
function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${valueWords(value)}"` : valueWords(value);
}

/** 'lead ASEC → ASEC, MY', 'title "A" → "B"', 'partners added: JP', 'note changed' (long values are not repeated). */
export function fieldWords(change: FieldChange): string {
  const before = change.before === undefined ? undefined : quoted(change.before);
  const after = change.after === undefined ? undefined : quoted(change.after);
  const long = (before?.length ?? 0) > LONG_VALUE || (after?.length ?? 0) > LONG_VALUE;
  if (before === undefined) return long ? `${change.field} added` : `${change.field} added: ${after}`;
  if (after === undefined) return long ? `${change.field} removed` : `${change.field} removed (was ${before})`;
  return long ? `${change.field} changed` : `${change.field} ${before} → ${after}`;
}

/** "ongoing → completed (2024-08-05, meeting som-23)" and the like, without the project id. */
export function statusChangeWords(change: StatusChange): string {
  const meeting = change.meeting ? `, meeting ${change.meeting}` : '';
  switch (change.kind) {
    case 'added':
      if (change.from === null) return `first status ${change.to} (${change.date}${meeting})`;
      // a new entry that repeats the status is an update, not a transition
      if (change.from === change.to) return `${change.to}, updated ${change.date}${change.meeting ? ` (meeting ${change.meeting})` : ''}`;
      return `${change.from} → ${change.to} (${change.date}${meeting})`;
    case 'removed':
      return `status entry of ${change.date} removed (was ${change.from}${meeting})`;
    case 'changed': {
      const other = (change.fields ?? []).filter((f) => f.field !== 'status').map(fieldWords);
      const status = change.from !== change.to ? [`${change.from} → ${change.to}`] : [];
      return `status entry of ${change.date} changed: ${[...status, ...other].join('; ')}`;
    }
  }
}

/** "not readable (errors) in the head version; was ongoing since 2022-08-03", or the same of the base. */
export function unreadableWords(p: ProjectUnreadable): string {
  return p.side === 'head' ? `not readable (errors) in the head version; was ${p.status} since ${p.since}` : `not readable (errors) in the base version; now ${p.status} since ${p.since}`;
}

/**
 * "11 of 31 → 12 of 31 completed or ongoing (35% → 39%)", or the one headline
 * when it did not change, or the headline of a plan that was added or removed.
 */
export function headlineChangeWords(h: PlanDiff['headline']): string {
  const { before, after } = h;
  if (before && after) {
    if (before.implemented === after.implemented && before.total === after.total) return `${headline(after)}, unchanged`;
    return `${before.implemented} of ${before.total} → ${after.implemented} of ${after.total} completed or ongoing (${before.implementedPercent}% → ${after.implementedPercent}%)`;
  }
  if (after) return `new plan: ${headline(after)}`;
  if (before) return `plan removed (was ${headline(before)})`;
  return 'no projects';
}

/** Whether a plan's headline is worth a line: it has projects on one side or the other. */
export function hasHeadline(plan: PlanDiff): boolean {
  return (plan.headline.before?.total ?? 0) > 0 || (plan.headline.after?.total ?? 0) > 0;
}

/** "3 errors" / "1 error" */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
