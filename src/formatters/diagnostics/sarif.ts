/**
 * SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers:
 * one run, the rule table from RULES, one result per diagnostic with a
 * location relative to the repository root (%SRCROOT%: the git top level,
 * else the data root), which code scanning needs. A diagnostic about a file
 * that does not exist (plan-missing) points at its folder, with no region.
 */
import { isAbsolute } from 'node:path';
import { repoPath } from './repo-path.js';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../core/rules.js';
import type { DiagnosticFormatter } from './types.js';
import { inertJson } from '../shared/terminal.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Codes whose file is the one that is missing: the location is its folder. */
const ABOUT_MISSING_FILE = new Set(['plan-missing']);

/** A diagnostic's file as a SARIF artifact location: relative URIs use forward slashes and %SRCROOT%. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) return { uri: pathToFileURL(file).href };
  const uri = file
    .split(/[\\/]/)
    .map((seg) => (seg === '.' || seg === '..' ? seg : encodeURIComponent(seg)))
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

/** The first sentence of a rule's guidance. */
function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(text);
  return m ? m[0] : text;
}

export const sarif: DiagnosticFormatter = (summary, options) => {
  const codes = Object.keys(RULES);
  for (const d of summary.diagnostics) if (!codes.includes(d.code)) codes.push(d.code);
  const rules = codes.map((id) => {
    const rule = RULES[id];
    if (!rule) return { id };
    return {
      id,
      shortDescription: { text: firstSentence(rule.guidance) },
      fullDescription: { text: rule.guidance },
      help: { text: rule.guidance },
      defaultConfiguration: { level: rule.severity },
    };
  });
  const results = summary.diagnostics.map((d) => {
    const file = repoPath(d.file, options);
    const physicalLocation = ABOUT_MISSING_FILE.has(d.code)
      ? { artifactLocation: artifactLocation(file.includes('/') ? `${file.slice(0, file.lastIndexOf('/'))}/` : './') }
      : { artifactLocation: artifactLocation(file), region: { startLine: d.line, startColumn: d.column } };
    return { ruleId: d.code, ruleIndex: codes.indexOf(d.code), level: d.severity === 'error' ? 'error' : 'warning', message: { text: d.message },
      // a spreadsheet cell: the region is its row and column, the logical location names it
      locations: [{ physicalLocation, ...(d.cell ? { logicalLocations: [{ fullyQualifiedName: `${d.file}!${d.cell}`, kind: 'element' }] } : {}) }] };
  });
  const root = pathToFileURL(options.repoRoot ?? options.cwd).href;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'accsm', ...(options.version ? { version: options.version, semanticVersion: options.version } : {}), informationUri: 'https://www.npmjs.com/package/accsm', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${inertJson(log, 2)}\n`;
};
