/**
 * Values given on the command line, checked as command-line values before
 * any file is written: a bad one is a usage error (exit 2) that names the
 * flag or argument and offers the same "did you mean" as the validator
 * (suggest in suggest.ts). `name` is the flag (`--date`) or the argument
 * (`status`) as the message should name it.
 */
import { COUNTRIES, countryCode } from './countries.js';
import { daysInMonth, isRealDate } from './dates.js';
import { UserError } from './errors.js';
import { suggest } from './suggest.js';
import { BODIES, STATUSES, type Body, type Status } from './types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const didYouMean = (hint: string | undefined) => (hint === undefined ? '' : ` (did you mean "${hint}"?)`);

function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  const exact = allowed.find((a) => a === value) ?? allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase());
  if (exact !== undefined) return exact;
  throw new UserError(`${name} "${value}" is not one of ${allowed.join(', ')}${didYouMean(suggest(value, allowed))}`);
}

/** A status: planned, ongoing, completed, postponed or cancelled (any case). */
export function statusValue(value: string, name: string): Status {
  return oneOf(value, name, STATUSES);
}

/** A body: ACCSM or ACCSM+3 (any case). */
export function bodyValue(value: string, name: string): Body {
  return oneOf(value, name, BODIES);
}

/** A day written YYYY-MM-DD that exists; 2024/02/03 is refused with the spelling that would do. */
export function dateValue(value: string, name: string): string {
  if (isRealDate(value)) return value;
  const exact = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (exact) {
    const year = Number(exact[1]);
    const month = Number(exact[2]);
    const why = month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days` : `there is no month ${exact[2]}`;
    throw new UserError(`${name} ${value} is not a real calendar date: ${why}`);
  }
  const loose = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  const fixed = loose ? `${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}` : undefined;
  throw new UserError(`${name} "${value}" is not a date written YYYY-MM-DD, for example 2024-08-05${fixed !== undefined && isRealDate(fixed) ? ` (did you mean ${fixed}?)` : ''}`);
}

/** Whether an --as-of value is meant as a date (it starts like one) rather than a meeting id. */
export function looksLikeDate(value: string): boolean {
  return /^\d{4}[-/.]\d/.test(value.trim());
}

/** A country code or name ("KH", "kh", "Cambodia"), as its code. */
export function countryValue(value: string, name: string): string {
  const code = countryCode(value);
  if (code !== undefined) return code;
  const near = suggest(value, COUNTRIES.flatMap((c) => [c.code, c.name, ...c.aliases]));
  const nearCode = near === undefined ? undefined : countryCode(near);
  const hint = nearCode === undefined ? '' : ` (did you mean ${nearCode}, ${COUNTRIES.find((c) => c.code === nearCode)!.name}?)`;
  throw new UserError(`${name} "${value}" is not a country code or name${hint}; codes: ${COUNTRIES.map((c) => c.code).join(', ')}`);
}

/** An --as-of or --since value: a date, or a meeting of `meetings`. */
export function dateOrMeetingValue<M extends { id: string }>(value: string, name: string, meetings: readonly M[]): { date: string; meeting?: undefined } | { meeting: M } {
  if (looksLikeDate(value)) return { date: dateValue(value, name) };
  const meeting = meetings.find((m) => m.id === value);
  if (meeting) return { meeting };
  const ids = meetings.map((m) => m.id);
  throw new UserError(`${name} "${value}" is neither a date (YYYY-MM-DD) nor a meeting id${didYouMean(suggest(value, ids))}; meetings: ${ids.join(', ') || 'none'}`);
}

/** A meeting id of meetings.yaml. */
export function meetingValue(value: string, name: string, meetingIds: readonly string[]): string {
  if (meetingIds.includes(value)) return value;
  throw new UserError(`${name} "${value}" is not a meeting in meetings.yaml${didYouMean(suggest(value, meetingIds))}; meetings: ${meetingIds.join(', ') || 'none'}`);
}

/** A plan id (a folder under plans/). */
export function planValue(value: string, name: string, planIds: readonly string[]): string {
  if (planIds.includes(value)) return value;
  throw new UserError(`${name} "${value}" is not a plan of the data root${didYouMean(suggest(value, planIds))}; plans: ${planIds.join(', ') || 'none'}`);
}
