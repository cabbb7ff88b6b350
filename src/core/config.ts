/**
 * accsm.config.yaml: where the data root is (`data:`) and which rules report at
 * which severity (`rules: {CODE: error | warning | off}`), as ESLint and
 * Spectral allow. The contract is schemas/config.schema.json; docs/config.md.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { summarize, type Diagnostic, type DiagnosticSummary } from './diagnostic.js';
import { createLocator, parseYaml } from './parse.js';
import type { Segment } from './raw.js';
import { RULES } from './rules.js';
import { suggest } from './suggest.js';

export const CONFIG_FILE = 'accsm.config.yaml';
export const RULE_SETTINGS = ['error', 'warning', 'off'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export interface Config {
  /** the data root, absolute (resolved against the config file's folder) */
  data?: string;
  /** rule code → severity in force, for the rules the file names */
  rules: Record<string, RuleSetting>;
}

export interface LoadedConfig {
  /** absolute path of the file */
  path: string;
  config: Config;
  /** problems in the file itself, with 1-based positions; any of them is a usage error (exit 2) */
  diagnostics: Diagnostic[];
}

/** The nearest accsm.config.yaml in `from` or a folder above it. */
export function findConfig(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const path = join(dir, CONFIG_FILE);
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      // none here: go up
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads and checks a config file; `file` in its diagnostics is `shownAs`. */
export function readConfig(path: string, shownAs: string = path): LoadedConfig {
  const config: Config = { rules: {} };
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown';
    diagnostics.push({ file: shownAs, line: 1, column: 1, severity: 'error', code: 'config-unreadable', message: `the config file cannot be read (${code})` });
    return { path, config, diagnostics };
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    for (const d of parsed.diagnostics) diagnostics.push({ file: shownAs, line: d.line ?? 1, column: d.column ?? 1, severity: 'error', code: 'config-syntax', message: d.message });
    return { path, config, diagnostics };
  }
  const locator = createLocator(text);
  const problem = (at: Segment[], message: string, atKey = false) => {
    const pos = locator.locate(at, atKey);
    diagnostics.push({ file: shownAs, line: pos.line, column: pos.column, severity: 'error', code: 'config-invalid', message });
  };
  const doc = parsed.data;
  if (doc === null) return { path, config, diagnostics };
  if (!isMapping(doc)) {
    problem([], 'the config file must be a mapping with the keys data and rules');
    return { path, config, diagnostics };
  }
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'data') {
      if (typeof value !== 'string' || value.trim() === '') problem(['data'], 'data must be the path of the data root, relative to this file (for example data: . or data: accsm-data)');
      else {
        config.data = resolve(dirname(path), value);
        if (!isFolder(config.data)) problem(['data'], `data: ${value} is not a folder (it names ${config.data}); give the data root's path relative to this file`);
      }
    } else if (key === 'rules') {
      if (value === null) continue;
      if (!isMapping(value)) {
        problem(['rules'], 'rules must be a mapping of rule codes to error, warning or off (for example rules: {date-future: off})');
        continue;
      }
      for (const [code, setting] of Object.entries(value)) {
        if (!(code in RULES)) {
          const near = suggest(code, Object.keys(RULES));
          problem(['rules', code], `unknown rule "${code}"${near ? `; did you mean ${near}?` : ''} (docs/rules.md lists the codes)`, true);
        } else if (typeof setting !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
          problem(['rules', code], `${code}: ${JSON.stringify(setting)} is not a severity; use error, warning or off`);
        } else config.rules[code] = setting as RuleSetting;
      }
    } else {
      const near = suggest(key, ['data', 'rules']);
      problem([key], `unknown key "${key}"${near ? `; did you mean ${near}?` : ''}; the config file has the keys data and rules`, true);
    }
  }
  return { path, config, diagnostics };
}

/** The severity of every rule with the config's changes: for --print-config. */
export function rulesInForce(config: Config | undefined): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [code, rule] of Object.entries(RULES)) out[code] = config?.rules[code] ?? rule.severity;
  return out;
}

/** Applies the config's severities: `off` drops a diagnostic, `error`/`warning` changes it; the counts follow. */
export function applyRuleSettings<T extends DiagnosticSummary>(result: T, rules: Readonly<Record<string, RuleSetting>>): T {
  if (Object.keys(rules).length === 0) return result;
  const changed: Diagnostic[] = [];
  for (const d of result.diagnostics) {
    const setting = rules[d.code];
    if (setting === 'off') continue;
    changed.push(setting === undefined || setting === d.severity ? d : { ...d, severity: setting });
  }
  return { ...result, ...summarize(changed) };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
