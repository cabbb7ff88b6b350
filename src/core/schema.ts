/**
 * JSON Schema checks with validators compiled from schemas/ at build time
 * (scripts/build.mjs → src/core/generated/), and ajv errors turned into
 * plain-words raw diagnostics that point into the YAML tree.
 */
import { suggest } from './suggest.js';
import type { ErrorObject } from 'ajv';
import validators from './generated/validators.cjs';
import meetingsSchema from '../../schemas/meetings.schema.json' with { type: 'json' };
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import projectSchema from '../../schemas/project.schema.json' with { type: 'json' };
import { MAX_DIAGNOSTICS_PER_FILE, type RawDiagnostic, type Segment } from './raw.js';
import { severityOf } from './codes.js';

export type FileKind = 'meetings' | 'plan' | 'project';

export const SCHEMAS: Record<FileKind, unknown> = { meetings: meetingsSchema, plan: planSchema, project: projectSchema };

export function checkSchema(kind: FileKind, data: unknown): RawDiagnostic[] {
  const validate = validators[kind];
  if (validate(data)) return [];
  return explainErrors(kind, data, validate.errors ?? []);
}

function explainErrors(kind: FileKind, data: unknown, errors: readonly ErrorObject[]): RawDiagnostic[] {
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: RawDiagnostic[] = [];
  for (const error of errors) {
    if (error.keyword !== 'type' && typeErrorPaths.has(error.instancePath)) continue;
    // a file's diagnostics start with these, and only the first MAX_DIAGNOSTICS_PER_FILE are ever listed: the rest are
    // counted ("this file has 100000 problems"), so they are explained without the search for a near word (a file of
    // 100,000 unknown keys spent a second on suggestions no one would see)
    const d = explain(kind, data, error, out.length >= MAX_DIAGNOSTICS_PER_FILE);
    if (d) out.push({ severity: severityOf(d.code), ...d });
  }
  return out;
}

function decodePointer(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, seg) ? (v as Record<string, unknown>)[seg as string] : undefined;
  }
  return v;
}

function schemaAt(kind: FileKind, schemaPath: string): Record<string, unknown> | undefined {
  let s: unknown = SCHEMAS[kind];
  for (const seg of decodePointer(schemaPath.replace(/^#/, ''))) {
    if (s === null || typeof s !== 'object') return undefined;
    s = (s as Record<string, unknown>)[seg as string];
  }
  return s && typeof s === 'object' ? (s as Record<string, unknown>) : undefined;
}

/** The keys a mapping of the schema allows, by its place in the schema: the schemas never change, so each place is looked up once (a file of 50,000 unknown keys asks 50,000 times). */
const ALLOWED = new Map<string, string[]>();
function allowedKeys(kind: FileKind, schemaPath: string): string[] {
  const id = `${kind} ${schemaPath}`;
  let allowed = ALLOWED.get(id);
  if (allowed === undefined) ALLOWED.set(id, (allowed = Object.keys((schemaAt(kind, schemaPath)?.properties as Record<string, unknown>) ?? {})));
  return allowed;
}

/** The name a person would use for the value at path: `status`, `lead`, `period.start`. */
export function fieldName(path: readonly Segment[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return seg;
  }
  return 'the file';
}

/** What one entry of a list is called: `status entry 2`, `priority area 1`, `meeting 3`. */
const ITEM_WORDS: Record<string, string> = { status: 'status entry', priority_areas: 'priority area', lead: 'lead', partners: 'partner', enablers: 'enabler' };

/** The name of one entry of a list, 1-based: `status entry 2`, `priority area 1`, `meeting 3`. */
export function itemName(kind: FileKind, path: readonly Segment[]): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const word = typeof parent === 'string' ? (ITEM_WORDS[parent] ?? `entry of ${parent}`) : kind === 'meetings' && path.length === 1 ? 'meeting' : 'entry';
  return typeof last === 'number' ? `${word} ${last + 1}` : word;
}

export function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  array: 'a list (lines starting with "- ", or [a, b])',
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${show(value)}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value;
}

const PATTERN_HELP: Record<string, string> = {
  '^\\d{4}-\\d{2}-\\d{2}$': 'is not a date written YYYY-MM-DD (for example 2022-08-03)',
  '^[a-z0-9][a-z0-9-]*$': 'is not a valid id: use lower-case letters, digits and hyphens, starting with a letter or digit (for example som-21)',
  '^[A-Za-z0-9][A-Za-z0-9_-]*$': 'is not a valid project id: use letters, digits, hyphens and underscores, starting with a letter or digit (for example P07)',
  '^\\d{4}(-\\d{2})?$': 'is not a year (YYYY) or a month (YYYY-MM), for example 2023 or 2023-06',
};

/** One ajv error in plain words; its severity comes from RULES. */
function explain(kind: FileKind, data: unknown, error: ErrorObject, unlisted = false): Omit<RawDiagnostic, 'severity'> | undefined {
  const path = decodePointer(error.instancePath);
  const value = valueAt(data, path);
  const name = fieldName(path);
  const params = error.params as Record<string, unknown>;
  const base = { path };
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const where = path.length === 0 ? `a ${kind} file` : typeof path[path.length - 1] === 'number' ? itemName(kind, path) : `this ${name}`;
      return { ...base, code: 'schema-required', message: `missing required key "${missing}": ${where} needs "${missing}"`, atKey: false };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(kind, error.schemaPath.replace(/\/additionalProperties$/, ''));
      const hint = unlisted ? undefined : suggest(key, allowed);
      return {
        ...base,
        path: [...path, key],
        atKey: true,
        code: 'schema-unknown-key',
        message:
          unlisted
            ? `unknown key "${key}"`
            : key === ''
              ? `a key without a name (written as ~, null or nothing before the colon); allowed keys here: ${allowed.join(', ')}`
              : `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed keys here: ${allowed.join(', ')}`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' && !unlisted ? suggest(value, allowed) : undefined;
      return {
        ...base,
        code: 'schema-enum',
        message: `${name} ${show(value)} is not one of ${allowed.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      };
    }
    case 'type': {
      const expected = String(params.type);
      const wanted = expected
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      if (path.length === 0) {
        return { ...base, code: 'schema-type', message: `the file must be ${wanted}, but it is ${typeOf(value)}` };
      }
      const what = typeof path[path.length - 1] === 'number' ? itemName(kind, path) : `"${name}"`;
      if (value === null || value === undefined) {
        return { ...base, code: 'schema-type', message: `${what} has no value; it must be ${wanted}` };
      }
      // `start: 2023` is a number to YAML; a year alone must be quoted to be text
      const quote = expected === 'string' && typeof value === 'number' ? `; put it in quotes ("${value}") so that YAML reads it as text` : '';
      return { ...base, code: 'schema-type', message: `${what} must be ${wanted}, but it is ${typeOf(value)}${quote}` };
    }
    case 'pattern': {
      const help = PATTERN_HELP[String(params.pattern)] ?? `does not match the pattern ${String(params.pattern)}`;
      return { ...base, code: 'schema-format', message: `${name} ${show(value)} ${help}` };
    }
    case 'minItems':
      return { ...base, code: 'schema-empty', message: `"${name}" must list at least ${String(params.limit)} ${Number(params.limit) === 1 ? 'entry' : 'entries'}` };
    case 'minLength':
      return { ...base, code: 'schema-empty', message: `"${name}" is empty; write some text or remove the key` };
    case 'maxLength':
      return { ...base, code: 'schema-too-long', message: `${name} is ${typeof value === 'string' ? value.length : '?'} characters long; ids are at most ${String(params.limit)} characters. Use a short id` };
    case 'uniqueItems': {
      // ajv reports the pair as {i, j} in either order: point at the later one
      const first = Math.min(Number(params.i), Number(params.j));
      const second = Math.max(Number(params.i), Number(params.j));
      const item = Array.isArray(value) ? value[second] : undefined;
      return { ...base, path: [...path, second], code: 'schema-duplicate', message: `"${name}" lists ${show(item)} twice (entries ${first + 1} and ${second + 1}); list each once` };
    }
    case 'minimum':
    case 'maximum': {
      const s = schemaAt(kind, error.schemaPath.replace(/\/(minimum|maximum)$/, ''));
      return { ...base, code: 'schema-range', message: `${name} ${show(value)} is out of range; use a year from ${String(s?.minimum)} to ${String(s?.maximum)}` };
    }
    default:
      return { ...base, code: 'schema-invalid', message: `${name} ${show(value)} is not allowed here: ${error.message ?? error.keyword}` };
  }
}
