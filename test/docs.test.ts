/** The user docs stay true: docs/rules.md lists exactly the codes of RULES, docs/data-format.md covers every key and its example validates. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../src/core/rules.js';
import { SCHEMAS } from '../src/core/schema.js';
import { validateRoot } from '../src/core/validate.js';
import { REPO, tempDir } from './helpers.js';

const rulesMd = readFileSync(join(REPO, 'docs', 'rules.md'), 'utf8');
const formatMd = readFileSync(join(REPO, 'docs', 'data-format.md'), 'utf8');

describe('docs/rules.md', () => {
  const rows = new Map<string, { severity: string; guidance: string }>();
  for (const m of rulesMd.matchAll(/^\| `([a-z-]+)` \| (\w+) \| (.+) \|$/gm)) {
    expect(rows.has(m[1]!), `${m[1]} is listed twice`).toBe(false);
    rows.set(m[1]!, { severity: m[2]!, guidance: m[3]! });
  }

  it('lists every code in RULES, and no other', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(RULES).sort());
  });

  it('gives each code the severity and the guidance of RULES', () => {
    for (const [code, rule] of Object.entries(RULES)) expect(rows.get(code), code).toEqual({ severity: rule.severity, guidance: rule.guidance });
  });

  it('names no code in its prose that RULES does not have', () => {
    for (const m of rulesMd.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)) if (/^(file|yaml|schema|plan|id|area|meeting|date|schedule|period)-/.test(m[1]!)) expect(RULES, m[1]).toHaveProperty([m[1]!]);
  });
});

describe('docs/data-format.md', () => {
  it('names every key of every schema', () => {
    const keys = new Set<string>();
    const walk = (s: unknown): void => {
      if (!s || typeof s !== 'object') return;
      const o = s as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') for (const [k, v] of Object.entries(o.properties)) (keys.add(k), walk(v));
      if (o.items) walk(o.items);
    };
    for (const schema of Object.values(SCHEMAS)) walk(schema);
    expect(keys.size).toBeGreaterThan(20);
    for (const key of keys) expect(formatMd, `key ${key}`).toContain(`\`${key}\``);
  });

  it('names every allowed value: statuses, bodies and codes', () => {
    const project = SCHEMAS.project as { properties: { lead: { items: { enum: string[] } }; status: { items: { properties: { status: { enum: string[] } } } } } };
    const plan = SCHEMAS.plan as { properties: { body: { enum: string[] } } };
    const values = [...project.properties.lead.items.enum, ...project.properties.status.items.properties.status.enum, ...plan.properties.body.enum];
    for (const v of values) expect(formatMd, v).toContain(`\`${v}\``);
    // and no code the schemas do not allow
    const table = formatMd.slice(formatMd.indexOf('## Codes'), formatMd.indexOf('## A complete example'));
    for (const m of table.matchAll(/`([A-Z]{2,4})`/g)) expect(project.properties.lead.items.enum, m[1]).toContain(m[1]);
  });

  describe('the complete example', () => {
    const blocks = [...formatMd.matchAll(/^```yaml (\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({ path: m[1]!, text: m[2]! }));
    const t = tempDir('accsm-docs-');
    afterAll(() => t.cleanup());

    it('has a meetings.yaml, a plan.yaml and a project file, each starting with its schema line', () => {
      expect(blocks.map((b) => b.path)).toEqual(['meetings.yaml', 'plans/example-2024-2026/plan.yaml', 'plans/example-2024-2026/projects/E01.yaml']);
      for (const b of blocks) expect(b.text).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schemas\/(meetings|plan|project)\.schema\.json\n/);
    });

    it('validates with no problem, and its schema lines point at the real schemas from a root beside schemas/', () => {
      const root = join(t.dir, 'data');
      for (const b of blocks) {
        mkdirSync(dirname(join(root, b.path)), { recursive: true });
        writeFileSync(join(root, b.path), b.text);
        const ref = /\$schema=(\S+)/.exec(b.text)![1]!;
        // resolve the reference as if the data root were this repository's data/
        const target = join(REPO, 'data', dirname(b.path), ref);
        expect(() => readFileSync(target), ref).not.toThrow();
      }
      const result = validateRoot(root, { cwd: root, today: '2026-11-23' });
      expect(result.diagnostics).toEqual([]);
      expect(result.loaded.data.plans[0]!.projects.map((p) => p.project.id)).toEqual(['E01']);
    });
  });
});
