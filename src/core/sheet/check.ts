/**
 * Checking the rows of returned sheets against the data: the plan and the id
 * exist, the status is one of the five, the date is real and after the
 * project's last entry, the meeting exists. Every problem is a diagnostic at
 * its cell; the rows that pass become status entries to record.
 */
import type { Diagnostic } from '../diagnostic.js';
import { statusFromWord } from '../status-words.js';
import { STATUSES, type DataSet, type StatusEntry } from '../types.js';
import { cellText, readDate } from './cells.js';
import { atCell, atFile, quoteSheet } from './diagnose.js';
import { cellAddress } from './layout.js';
import type { ReturnedCell, ReturnedSheet } from './read.js';

export interface StatusUpdate {
  plan: string;
  project: string;
  /** absolute path of the project file */
  file: string;
  entry: StatusEntry;
  /** where it came from, "VN.xlsx!Projects!J5" */
  from: string;
}

export interface CheckOptions {
  /** --meeting: overrides the meetings the sheets were made for */
  meeting?: string;
  /** YYYY-MM-DD */
  today: string;
}

export interface CheckResult {
  updates: StatusUpdate[];
  diagnostics: Diagnostic[];
}

export function checkReturned(data: DataSet, sheets: readonly ReturnedSheet[], options: CheckOptions): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const updates: StatusUpdate[] = [];
  const meetings = new Map(data.meetings.map((m) => [m.id, m]));
  const seen = new Map<string, string>();
  for (const s of sheets) {
    const at = (c: ReturnedCell, code: string, message: string) => diagnostics.push(atCell(s.file, s.sheet, c.row, c.column, code, message));
    const record = data.plans.find((p) => p.plan.id === s.plan);
    if (!record) {
      diagnostics.push(atFile(s.file, 'sheet-plan-unknown', `the sheet is for plan "${s.plan}", which is not in this data root (plans: ${data.plans.map((p) => p.plan.id).join(', ') || 'none'}); check --data`));
      continue;
    }
    const meetingId = options.meeting ?? s.meeting;
    const meeting = meetingId !== undefined ? meetings.get(meetingId) : undefined;
    if (meetingId !== undefined && !meeting) {
      diagnostics.push(atFile(s.file, 'meeting-unknown', `the meeting "${meetingId}" ${options.meeting ? '(--meeting)' : 'the sheet was made for'} is not in meetings.yaml; add it (accsm meeting add) or choose another with --meeting`));
      continue;
    }
    const byId = new Map(record.projects.map((r) => [r.project.id, r]));
    for (const row of s.rows) {
      const id = cellText(row.id.read);
      const found = byId.get(id) ?? [...byId.values()].find((r) => r.project.id.toLowerCase() === id.toLowerCase());
      let ok = true;
      if (row.hidden) at(row.id, 'sheet-hidden-row', `row ${row.row} is hidden but filled in; it is read like any other row (unhide it to check it)`);
      if (!id) {
        at(row.id, 'sheet-id-unknown', `row ${row.row} is filled in but has no project id; write the id (the sheet as sent has it) or clear the row`);
        continue;
      }
      if (!found) {
        at(row.id, 'sheet-id-unknown', `no project "${id}" in plan ${s.plan}; use an id from the sheet as sent, or clear the row`);
        continue;
      }
      const project = found.project;
      const key = `${s.plan}\u0000${project.id}`;
      const status = row.newStatus ? statusOf(row.newStatus) : undefined;
      if (!row.newStatus) {
        const other = row.newDate ?? row.newNote!;
        at(other, 'sheet-status-missing', `${project.id} has a ${row.newDate ? 'date' : 'note'} but no new status; choose the new status, or clear the row`);
        ok = false;
      } else if (row.newStatus.read.formula && row.newStatus.read.kind === 'empty') {
        at(row.newStatus, 'sheet-formula', `the new status of ${project.id} is a formula with no saved result; type the status itself`);
        ok = false;
      } else if (!status) {
        at(row.newStatus, 'sheet-status-invalid', `"${cellText(row.newStatus.read)}" is not a status; choose one of ${STATUSES.join(', ')}`);
        ok = false;
      }
      let date: string | undefined;
      const last = project.status[project.status.length - 1]!.date;
      if (!row.newDate) {
        if (row.newStatus) at({ ...row.newStatus, column: s.inputColumns.newDate ?? row.newStatus.column }, 'sheet-date-missing', `the new status of ${project.id} has no date; write the date it took effect (after ${last})`);
        ok = false;
      } else if (row.newDate.read.formula && row.newDate.read.kind === 'empty') {
        at(row.newDate, 'sheet-formula', `the date of ${project.id} is a formula with no saved result; type the date itself`);
        ok = false;
      } else {
        const read = readDate(row.newDate.read, s.date1904);
        if (!read.ok) {
          at(row.newDate, 'date-invalid', `the date of ${project.id}: ${read.why}`);
          ok = false;
        } else if (read.date <= last) {
          at(row.newDate, 'date-order', `the date ${read.date} of ${project.id} is not after its last entry (${last}); a new status must be dated after it`);
          ok = false;
        } else {
          date = read.date;
          if (date > options.today) at(row.newDate, 'date-future', `the date ${date} of ${project.id} is in the future (today is ${options.today})`);
          if (meeting && date > (meeting.end ?? meeting.date)) at(row.newDate, 'meeting-date', `the date ${date} of ${project.id} is after the meeting ${meeting.id} (${meeting.end ?? meeting.date}) that is to take note of it`);
        }
      }
      const note = row.newNote ? cellText(row.newNote.read) : undefined;
      const from = `${s.file}!${s.sheet !== undefined ? `${quoteSheet(s.sheet)}!` : ''}${cellAddress(row.row, row.id.column)}`;
      if (seen.has(key)) {
        at(row.id, 'sheet-id-duplicate', `${project.id} is updated twice (also at ${seen.get(key)}); keep one of the two rows`);
        ok = false;
      } else seen.set(key, from);
      if (!ok || !status || !date) continue;
      updates.push({
        plan: s.plan,
        project: project.id,
        file: found.file,
        entry: { date, status, ...(meeting ? { meeting: meeting.id } : {}), ...(note ? { note } : {}) },
        from,
      });
    }
  }
  return { updates, diagnostics };
}

function statusOf(cell: ReturnedCell) {
  return cell.read.kind === 'text' ? statusFromWord(cell.read.text) : undefined;
}
