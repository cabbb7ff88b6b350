/** accsm plan add: a new plan folder with its plan.yaml. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { LoadedRoot } from '../load.js';
import { BODIES } from '../types.js';
import { displayPath } from '../validate.js';
import type { FileChange } from './commit.js';
import { planIds } from './find.js';
import { schemaHeader } from './header.js';
import { renderNewFile, usesIndentedLists } from './new-file.js';

export const PLAN_ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const AREA_ID_RE = /^[a-z0-9][a-z0-9-]*$/;

export interface PlanAddArgs {
  id: string;
  title: string;
  body: string;
  /** FIRST..LAST years, for example 2026..2030 */
  period: string;
  /** `id=Title` each */
  areas: string[];
  goal?: string;
  note?: string;
  source?: string;
  illustrative?: boolean;
}

/** `2026..2030` → {start: 2026, end: 2030}; a usage error for anything else. */
export function parsePeriod(text: string): { start: number; end: number } {
  const m = /^\s*(\d{4})\s*\.\.\s*(\d{4})\s*$/.exec(text);
  if (!m) throw new UserError(`--period "${text}" is not FIRST..LAST; write the plan's first and last years, for example --period 2026..2030`);
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end < start) throw new UserError(`--period "${text}" ends before it starts; write the first year first, for example --period 2026..2030`);
  return { start, end };
}

/** `reform=Public sector reform` → {id, title}; a usage error naming the form otherwise. */
export function parseArea(text: string): { id: string; title: string } {
  const eq = text.indexOf('=');
  const id = eq === -1 ? '' : text.slice(0, eq).trim();
  const title = eq === -1 ? '' : text.slice(eq + 1).trim();
  if (!id || !title) throw new UserError(`--area "${text}" is not ID=TITLE; write each priority area as its id and title, for example --area reform="Public sector reform and modernisation"`);
  if (!AREA_ID_RE.test(id)) throw new UserError(`--area "${text}": the id "${id}" may hold only lower-case letters, digits and hyphens, starting with a letter or digit (for example reform)`);
  return { id, title };
}

export function planPlanAdd(loaded: LoadedRoot, args: PlanAddArgs, cwd: string): { change: FileChange; done: string } {
  if (!PLAN_ID_RE.test(args.id)) {
    throw new UserError(`--id "${args.id}" is not a valid plan id: use lower-case letters, digits and hyphens, starting with a letter or digit (for example accsm-2026-2030)`);
  }
  if (!(BODIES as readonly string[]).includes(args.body)) throw new UserError(`--body "${args.body}" is not one of ${BODIES.join(', ')}`);
  const path = join(loaded.root, 'plans', args.id, 'plan.yaml');
  const ids = planIds(loaded);
  if (ids.some((id) => id.toLowerCase() === args.id.toLowerCase()) || existsSync(path)) {
    throw new UserError(`plan ${args.id} already exists (${displayPath(path, cwd)}); choose another --id. Its plans are ${ids.join(', ')}`);
  }
  if (args.areas.length === 0) throw new UserError('a plan needs at least one priority area: give --area ID=TITLE, once for each');
  const areas = args.areas.map(parseArea);
  const twice = areas.find((a, i) => areas.findIndex((b) => b.id === a.id) !== i);
  if (twice) throw new UserError(`--area "${twice.id}" is given twice; each priority area needs its own id`);
  const data: Record<string, unknown> = { id: args.id, body: args.body, title: args.title, period: parsePeriod(args.period) };
  if (args.goal !== undefined) data.goal = args.goal;
  data.priority_areas = areas;
  if (args.note !== undefined) data.note = args.note;
  if (args.source !== undefined) data.source = args.source;
  if (args.illustrative) data.illustrative = true;
  const header = schemaHeader('plan', path, loaded.root, loaded.files);
  const sample = loaded.files.find((f) => f.kind === 'plan');
  const after = renderNewFile(data, { header, indentSeq: usesIndentedLists(sample?.text) });
  return { change: { path, before: null, after }, done: `created ${displayPath(path, cwd)}; add its projects with: accsm project add --plan ${args.id} …` };
}
