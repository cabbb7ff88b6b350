/**
 * accsm init: a new data root with one example of each kind of file, and a
 * copy of the JSON Schemas in DIR/schemas/ so that the root stands alone
 * (its own git repository, say) and editors still find the schemas.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { SCHEMAS, type FileKind } from '../schema.js';
import { CONFIG_FILE } from '../config.js';
import configSchema from '../../../schemas/config.schema.json' with { type: 'json' };
import { displayPath, validateRoot } from '../validate.js';
import { parseTempName, tempPathFor } from './atomic.js';
import { writeFailureReason } from './fs-errors.js';
import { processAlive, withLock } from './lock.js';

export const EXAMPLE_PLAN = 'example-plan';

/** The files of a new root, by path relative to it ('/'-separated), for a given today (YYYY-MM-DD). */
export function initFiles(today: string): { path: string; text: string }[] {
  const year = Number(today.slice(0, 4));
  const meetings = `# yaml-language-server: $schema=schemas/meetings.schema.json
# The meetings that status entries name (status: … meeting: <id>), oldest first.
# Add one with: accsm meeting add --id som-1 --name "1st Senior Officials Meeting" --date ${today}
- id: example-meeting
  name: Example Senior Officials Meeting
  date: ${today}
  body: ACCSM
  note: An example made by accsm init. Replace it with a real meeting.
  illustrative: true
`;
  const plan = `# yaml-language-server: $schema=../../schemas/plan.schema.json
# One work plan. Its id equals its folder's name (plans/${EXAMPLE_PLAN}/).
id: ${EXAMPLE_PLAN}
body: ACCSM
title: Example Work Plan ${year}-${year + 4}
period:
  start: ${year}
  end: ${year + 4}
goal: An example goal, in the plan's own words.
priority_areas:
  - id: area-one
    title: Example priority area one
  - id: area-two
    title: Example priority area two
note: An example made by accsm init. Replace it with a real plan.
illustrative: true
`;
  const project = `# yaml-language-server: $schema=../../../schemas/project.schema.json
# One project or activity. Its id equals its file's name (P01.yaml).
# Record a new status with: accsm status set P01 ongoing --date YYYY-MM-DD
id: P01
title: Example project
priority_areas:
  - area-one
lead:
  - ASEC
status:
  - date: ${today}
    status: planned
    meeting: example-meeting
note: An example made by accsm init. Replace it with a real project.
illustrative: true
`;
  const config = `# yaml-language-server: $schema=schemas/config.schema.json
# accsm's settings (docs/config.md). Every accsm command run in this folder or
# below it uses the data root named here, with no --data.
data: .
# A rule's severity can be changed: error, warning or off (docs/rules.md lists the codes).
# rules:
#   date-future: off
`;
  const schemas = [...(Object.keys(SCHEMAS) as FileKind[]).map((kind) => ({ path: `schemas/${kind}.schema.json`, text: `${JSON.stringify(SCHEMAS[kind], null, 2)}\n` })), { path: 'schemas/config.schema.json', text: `${JSON.stringify(configSchema, null, 2)}\n` }];
  return [
    { path: CONFIG_FILE, text: config },
    { path: 'meetings.yaml', text: meetings },
    { path: `plans/${EXAMPLE_PLAN}/plan.yaml`, text: plan },
    { path: `plans/${EXAMPLE_PLAN}/projects/P01.yaml`, text: project },
    ...schemas,
  ];
}

/**
 * The files of a data root copied from another one (the data shipped with
 * accsm, for `accsm init --from-shipped`): meetings.yaml, every plan and
 * project file and the README that gives their sources, with each file's
 * `$schema` line pointing at the new root's own schemas/ folder.
 */
export function copiedFiles(from: string, today: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (rel: string) => {
    const abs = join(from, ...rel.split('/').filter(Boolean));
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.(ya?ml|md)$/.test(entry.name)) out.push({ path, text: withSchemaLine(readFileSync(join(abs, entry.name), 'utf8'), path) });
    }
  };
  walk('');
  const schemas = initFiles(today).filter((f) => f.path.startsWith('schemas/') || f.path === CONFIG_FILE);
  return [...out, ...schemas];
}

/** A file's `# yaml-language-server: $schema=…` line, pointed at DIR/schemas/ from the file's place in the root. */
function withSchemaLine(text: string, path: string): string {
  const depth = path.split('/').length - 1;
  return text.replace(/^(# yaml-language-server: \$schema=)\S*\/schemas\/([a-z]+\.schema\.json)/, (_m, prefix: string, file: string) => `${prefix}${'../'.repeat(depth)}schemas/${file}`);
}

export interface InitOptions {
  cwd: string;
  today: string;
  /** the files to write (default: the examples of initFiles) */
  files?: { path: string; text: string }[];
  /** called with the finished temporary folder before it is renamed into place (tests throw here) */
  beforeRename?: (tempDir: string) => void;
  /** how long to wait for another init of the same folder, in milliseconds */
  lockWaitMs?: number;
}

/** What init writes at the top of a root: a folder that holds any of these is refused. */
const TOP_LEVEL = [CONFIG_FILE, 'meetings.yaml', 'plans', 'schemas'];

/**
 * Refuses a target that is not a folder, or a folder that already holds one
 * of the names init writes (so nothing is overwritten). Other files, such as
 * .git/ or a README of a fresh repository, may be there.
 */
export function assertEmptyTarget(dir: string, cwd: string): void {
  const name = displayPath(dir, cwd);
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    return;
  }
  if (!isDir) throw new UserError(`${name} exists and is not a folder; choose a new folder, or one without a data root, for the data root`);
  const taken = readdirSync(dir).filter((entry) => TOP_LEVEL.includes(entry)).sort();
  if (taken.length > 0) {
    const list = taken.length === 1 ? taken[0] : `${taken.slice(0, -1).join(', ')} and ${taken.at(-1)}`;
    throw new UserError(`${name} already holds ${list}; accsm init writes only into a folder that has none of ${TOP_LEVEL.join(', ')}, so that nothing is overwritten`);
  }
}
/**
 * Builds the root in a temporary folder beside DIR, validates it, and renames
 * it into place: DIR is either absent or complete, never half made. A lock
 * beside DIR (`.DIR.accsm.lock`) keeps two inits of one folder apart; the
 * temporary folders of killed runs are removed first.
 */
export function createRoot(target: string, options: InitOptions): string[] {
  const dir = resolve(options.cwd, target);
  assertEmptyTarget(dir, options.cwd);
  try {
    mkdirSync(dirname(dir), { recursive: true });
  } catch (error) {
    throw new UserError(`could not create ${displayPath(dir, options.cwd)} (${writeFailureReason(error)}); nothing was made`);
  }
  const lock = join(dirname(dir), `.${basename(dir)}.accsm.lock`);
  return withLock(lock, () => build(dir, options), { waitMs: options.lockWaitMs, label: displayPath(dir, options.cwd) });
}

function build(dir: string, options: InitOptions): string[] {
  assertEmptyTarget(dir, options.cwd);
  removeStaleFolders(dir);
  const files = options.files ?? initFiles(options.today);
  const temp = tempPathFor(dir);
  try {
    for (const f of files) {
      const path = join(temp, ...f.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.text, { flag: 'wx' });
    }
    const check = validateRoot(temp, { cwd: options.cwd, today: options.today });
    if (check.diagnostics.length > 0) throw new Error(`the new data root does not validate: ${check.diagnostics[0]!.message}`);
    options.beforeRename?.(temp);
    moveInto(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (error instanceof UserError) throw error;
    if ((error as { code?: string }).code) throw new UserError(`could not create ${displayPath(dir, options.cwd)} (${writeFailureReason(error)}); nothing was made`);
    throw error;
  }
  return files.map((f) => join(dir, ...f.path.split('/')));
}

/** Temporary folders `.DIR.<pid>.<random>.tmp` of inits that were killed (their process is gone). */
function removeStaleFolders(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(dir));
  } catch {
    return;
  }
  for (const name of names) {
    const temp = parseTempName(name);
    if (temp?.target === basename(dir) && (temp.pid === process.pid || !processAlive(temp.pid))) rmSync(join(dirname(dir), name), { recursive: true, force: true });
  }
}

/**
 * Renames the finished folder to DIR; an empty DIR is replaced. Into a folder
 * that holds other files (a fresh git repository), the top-level entries are
 * renamed in one by one, and taken out again if one rename fails.
 */
function moveInto(temp: string, dir: string): void {
  try {
    renameSync(temp, dir);
    return;
  } catch (error) {
    if (!existsSync(dir)) throw error;
  }
  if (readdirSync(dir).length === 0) {
    rmdirSync(dir);
    renameSync(temp, dir);
    return;
  }
  // another init may have filled it since the first check: never rename over its files
  assertEmptyTarget(dir, dir);
  const moved: string[] = [];
  try {
    for (const entry of readdirSync(temp)) {
      renameSync(join(temp, entry), join(dir, entry));
      moved.push(entry);
    }
  } catch (error) {
    for (const entry of moved) renameSync(join(dir, entry), join(temp, entry));
    throw error;
  }
  rmdirSync(temp);
}
