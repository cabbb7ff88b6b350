/** The sarif and junit formats of validate, parsed back: SARIF as JSON, JUnit with a small XML reader. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, DiagnosticSummary } from '../../../src/core/diagnostic.js';
import { summarize } from '../../../src/core/diagnostic.js';
import { RULES } from '../../../src/core/rules.js';
import { diagnosticFormatters } from '../../../src/formatters/diagnostics/index.js';
import { artifactLocation } from '../../../src/formatters/diagnostics/sarif.js';
import { xmlAttr, xmlChars, xmlText } from '../../../src/formatters/shared/xml.js';
import { below, random } from '../../random.js';

const d = (file: string, line: number, column: number, severity: Diagnostic['severity'], code: string, message: string): Diagnostic => ({ file, line, column, severity, code, message });

const summary: DiagnosticSummary = summarize([
  d('data/plans/a/projects/P1.yaml', 9, 13, 'error', 'schema-enum', 'status "complete" is not one of planned, ongoing, completed, postponed, cancelled'),
  d('data/plans/a/projects/P1.yaml', 4, 3, 'error', 'area-unknown', 'priority area "x" & <y> is not defined; "quoted" \'single\''),
  d('data/meetings.yaml', 2, 9, 'warning', 'date-future', 'status date 2099-01-01 is in the future\u0007 (bell)'),
  d('data/my plans/p#1.yaml', 1, 1, 'error', 'new-code', 'a code the rule table does not know'),
]);
const options = { color: false, filesChecked: 3, cwd: '/work/repo', version: '9.8.7', files: ['data/meetings.yaml', 'data/plans/a/plan.yaml', 'data/plans/a/projects/P1.yaml'] };

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription?: { text: string }; help?: { text: string }; defaultConfiguration?: { level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

describe('sarif', () => {
  const log = JSON.parse(diagnosticFormatters.sarif(summary, options)) as SarifLog;
  const run = log.runs[0]!;

  it('is a SARIF 2.1.0 log with one run by accsm', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('accsm');
    expect(run.tool.driver.version).toBe('9.8.7');
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///work/repo/');
  });

  it('carries every rule of RULES with its guidance and default level', () => {
    const rules = run.tool.driver.rules;
    for (const [id, rule] of Object.entries(RULES)) {
      const r = rules.find((x) => x.id === id)!;
      expect(r.help!.text).toBe(rule.guidance);
      expect(rule.guidance.startsWith(r.shortDescription!.text)).toBe(true);
      expect(r.defaultConfiguration!.level).toBe(rule.severity);
    }
  });

  it('has one result per diagnostic, with rule, level, message and a relative location', () => {
    expect(run.results).toHaveLength(4);
    const back = run.results.map((r) => ({
      file: decodeURI(r.locations[0]!.physicalLocation.artifactLocation.uri).replace('%23', '#'),
      line: r.locations[0]!.physicalLocation.region.startLine,
      column: r.locations[0]!.physicalLocation.region.startColumn,
      severity: r.level,
      code: r.ruleId,
      message: r.message.text,
    }));
    expect(back).toEqual(summary.diagnostics);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
  });

  it('writes URIs with forward slashes and percent-encoding; absolute paths as file URIs', () => {
    expect(artifactLocation('data/my plans/p#1.yaml')).toEqual({ uri: 'data/my%20plans/p%231.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('data\\plans\\x.yaml')).toEqual({ uri: 'data/plans/x.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('../other/x.yaml')).toEqual({ uri: '../other/x.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/abs/x y.yaml')).toEqual({ uri: 'file:///abs/x%20y.yaml' });
  });

  it('gives a valid log with no results when there are no problems', () => {
    const empty = JSON.parse(diagnosticFormatters.sarif(summarize([]), options)) as SarifLog;
    expect(empty.runs[0]!.results).toEqual([]);
  });
});

/** A minimal XML reader: checks well-formedness (one root, nested tags, quoted attributes, known entities) and builds a tree. */
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function decodeEntities(s: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)) throw new Error(`bad entity in ${JSON.stringify(s)}`);
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

function parseXml(xml: string): XmlNode {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) throw new Error('a character XML 1.0 does not allow');
  let rest = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const token = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|^([^<]+)/;
  while (rest.length) {
    const m = token.exec(rest);
    if (!m) throw new Error(`not well-formed near ${JSON.stringify(rest.slice(0, 40))}`);
    rest = rest.slice(m[0].length);
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      if (stack.length === 1) {
        if (m[5].trim()) throw new Error('text outside the root element');
        continue;
      }
      top.text += decodeEntities(m[5]);
    } else if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        if (a[1]! in attrs) throw new Error(`attribute ${a[1]} twice`);
        attrs[a[1]!] = decodeEntities(a[2]!);
      }
      const node: XmlNode = { name: m[2]!, attrs, children: [], text: '' };
      if (stack.length === 1 && root.children.length) throw new Error('more than one root element');
      top.children.push(node);
      if (!m[4]) stack.push(node);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0]!;
}

describe('the XML reader used here', () => {
  it('rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
    expect(parseXml('<a x="&lt;&#10;">t&amp;<b/></a>')).toEqual({ name: 'a', attrs: { x: '<\n' }, text: 't&', children: [{ name: 'b', attrs: {}, text: '', children: [] }] });
  });
});

describe('junit', () => {
  const xml = diagnosticFormatters.junit(summary, options);
  const doc = parseXml(xml);
  const suite = doc.children[0]!;

  it('is well-formed XML with one testsuite and one testcase per checked file', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(doc.name).toBe('testsuites');
    expect(doc.children).toHaveLength(1);
    expect(suite.name).toBe('testsuite');
    // the three checked files plus the file with a diagnostic that was not in the list
    expect(suite.children.map((c) => c.attrs.name)).toEqual(['data/meetings.yaml', 'data/my plans/p#1.yaml', 'data/plans/a/plan.yaml', 'data/plans/a/projects/P1.yaml']);
    expect(suite.attrs).toMatchObject({ tests: '4', failures: '2', errors: '0' });
  });

  it('makes a file with errors a failure whose message and body give the problems, escaped and read back intact', () => {
    const p1 = suite.children.find((c) => c.attrs.name === 'data/plans/a/projects/P1.yaml')!;
    const failure = p1.children.find((c) => c.name === 'failure')!;
    expect(failure.attrs.message).toBe('2 errors; first: priority area "x" & <y> is not defined; "quoted" \'single\'');
    expect(failure.attrs.type).toBe('area-unknown');
    expect(failure.text.split('\n')).toEqual([
      'data/plans/a/projects/P1.yaml:4:3 error area-unknown: priority area "x" & <y> is not defined; "quoted" \'single\'',
      'data/plans/a/projects/P1.yaml:9:13 error schema-enum: status "complete" is not one of planned, ongoing, completed, postponed, cancelled',
    ]);
  });

  it('passes a file with only warnings, listing them in system-out (control characters replaced)', () => {
    const m = suite.children.find((c) => c.attrs.name === 'data/meetings.yaml')!;
    expect(m.children.map((c) => c.name)).toEqual(['system-out']);
    expect(m.children[0]!.text).toBe('data/meetings.yaml:2:9 warning date-future: status date 2099-01-01 is in the future\uFFFD (bell)');
    const clean = suite.children.find((c) => c.attrs.name === 'data/plans/a/plan.yaml')!;
    expect(clean.children).toEqual([]);
  });

  it('escapes text and attributes', () => {
    expect(xmlText('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(xmlAttr('"x"\n\'y\'\t')).toBe('&quot;x&quot;&#10;&apos;y&apos;&#9;');
    expect(xmlText('\u0000\uD800x\uFFFF')).toBe('\uFFFD\uFFFDx\uFFFD');
    expect(xmlText('😀')).toBe('😀');
  });

  it('escapes every text as the full replacements do, with or without the one-pass test that most texts need nothing', () => {
    // the replacements as they were before the test that skips them: the reference
    const chars = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    const text = (s: string) => chars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const attr = (s: string) => text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
    // every character class that matters, alone and among plain text: controls, breaks, entities, surrogates (paired and lone), U+FFFE/F
    const pieces = ['a', ' ', 'plans/p#1.yaml', '\u0000', '\u0007', '\t', '\n', '\r', '\u000B', '\u001F', '\u007F', '&', '<', '>', '"', "'", '\uD83D', '\uDE00', '😀', '\uFFFE', '\uFFFF', '\uFFFD', 'é'];
    const rnd = random(7);
    const next = () => below(rnd, 1 << 30);
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: next() % 6 }, () => pieces[next() % pieces.length]).join('');
      expect(xmlChars(s)).toBe(chars(s));
      expect(xmlText(s)).toBe(text(s));
      expect(xmlAttr(s)).toBe(attr(s));
    }
  });

  it('has no testcases and no failures when nothing was checked', () => {
    const empty = parseXml(diagnosticFormatters.junit(summarize([]), { ...options, files: [] }));
    expect(empty.children[0]!.attrs).toMatchObject({ tests: '0', failures: '0' });
  });
});
