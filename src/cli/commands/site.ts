/** accsm site: the static progress site (home, plans, meetings, countries, projects, downloads) into a folder. */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { today } from '../io.js';
import { addCacheOptions, addDataOption, type CacheFlags, asDateOrMeeting, examples, loadValidData, writeOut, type CommandContext } from '../shared.js';

interface SiteFlags extends CacheFlags {
  data?: string;
  out: string;
  title: string;
  baseUrl?: string;
  asOf?: string;
}

/** Lists what the last build wrote, so that a rebuild removes its own stale files and nothing else. */
const MANIFEST = '.accsm-site.json';

export function registerSite(program: Command, ctx: CommandContext): Command {
  const cmd = program.command('site').description('write the static progress site: every plan, meeting, country and project, with CSV and JSON downloads');
  addCacheOptions(addDataOption(cmd))
    .requiredOption('-o, --out <dir>', 'the folder to write the site into (made when missing)')
    .option('--title <text>', "the site's name", 'ACCSM work plan progress')
    .option('--base-url <url>', 'the address the site is published at (for canonical links); links inside the site stay relative')
    .option('--as-of <date|meeting>', 'the date the site reports on (default: today)', asDateOrMeeting('--as-of'))
    .addHelpText('after', examples('accsm site --out _site', 'accsm site --out _site --base-url https://example.github.io/accsm/ --title "ACCSM progress"'))
    .action(async (flags: SiteFlags) => {
      ctx.exitCode = await runSite(ctx, flags);
    });
  return cmd;
}

function checkBaseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(`--base-url ${value}: not an address; give it in full, for example https://example.github.io/accsm/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UserError(`--base-url ${value}: must start with https:// (or http://)`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

async function runSite(ctx: CommandContext, flags: SiteFlags): Promise<number> {
  const { io } = ctx;
  const baseUrl = checkBaseUrl(flags.baseUrl);
  const out = resolve(io.cwd, flags.out);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UserError(`--out ${flags.out}: is a file, not a folder`);
  // a site shows every plan: an error in any plan's files leaves no site (its pages would be removed as stale)
  const usable = loadValidData(ctx, flags.data, { everyPlan: true }, flags);
  if (!usable) return 1;
  const { data } = usable;
  const { resolveAsOf } = await import('../../core/as-of.js');
  const { computeSite } = await import('../../core/site.js');
  const { buildSite } = await import('../../formatters/site/index.js');
  const { date: asOf } = resolveAsOf(data, flags.asOf ?? today(io));
  const files = buildSite(data, computeSite(data, { asOf }), { title: flags.title, asOf, ...(baseUrl ? { baseUrl } : {}) });
  const previous = readManifest(join(out, MANIFEST));
  for (const f of files) {
    const path = join(out, ...f.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeOut(path, f.content, join(flags.out, f.path));
  }
  const now = new Set(files.map((f) => f.path));
  for (const stale of previous) if (!now.has(stale)) rmSync(join(out, ...stale.split('/')), { force: true });
  writeOut(join(out, MANIFEST), `${JSON.stringify({ files: [...now].sort() }, null, 2)}\n`, join(flags.out, MANIFEST));
  const pages = files.filter((f) => f.path.endsWith('.html')).length;
  io.stderr(`accsm: wrote ${pages} pages and ${files.length - pages} downloads to ${flags.out}\n`);
  return 0;
}

function readManifest(path: string): string[] {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string' && !f.includes('..') && !f.startsWith('/')) : [];
  } catch {
    return [];
  }
}
