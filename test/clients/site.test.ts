/**
 * The site in a real browser (Debian's chromium through puppeteer-core): axe-core
 * finds no WCAG 2.1 A/AA violation on any page type, no page overflows at
 * 360 or 1280 px, every link and download resolves, html-validate accepts
 * every page, the figures on the pages are `report --format json`'s at som-21
 * and today, and the README's screenshot is this page as the browser draws it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accsm, REPO } from '../helpers.js';
import { needs } from './programs.js';
import { groupRow, statusTableRows, STATUS_ORDER, type PlanJson } from '../site-figures.js';

const chromium = needs(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], 'apt-get install chromium');
const require = createRequire(import.meta.url);

export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const PAGE_TYPES: Record<string, string> = {
  home: 'index.html',
  plan: 'plans/accsm-2021-2025/index.html',
  'plan as of a meeting': 'plans/accsm-2021-2025/as-of-som-21.html',
  'empty plan': 'plans/accsm-2026-2030/index.html',
  project: 'plans/accsm-2021-2025/projects/P01.html',
  country: 'countries/VN.html',
  countries: 'countries/index.html',
  meetings: 'meetings/index.html',
};

const SCREENSHOT = join(REPO, 'docs', 'site-plan.png');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}


describe.skipIf(!chromium.ok)('the site in Chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'accsm-site-'));
  const out = join(tmp, '_site');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;
  const url = (p: string) => pathToFileURL(join(out, p)).href;

  beforeAll(async () => {
    const r = accsm(['site', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({ executablePath: chromium.path, headless: true, args: [...BROWSER_ARGS, `--user-data-dir=${join(tmp, 'profile')}`] });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function open(path: string, width = 1280) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    // nothing may be fetched from another host
    const outside: string[] = [];
    page.on('request', (req: { url(): string }) => {
      if (!req.url().startsWith('file://')) outside.push(req.url());
    });
    await page.goto(url(path), { waitUntil: 'load' });
    return { page, outside };
  }

  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    it(`${type}: axe-core finds no WCAG 2.1 A or AA violation`, async () => {
      const { page, outside } = await open(path);
      await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
      const result = await page.evaluate(async () => {
        // @ts-expect-error axe is the injected global
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return { violations: r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), passes: r.passes.length };
      });
      expect(result.violations).toEqual([]);
      expect(result.passes).toBeGreaterThan(10);
      expect(outside).toEqual([]);
      await page.close();
    });

    it(`${type}: no horizontal overflow at 360 and 1280 px`, async () => {
      for (const width of [360, 1280]) {
        const { page } = await open(path, width);
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        expect(scroll, `${path} at ${width} px`).toBeLessThanOrEqual(client);
        await page.close();
      }
    });
  }

  it('every link and download on every page resolves', async () => {
    const pages = walk(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    let links = 0;
    for (const file of pages) {
      const { page, outside } = await open(relative(out, file));
      const hrefs: string[] = await page.evaluate(() => [...document.querySelectorAll('a[href], link[href]')].filter((a) => a.getAttribute('rel') !== 'canonical').map((a) => (a as HTMLAnchorElement).href));
      for (const h of hrefs) {
        const u = new URL(h);
        expect(u.protocol, `${file}: ${h}`).toBe('file:');
        const target = fileURLToPath(u);
        expect(existsSync(target), `${file} links to ${h}`).toBe(true);
        if (u.hash) {
          const id = decodeURIComponent(u.hash.slice(1));
          expect(readFileSync(target, 'utf8'), `${file} → ${h}`).toContain(`id="${id}"`);
        }
        links++;
      }
      expect(outside, file).toEqual([]);
      await page.close();
    }
    expect(links).toBeGreaterThan(500);
  });

  it('html-validate accepts every page', async () => {
    const { HtmlValidate } = await import('html-validate');
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of walk(out).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateFile(file);
      for (const r of report.results) for (const m of r.messages) problems.push(`${relative(out, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  for (const [label, asOf, path] of [['today', '2026-11-23', PAGE_TYPES.plan!], ['som-21', 'som-21', PAGE_TYPES['plan as of a meeting']!]] as const) {
    it(`the figures on the plan page are the report's (${label})`, async () => {
      const r = accsm(['report', '--plan', 'accsm-2021-2025', '--as-of', asOf, '--format', 'json']);
      const p = (JSON.parse(r.stdout) as { plans: PlanJson[] }).plans[0]!;
      const { page } = await open(path);
      const read = (id: string) =>
        page.evaluate((tid: string) => [...document.querySelectorAll(`#${tid} tbody tr`)].map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())), id);
      expect(await page.$eval('#headline', (e: HTMLElement) => e.innerText)).toBe(`${p.implemented} of ${p.total} completed or ongoing (${p.implementedPercent}%)`);
      expect(await read('status-table')).toEqual(statusTableRows(p));
      expect(await read('area-table')).toEqual(p.byPriorityArea.map((a) => [a.title, ...groupRow(a)]));
      expect((await read('lead-table')).map((row: string[]) => [row[0]!.split(' ')[0], ...row.slice(1)])).toEqual(p.byLead.map((l) => [l.code, ...groupRow(l)]));
      if (p.verdict !== undefined) expect(await page.$eval('.headline .verdict', (e: HTMLElement) => e.innerText.toLowerCase())).toBe(p.verdict.replace(/-/g, ' '));
      await page.close();
    });
  }

  it("the home page's figures are the report's for every plan (today)", async () => {
    const plans = (JSON.parse(accsm(['report', '--plan', 'accsm-2021-2025', 'accsm-2026-2030', 'accsm-plus-3-2021-2025', '--format', 'json']).stdout) as { plans: PlanJson[] }).plans;
    const { page } = await open(PAGE_TYPES.home!);
    const rows: string[][] = await page.evaluate(() => [...document.querySelectorAll('#plans-table tbody tr')].map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
    expect(rows).toHaveLength(plans.length);
    for (const p of plans) {
      const row = rows.find((r) => r[0] === (JSON.parse(readFileSync(join(out, 'data/report.json'), 'utf8')) as { plans: { id: string; title: string }[] }).plans.find((x) => x.id === p.id)!.title)!;
      expect(row.slice(1, 8)).toEqual([...STATUS_ORDER.map((s) => String(p.counts[s])), String(p.total), `${p.implemented} (${p.implementedPercent}%)`]);
    }
    await page.close();
  });

  it('prints the plan page without the navigation, the meeting selector or the download links, and with the chart and tables whole', async () => {
    const { page } = await open(PAGE_TYPES.plan!);
    await page.emulateMediaType('print');
    const shown = await page.evaluate(() => {
      const visible = (sel: string) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== 'none');
      return { nav: visible('header.site nav'), selector: visible('.as-of'), downloads: visible('.download'), chart: visible('figure.chart'), tables: [...document.querySelectorAll('table')].every((t) => getComputedStyle(t).display !== 'none') && document.querySelectorAll('table').length >= 5 };
    });
    expect(shown).toEqual({ nav: false, selector: false, downloads: false, chart: true, tables: true });
    const pdf: Uint8Array = await page.pdf({ format: 'A4', printBackground: false });
    // a PDF of a few pages, not a blank one
    expect(Buffer.from(pdf.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.close();
  });

  it('reads the same with JavaScript turned off (the pages have no script)', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(url(PAGE_TYPES['plan as of a meeting']!), { waitUntil: 'load' });
    const rows = await page.$$eval('#status-table tbody tr', (trs: Element[]) => trs.length);
    expect(rows).toBe(6);
    await page.close();
  });

  it("the README's screenshot is the plan page as this browser draws it", async () => {
    const { page } = await open(PAGE_TYPES.plan!, 1000);
    await page.setViewport({ width: 1000, height: 1600 });
    // from the top of the page to the end of the progress chart
    const bottom: number = await page.$eval('figure.chart', (e: Element) => Math.ceil(e.getBoundingClientRect().bottom + window.scrollY + 8));
    const shot: Uint8Array = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 1000, height: bottom }, captureBeyondViewport: true });
    await page.close();
    const fresh = join(tmp, 'site-plan.png');
    writeFileSync(fresh, shot);
    if (process.env.ACCSM_UPDATE_SCREENSHOT === '1') writeFileSync(SCREENSHOT, shot);
    const { PNG } = await import('pngjs');
    const pixelmatch = (await import('pixelmatch')).default;
    const a = PNG.sync.read(readFileSync(SCREENSHOT));
    const b = PNG.sync.read(Buffer.from(shot));
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    const differ = pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.2 });
    // fonts may be hinted differently from one machine to the next; a changed page differs in far more
    expect(differ / (a.width * a.height), `the page differs from docs/site-plan.png; see ${fresh}, and update it with ACCSM_UPDATE_SCREENSHOT=1 npm run test:clients`).toBeLessThan(0.02);
  });
});
