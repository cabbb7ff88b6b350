/**
 * accsm site, in process through run(argv, io): the pages and downloads it
 * writes, their figures against `report --format json` at som-21 and today,
 * links that resolve inside the site, no request to another host, hostile
 * text kept inert, the weight of each page, and rebuilds that remove only their own stale files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, copyRoot, tempDir } from '../helpers.js';
import { groupRow, statusTableRows, STATUS_ORDER, type PlanJson } from '../site-figures.js';
import { parseCsv } from '../formatters/parsers.js';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The cells of each row of the table with this id, as text. */
function tableRows(page: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(page)?.[1];
  if (!table) throw new Error(`no table #${id}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)![1]!;
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim()));
}



describe('accsm site on the embedded data', () => {
  const t = tempDir();
  const out = join(t.dir, '_site');
  let files: string[] = [];
  const page = (p: string) => readFileSync(join(out, p), 'utf8');
  beforeAll(async () => {
    const r = await cli(['site', '--out', out, '--base-url', 'https://example.github.io/accsm']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^accsm: wrote \d+ pages and \d+ downloads to /);
    files = walk(out).map((f) => relative(out, f).split('\\').join('/'));
  });
  afterAll(t.cleanup);

  it('writes every page type and the downloads', () => {
    for (const f of [
      'index.html', 'assets/site.css', 'data/accsm.json', 'data/report.json', 'data/report.csv', 'meetings/index.html', 'meetings/meetings.csv',
      'countries/index.html', 'countries/VN.html', 'plans/accsm-2021-2025/index.html', 'plans/accsm-2021-2025/as-of-som-21.html',
      'plans/accsm-2021-2025/report.csv', 'plans/accsm-2021-2025/progress.csv', 'plans/accsm-2021-2025/progress.svg', 'plans/accsm-2021-2025/projects/P01.html',
      'plans/accsm-2026-2030/index.html',
    ]) expect(files, f).toContain(f);
    const data = JSON.parse(page('data/accsm.json')) as { plans: { id: string; projects: unknown[] }[]; meetings: unknown[] };
    expect(data.plans.find((p) => p.id === 'accsm-2021-2025')!.projects).toHaveLength(31);
    expect(JSON.stringify(data)).not.toContain('/work/');
  });

  for (const [label, asOf, path] of [['today', '2026-11-23', 'plans/accsm-2021-2025/index.html'], ['som-21', 'som-21', 'plans/accsm-2021-2025/as-of-som-21.html']] as const) {
    it(`the plan page's figures are the report's (${label})`, async () => {
      const r = await cli(['report', '--plan', 'accsm-2021-2025', '--as-of', asOf, '--format', 'json']);
      const p = (JSON.parse(r.stdout) as { plans: PlanJson[] }).plans[0]!;
      const html = page(path);
      expect(html).toContain(`<strong id="headline">${p.implemented} of ${p.total} completed or ongoing (${p.implementedPercent}%)</strong>`);
      expect(tableRows(html, 'status-table')).toEqual(statusTableRows(p));
      expect(tableRows(html, 'area-table')).toEqual(p.byPriorityArea.map((a) => [a.title, ...groupRow(a)]));
      expect(tableRows(html, 'lead-table').map((row) => [row[0]!.split(' ')[0], ...row.slice(1)])).toEqual(p.byLead.map((l) => [l.code, ...groupRow(l)]));
      // the CSV beside it is the report's CSV for the same date
      const csvName = path.endsWith('index.html') ? 'report.csv' : 'as-of-som-21-report.csv';
      const csv = await cli(['report', '--plan', 'accsm-2021-2025', '--as-of', asOf, '--format', 'csv']);
      expect(page(`plans/accsm-2021-2025/${csvName}`)).toBe(csv.stdout);
    });
  }

  it("the progress table equals the report at each meeting", async () => {
    const rows = tableRows(page('plans/accsm-2021-2025/index.html'), 'over-table');
    const csv = parseCsv(page('plans/accsm-2021-2025/progress.csv')).slice(1);
    expect(rows).toHaveLength(csv.length);
    for (const [i, row] of rows.entries()) {
      const r = await cli(['report', '--plan', 'accsm-2021-2025', '--as-of', csv[i]![3]!, '--format', 'json']);
      const p = (JSON.parse(r.stdout) as { plans: PlanJson[] }).plans[0]!;
      expect(row.slice(2, 10)).toEqual([...STATUS_ORDER.map((s) => String(p.counts[s])), String(p.total), `${p.implemented} (${p.implementedPercent}%)`, `${p.elapsedPercent}%`]);
    }
  });

  it('every link and asset inside the site resolves, and nothing points at another host', () => {
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const html = page(f);
      for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        const target = m[1]!;
        if (target.startsWith('https://example.github.io/accsm/') && /rel="canonical"/.test(html)) continue;
        expect(target, `${f}: ${target}`).not.toMatch(/^[a-z]+:|^\/\//i);
        const [file, anchor] = target.split('#');
        const resolved = file === '' ? join(out, f) : resolve(dirname(join(out, f)), decodeURIComponent(file!));
        expect(existsSync(resolved), `${f} → ${target}`).toBe(true);
        if (anchor) expect(readFileSync(resolved, 'utf8'), `${f} → ${target}`).toContain(`id="${anchor}"`);
      }
      expect(html, f).not.toMatch(/<script|@import|url\(/);
    }
    expect(page('assets/site.css')).not.toMatch(/@import|url\(|@font-face/);
  });

  it('the canonical link uses --base-url, with one slash', () => {
    expect(page('plans/accsm-2021-2025/index.html')).toContain('<link rel="canonical" href="https://example.github.io/accsm/plans/accsm-2021-2025/index.html">');
  });

  it('every page weighs less than 150 kB', () => {
    for (const f of files.filter((x) => x.endsWith('.html'))) expect(statSync(join(out, f)).size, f).toBeLessThan(150_000);
  });

  it('an empty plan says so, and draws no chart of zeros', () => {
    expect(page('plans/accsm-2026-2030/index.html')).toContain('No projects/activities recorded yet');
    const plus3 = page('plans/accsm-plus-3-2021-2025/index.html');
    expect(plus3).toContain('No project/activity was recorded at any of the ACCSM+3 meetings in the plan period');
    expect(plus3).not.toContain('<svg');
  });
});

describe('accsm site: hostile text, rebuilds and usage errors', () => {
  const root = copyRoot();
  const t = tempDir();
  afterAll(() => {
    root.cleanup();
    t.cleanup();
  });

  it('keeps hostile titles and notes inert', async () => {
    const file = join(root.dir, 'plans', 'accsm-2021-2025', 'projects', 'P01.yaml');
    const text = readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: '<script>alert(1)</script><img src=x onerror=alert(2)> & "quoted"'`);
    writeFileSync(file, text);
    const out = join(t.dir, 'hostile');
    const r = await cli(['site', '--data', root.dir, '--out', out]);
    expect(r.stderr).toMatch(/wrote/);
    expect(r.code).toBe(0);
    for (const f of walk(out).filter((x) => x.endsWith('.html'))) {
      const html = readFileSync(f, 'utf8');
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
    }
    expect(readFileSync(join(out, 'plans/accsm-2021-2025/projects/P01.html'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot;');
  });

  it('a rebuild removes the files it wrote before and no longer writes, and keeps the others', async () => {
    const out = join(t.dir, 'rebuild');
    expect((await cli(['site', '--out', out])).code).toBe(0);
    mkdirSync(join(out, 'mine'), { recursive: true });
    writeFileSync(join(out, 'mine', 'keep.txt'), 'mine');
    writeFileSync(join(out, 'CNAME'), 'example.org');
    // as of som-21 there are fewer meetings, so fewer as-of pages
    expect((await cli(['site', '--out', out, '--as-of', 'som-21'])).code).toBe(0);
    expect(existsSync(join(out, 'plans/accsm-2021-2025/as-of-som-22.html'))).toBe(false);
    expect(existsSync(join(out, 'plans/accsm-2021-2025/as-of-som-21.html'))).toBe(true);
    expect(readFileSync(join(out, 'mine', 'keep.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('example.org');
  });

  it('usage errors: no --out, a bad --base-url, --out a file', async () => {
    expect((await cli(['site'])).code).toBe(2);
    const bad = await cli(['site', '--out', join(t.dir, 'x'), '--base-url', 'example.org']);
    expect([bad.code, bad.stderr]).toEqual([2, 'accsm: --base-url example.org: not an address; give it in full, for example https://example.github.io/accsm/\n']);
    writeFileSync(join(t.dir, 'file'), '');
    const file = await cli(['site', '--out', join(t.dir, 'file')]);
    expect([file.code, file.stderr]).toEqual([2, `accsm: --out ${join(t.dir, 'file')}: is a file, not a folder\n`]);
  });
});
