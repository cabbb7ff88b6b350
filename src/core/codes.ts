/**
 * Every diagnostic code accsm gives, with its severity and one line of
 * guidance; docs/rules.md repeats the same words (test/docs.test.ts keeps the
 * two in step). A module of its own, so that every stage can make its
 * diagnostics with `diag` (src/core/raw.ts) without importing the rules.
 */
import type { Severity } from './diagnostic.js';

export interface Rule {
  severity: Severity;
  guidance: string;
}

const TABLE = {
  'file-unreadable': { severity: 'error', guidance: 'The file or folder cannot be read (permissions, or not a regular file). Fix its permissions or remove it.' },
  'file-too-large': { severity: 'error', guidance: 'Data files may be at most 1 MB. A larger file is almost always the wrong file; split real data into one file per project.' },
  'file-binary': { severity: 'error', guidance: 'The file contains NUL bytes, so it is not text. Replace it with a YAML text file.' },
  'file-encoding': { severity: 'error', guidance: 'The file is not UTF-8. Save it as UTF-8 in your editor ("Save with encoding").' },
  'file-line-endings': { severity: 'error', guidance: 'The file uses old Mac line endings (a carriage return alone, CR, ends its lines). Save it with LF (Unix) or CRLF (Windows) line endings in your editor.' },
  'file-empty': { severity: 'error', guidance: 'The file has no content. Write the data (see docs/data-format.md) or delete the file.' },
  'file-link-outside': { severity: 'error', guidance: 'A symbolic link points outside the data root; accsm never follows it. Replace the link with the file itself.' },
  'file-link-hard': { severity: 'error', guidance: 'A file has more than one hard link, so it may be a file outside the data root under another name; accsm does not read it. Replace it with a plain copy.' },
  'file-link-broken': { severity: 'error', guidance: 'A symbolic link points to nothing. Remove it or replace it with the file.' },
  'file-too-many-problems': { severity: 'error', guidance: 'A file has more than 200 problems; only the first 200 are listed. It is probably not a data file, or badly broken: fix the first ones and run again.' },
  'file-unexpected': { severity: 'warning', guidance: 'A YAML file is where accsm does not read files; it is ignored. Move it to the right folder.' },
  'plan-missing': { severity: 'error', guidance: 'A folder under plans/ has no plan.yaml. Add one, or remove the folder.' },
  'yaml-syntax': { severity: 'error', guidance: 'The YAML is not well-formed. Check indentation (spaces only), colons after keys, and matching quotes and brackets.' },
  'yaml-duplicate-key': { severity: 'error', guidance: 'The same key appears twice in one mapping. Keep one of them.' },
  'yaml-complex-key': { severity: 'error', guidance: 'The key of a mapping is a list, a mapping, or empty (~, null, or nothing before the colon). Keys in accsm data files are plain words such as id, title or status.' },
  'yaml-empty-entry': { severity: 'error', guidance: 'A list inside another list ends with an empty entry (a dash with nothing after it), so the entries below it could be read into the wrong list. Write the value after the dash, or remove the line.' },
  'yaml-alias': { severity: 'error', guidance: 'The file uses a YAML anchor (&name) or alias (*name). accsm data files do not use them: write each value out in full.' },
  'yaml-too-deep': { severity: 'error', guidance: 'The file nests more than 100 levels deep. Data files need only a few levels.' },
  'schema-type': { severity: 'error', guidance: 'A value has the wrong kind: a list where a text is needed, a text where a list is needed, and so on. The message says which is allowed.' },
  'schema-required': { severity: 'error', guidance: 'A required key is missing. Add it; docs/data-format.md lists the required keys of each file.' },
  'schema-unknown-key': { severity: 'error', guidance: 'A key is not part of the format, usually a typo. Use one of the keys the message lists.' },
  'schema-enum': { severity: 'error', guidance: 'A value is not one of the allowed words (statuses, bodies, country codes). Use one the message lists.' },
  'schema-format': { severity: 'error', guidance: 'A value is not written in the expected form: dates YYYY-MM-DD, schedule YYYY or YYYY-MM, ids in lower case with hyphens.' },
  'schema-empty': { severity: 'error', guidance: 'A list or text is empty where at least one entry or some text is needed.' },
  'schema-too-long': { severity: 'error', guidance: 'An id is longer than 64 characters. Ids are short names such as P07 or som-2024; the title says the rest.' },
  'schema-duplicate': { severity: 'error', guidance: 'A list names the same value twice. List each value once.' },
  'schema-range': { severity: 'error', guidance: 'A number is out of the allowed range (years from 1900 to 2200).' },
  'schema-invalid': { severity: 'error', guidance: 'A value breaks a rule of the schema. The message says which.' },
  'id-mismatch': { severity: 'error', guidance: 'The id inside a file must equal its file name (projects) or folder name (plans). Rename one of them.' },
  'id-duplicate': { severity: 'error', guidance: 'Two meetings, two priority areas of a plan, or two project files anywhere in the data root (in one plan or in two) have the same id. Give each a unique id; accsm project add picks a free one.' },
  'area-unknown': { severity: 'error', guidance: "A project names a priority area that its plan does not define. Use one of the plan's area ids." },
  'meeting-unknown': { severity: 'error', guidance: 'A status entry names a meeting that is not in meetings.yaml. Add the meeting (accsm meeting add) or fix the id.' },
  'date-invalid': { severity: 'error', guidance: 'A date or month does not exist on the calendar (for example 2023-02-29 or month 13).' },
  'date-order': { severity: 'error', guidance: 'Status entries must be in date order, each dated after the one before; a meeting must not end before it starts.' },
  'schedule-order': { severity: 'error', guidance: "A project's schedule starts after it ends. Swap or correct the dates." },
  'period-order': { severity: 'error', guidance: "A plan's period starts after it ends. Correct the years." },
  'date-future': { severity: 'warning', guidance: 'A status is dated in the future. Record a status on or after the day it happens.' },
  'date-outside-period': { severity: 'warning', guidance: "A status is dated before its plan's period began, or a project is recorded as still planned after the period ended. Check the year. A completion, cancellation or other status recorded after the plan ended is normal work and gets no warning." },
  'carried-from-unknown': { severity: 'warning', guidance: "A project's carried_from link names a plan or project that is not in the data root, or its own plan. Correct the link or remove it." },
  'meeting-date': { severity: 'warning', guidance: 'A status entry names a meeting held before the status date; a meeting can only take note of a status it knew.' },
  'sheet-not-ours': { severity: 'error', guidance: 'The file is not a status sheet made by accsm sheet out (or is of an older version). Send the focal point a sheet from accsm sheet out; create projects from a tracker with accsm import.' },
  'sheet-unreadable': { severity: 'error', guidance: 'The file cannot be read as a workbook or CSV. Save it from Excel or LibreOffice as .xlsx (or as CSV, UTF-8).' },
  'sheet-layout': { severity: 'error', guidance: 'A sheet or header row of the status sheet was renamed or removed. Put it back as sent, or make a new sheet with accsm sheet out.' },
  'sheet-plan-unknown': { severity: 'error', guidance: 'The sheet was made for a plan that is not in this data root. Check --data.' },
  'sheet-id-unknown': { severity: 'error', guidance: 'A filled row has no project id, or one that is not in the plan. Use the id the sheet was sent with, or clear the row.' },
  'sheet-id-duplicate': { severity: 'error', guidance: 'The same project is updated in two rows (of one sheet or of two). Keep one of them.' },
  'sheet-status-missing': { severity: 'error', guidance: 'A row has a date or a note but no new status. Choose the status, or clear the row.' },
  'sheet-status-invalid': { severity: 'error', guidance: 'The new status is not one of planned, ongoing, completed, postponed, cancelled. Choose one from the list.' },
  'sheet-date-missing': { severity: 'error', guidance: "A new status has no date. Write the day it took effect, after the project's last entry." },
  'sheet-formula': { severity: 'error', guidance: 'A cell holds a formula with no saved result (the file was not recalculated). Type the value itself, or open and save the file in Excel or LibreOffice.' },
  'sheet-hidden-row': { severity: 'warning', guidance: 'A hidden row is filled in; it is recorded like any other row. Unhide it to check what it says.' },
  'sheet-extra-column': { severity: 'warning', guidance: 'A column that is not part of the sheet holds something; it is not recorded. Put notes in the Note column.' },
  'import-value-missing': { severity: 'error', guidance: 'A row has no value in a column every project needs (title, lead, area, status). Fill it in, or delete the row.' },
  'import-country-unknown': { severity: 'error', guidance: 'A lead or partner is neither a country code nor a country name accsm knows. Write the code (VN) or the name (Viet Nam).' },
  'import-area-unknown': { severity: 'error', guidance: "A priority area matches neither an area id nor an area title of the plan. Use the plan's id or title." },
  'import-status-unknown': { severity: 'error', guidance: 'A status word is not one accsm knows (Completed, On-going, Being planned, Postponed, Cancelled, or the five statuses). Use one of them.' },
  'import-id-invalid': { severity: 'error', guidance: 'A project id has characters an id cannot have. Use letters, digits, hyphens and underscores (P07).' },
  'import-id-duplicate': { severity: 'error', guidance: 'Two rows have the same project id, or an id that the plan already has. Give each project its own id.' },
} as const satisfies Record<string, Rule>;

/** A code of RULES. */
export type RuleCode = keyof typeof TABLE;

export const RULES: Readonly<Record<string, Rule>> = TABLE;

/** The severity a code has; the one place that decides it. */
export function severityOf(code: RuleCode): Severity {
  return TABLE[code].severity;
}
