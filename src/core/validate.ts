/**
 * Validation of a data root from any source (disk, disk with an overlay, git
 * revision): load, schema, cross-file rules, positions. Every command goes
 * through validate.
 */
import { relative, resolve, sep } from 'node:path';
import { summarize, type Diagnostic, type DiagnosticSummary } from './diagnostic.js';
import type { FileCache } from './cache.js';
import { load, type Keep, type LoadedFiles, type LoadOptions, type LoadedRoot, type SourceFile } from './load.js';
import { createLocator } from './parse.js';
import { MAX_DIAGNOSTICS_PER_FILE, type RawDiagnostic } from './raw.js';
import { severityOf } from './codes.js';
import { runRules } from './rules.js';
import { diskSource } from './source/disk.js';
import type { DataSource } from './source/types.js';
import { slashed } from './slashed.js';

export interface CheckOptions {
  /** working directory that diagnostic file names are relative to */
  cwd: string;
  /** YYYY-MM-DD, for the "date in the future" warning */
  today: string;
  /** report only on these files or folders (absolute paths); cross-references still use the whole root */
  only?: readonly string[];
}

export interface ValidateOptions extends CheckOptions, LoadOptions {
  /** files already loaded, by absolute path, to use instead of reading them again (see load) */
  reuse?: ReadonlyMap<string, SourceFile>;
  /** files of another version of the root, by relative path, to take where the text is the same (see load) */
  sameAs?: ReadonlyMap<string, SourceFile>;
  /** per-file results from an earlier run (--cache; see cache.ts); not used with an overlay */
  cache?: FileCache;
  /** what to keep of each file without problems (see Keep in load.ts); default all of it */
  keep?: Keep;
}

/** What validation found, without the data (validate's command needs no more). */
export interface CheckResult extends DiagnosticSummary {
  /** what the cross-file rules found, by file (see runRules), before positions and the config's severities */
  findings: ReadonlyMap<SourceFile, RawDiagnostic[]>;
  /** the data files checked (within `only`), named relative to the working directory (made when first asked for) */
  readonly checkedFiles: string[];
  filesChecked: number;
}

export interface ValidateResult extends CheckResult {
  loaded: LoadedRoot;
}

/** Validates the data of a source. */
export function validate(source: DataSource, options: CheckOptions & Pick<ValidateOptions, 'reuse' | 'sameAs' | 'cache' | 'keep'>): ValidateResult {
  return checkLoaded(load(source, { reuse: options.reuse, sameAs: options.sameAs, cache: options.cache, keep: options.keep }), options);
}

/**
 * What the rules found before a change to some project files that kept their
 * ids: only the changed files are checked again (nothing else a rule says can
 * change; test/core/edit/after-check.test.ts compares with a whole check).
 */
export interface FoundBefore {
  findings: ReadonlyMap<SourceFile, RawDiagnostic[]>;
  /** the changed files, as loaded now; every other file is the very file checked before */
  changed: ReadonlySet<SourceFile>;
}

/** The cross-file rules and positions over files already loaded (each with what reading, parsing and its schema found). */
export function checkLoaded<L extends LoadedFiles>(loaded: L, options: CheckOptions, before?: FoundBefore): CheckResult & { loaded: L } {
  const found = runRules(loaded.files, { today: options.today }, before?.changed);
  if (before) {
    for (const [file, d] of before.findings) if (!found.has(file)) found.set(file, d);
  }
  const only = options.only?.map((p) => resolve(p));
  const inScope = (path: string) => !only || only.some((p) => path === p || path.startsWith(p.endsWith(sep) ? p : p + sep));
  const diagnostics: Diagnostic[] = [];
  let filesChecked = 0;
  // the name each file with diagnostics was given, by its index: the list of checked files uses the same strings
  const shown: (string | undefined)[] = [];
  for (let i = 0; i < loaded.files.length; i++) {
    const file = loaded.files[i]!;
    if (!inScope(file.path)) continue;
    if (file.kind !== 'other') filesChecked++;
    const rules = found.get(file);
    const raw = rules?.length ? [...file.diagnostics, ...rules] : file.diagnostics;
    if (raw.length === 0) continue;
    const located = positionDiagnostics(file, raw, options.cwd);
    shown[i] = located[0]?.file;
    for (const d of located) diagnostics.push(d);
  }
  // the names (and the list of the files) are made only when a format lists every file (junit): 10,000 of them are not free;
  // a file with diagnostics keeps the name they carry, so each name is made once (and a format matching files to their
  // diagnostics compares the same string, not two equal ones)
  let names: string[] | undefined;
  const nameOf = (f: SourceFile, i: number) => shown[i] ?? displayPath(f.path, options.cwd);
  return {
    ...summarize(diagnostics),
    findings: found,
    loaded,
    get checkedFiles() {
      if (names) return names;
      names = [];
      for (let i = 0; i < loaded.files.length; i++) {
        const f = loaded.files[i]!;
        if (f.kind !== 'other' && inScope(f.path)) names.push(nameOf(f, i));
      }
      return names;
    },
    filesChecked,
  };
}

/** Validates a data root on disk (with an overlay when given). */
export function validateRoot(rootDir: string, options: ValidateOptions): ValidateResult {
  // the cache knows the files on disk: text given instead of them (a change being checked) is never looked up in it
  const cache = options.overlay?.size ? undefined : options.cache;
  return validate(rootSource(rootDir, options.cwd, options), { ...options, cache });
}

/** A data root on disk as validateRoot reads it, named in messages as the working directory sees it. */
export function rootSource(rootDir: string, cwd: string, options: LoadOptions = {}): DataSource {
  const shown = displayPath(resolve(rootDir), cwd);
  const label = options.label ?? (shown.startsWith('..') ? resolve(rootDir) : shown);
  return diskSource(rootDir, { label, overlay: options.overlay });
}

/** Checks a data root on disk for its diagnostics only (accsm validate): validateRoot keeping of each file without problems only what the rules read. */
export function checkRoot(rootDir: string, options: ValidateOptions): CheckResult {
  return validateRoot(rootDir, { ...options, keep: 'facts' });
}

const SEP_DOT = `${sep}.`;
const SEP_SEP = sep + sep;

/** Display name of a file: relative to the working directory. */
export function displayPath(path: string, cwd: string): string {
  // fast path for the usual case, a file below the working directory (path.relative costs more, for every file of a large root)
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  if (path.startsWith(prefix) && path.length > prefix.length && !path.includes(SEP_DOT) && !path.includes(SEP_SEP) && !path.endsWith(sep)) return slashed(path.slice(prefix.length));
  return outside(path, cwd);
}

/** The last folder displayPath met outside the working directory, and that folder relative to it. */
let lastFolder = { cwd: '', dir: '', rel: '' };

/**
 * displayPath of a file that is not below the working directory (`--data
 * ../data`): the folder's relative path is worked out once for all its files
 * (path.relative for each file cost about 80 ms at 50,000 files), then the file's name
 * is added. A name that is not a plain one (".", "..", none), and a folder
 * whose relative path climbs only (the file may then be the working
 * directory or above it), go through path.relative whole.
 */
function outside(path: string, cwd: string): string {
  const cut = path.lastIndexOf(sep);
  const name = path.slice(cut + 1);
  if (cut > 0 && name !== '' && name !== '.' && name !== '..') {
    const dir = path.slice(0, cut);
    if (lastFolder.cwd !== cwd || lastFolder.dir !== dir) lastFolder = { cwd, dir, rel: relative(cwd, dir) };
    const { rel } = lastFolder;
    if (rel !== '..' && !rel.endsWith(`${sep}..`)) return rel === '' ? name : `${slashed(rel)}/${name}`;
  }
  const rel = relative(cwd, path);
  return rel === '' ? '.' : slashed(rel);
}

/** Gives each raw diagnostic of a file its line and column, parsing the file for positions only now. */
export function positionDiagnostics(file: SourceFile, all: readonly RawDiagnostic[], cwd: string): Diagnostic[] {
  const name = displayPath(file.path, cwd);
  const raw = all.length > MAX_DIAGNOSTICS_PER_FILE ? all.slice(0, MAX_DIAGNOSTICS_PER_FILE) : all;
  const text = file.text;
  const needsLocator = text !== undefined && raw.some((d) => d.line === undefined);
  const locator = needsLocator ? createLocator(text!) : undefined;
  const more = all.length - raw.length;
  let lines: string[] | undefined;
  const located: Diagnostic[] = raw.map((d) => {
    const pos = d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : (locator?.locate(d.path ?? [], d.atKey) ?? { line: 1, column: 1 });
    const located: Diagnostic = { file: name, line: pos.line, column: pos.column, severity: d.severity, code: d.code, message: d.message };
    // a YAML syntax error is fixed on its line: carry the line, for formats that show it
    if (d.code.startsWith('yaml-') && text !== undefined) {
      lines ??= text.split(/\r\n|\r|\n/);
      const excerpt = lines[pos.line - 1];
      if (excerpt !== undefined) located.excerpt = excerpt;
    }
    return located;
  });
  if (more > 0) {
    located.push({
      file: name,
      line: 1,
      column: 1,
      severity: severityOf('file-too-many-problems'),
      code: 'file-too-many-problems',
      message: `this file has ${all.length} problems; only the first ${MAX_DIAGNOSTICS_PER_FILE} are listed. Fix those and run again`,
    });
  }
  return located;
}
