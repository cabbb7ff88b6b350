/** .github/workflows/pages.yml: builds the site with accsm and deploys it with the official Pages actions, pinned by commit, with the least permissions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../helpers.js';

const text = readFileSync(join(REPO, '.github', 'workflows', 'pages.yml'), 'utf8');
interface Step { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> }
interface Job { permissions?: Record<string, string>; steps: Step[]; needs?: string }
const wf = parse(text) as { on: { push: { branches: string[] } }; permissions: Record<string, string>; jobs: Record<string, Job> };

describe('the Pages workflow', () => {
  it('runs on pushes to main', () => {
    expect(wf.on.push.branches).toEqual(['main']);
  });

  it('reads the repository by default; only the deploy job writes to Pages, with an OIDC token', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.build!.permissions).toBeUndefined();
    expect(wf.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(wf.jobs.deploy!.needs).toBe('build');
  });

  it('uses the official Pages actions, every action pinned by a full commit with its tag in a comment', () => {
    const uses = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => u !== undefined));
    for (const name of ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']) expect(uses.some((u) => u.startsWith(`${name}@`))).toBe(true);
    for (const u of uses) expect(u).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
    for (const line of text.split('\n').filter((l) => /uses: /.test(l))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('builds the site with accsm, taking the address from configure-pages through the environment (not spliced into the script)', () => {
    const build = wf.jobs.build!.steps.find((s) => s.run?.includes('accsm.js site'))!;
    expect(build.run).toContain('--out _site');
    expect(build.run).not.toContain('${{');
    expect(build.env!.BASE_URL).toBe('${{ steps.pages.outputs.base_url }}');
    expect(wf.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with!.path).toBe('_site');
  });
});
