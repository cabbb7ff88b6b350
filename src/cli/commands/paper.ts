/** accsm paper: the progress section of a meeting paper, as markdown or Word, with a chart. */
import { dirname, extname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { meetingValue } from '../../core/values.js';
import { progressSince } from '../../core/progress.js';
import { meetingPlans, resolveAsOf } from '../../core/as-of.js';
import { computeReport } from '../../core/report.js';
import { buildPaper, chartPng, paperChart, paperDocx, paperMarkdown } from '../../formatters/paper/index.js';
import { dateWords } from '../../formatters/shared/words.js';
import { today } from '../io.js';
import { addCacheOptions, addDataOption, type CacheFlags, asDateOrMeeting, examples, loadValidData, writeOut, type CommandContext } from '../shared.js';
import { slashed } from '../../core/slashed.js';

interface PaperFlags extends CacheFlags {
  data?: string;
  plan?: string[];
  meeting?: string;
  asOf?: string;
  since?: string;
  out?: string;
  chart?: string;
  symbol?: string;
  agendaItem?: string;
  recommendation?: string;
}

export function registerPaper(program: Command, ctx: CommandContext): Command {
  const cmd = program
    .command('paper')
    .description('write the progress section of a meeting paper (markdown or Word), with an optional chart');
  addCacheOptions(addDataOption(cmd))
    .option('-p, --plan <id...>', "work plans to include (default: every plan that has projects; with --meeting, those of the meeting's body)")
    .option('--meeting <id>', 'the meeting the paper is for; its last day is the as-of date')
    .option('--as-of <date>', 'the date the paper reports on, YYYY-MM-DD (default: today); instead of --meeting', asDateOrMeeting('--as-of'))
    .option('--since <meeting|date>', 'compare with this meeting or date (default: the previous meeting of the same body)', asDateOrMeeting('--since'))
    .option('-o, --out <file>', 'write to this file instead of stdout: .md for markdown, .docx for Word')
    .option('--chart <file.svg>', 'also write the chart as SVG, which the markdown links to (a .docx has the chart inside in any case)')
    .option('--symbol <text>', 'the document symbol, in the header of the Word paper')
    .option('--agenda-item <text>', 'the agenda item, in the header of the Word paper ("4" gives "Agenda item 4")')
    .option('--recommendation <text>', 'the closing paragraph (default: "The Meeting is invited to note the progress in the implementation of …")')
    .addHelpText(
      'after',
      examples(
        'accsm paper --meeting som-21 > paper.md',
        'accsm paper --meeting som-21 --out paper.docx --symbol "ACCSM/SOM/21/DOC/1" --agenda-item 4',
        'accsm paper --plan accsm-2021-2025 --as-of 2024-08-07 --since som-21 --out paper.md --chart figures/status.svg',
      ),
    )
    .action(async (flags: PaperFlags) => {
      ctx.exitCode = await runPaper(ctx, flags);
    });
  return cmd;
}

type OutKind = 'markdown' | 'docx';

function outKind(path: string): OutKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.docx') return 'docx';
  throw new UserError(`--out ${path}: the file name must end in .md (markdown) or .docx (Word)`);
}

async function runPaper(ctx: CommandContext, flags: PaperFlags): Promise<number> {
  const { io } = ctx;
  if (flags.meeting !== undefined && flags.asOf !== undefined) throw new UserError('give either --meeting or --as-of, not both');
  const kind = flags.out === undefined ? 'markdown' : outKind(flags.out);
  if (flags.chart !== undefined && extname(flags.chart).toLowerCase() !== '.svg') throw new UserError(`--chart ${flags.chart}: the file name must end in .svg`);
  const outPath = flags.out === undefined ? undefined : resolve(io.cwd, flags.out);
  const chartPath = flags.chart === undefined ? undefined : resolve(io.cwd, flags.chart);
  if (outPath !== undefined && outPath === chartPath) throw new UserError('--out and --chart name the same file');

  const usable = loadValidData(ctx, flags.data, { plans: flags.plan }, flags, { notes: false });
  if (!usable) return 1;
  const { data } = usable;
  if (flags.meeting !== undefined) meetingValue(flags.meeting, '--meeting', data.meetings.map((m) => m.id));
  const asOf = resolveAsOf(data, flags.meeting ?? flags.asOf ?? today(io));
  // a meeting of one body reports on that body's plans, unless --plan says otherwise
  const plans = flags.plan ?? (flags.meeting !== undefined ? meetingPlans(data, flags.meeting) : undefined);
  const report = computeReport(data, { asOf, plans });
  const progress = progressSince(data, report, flags.since !== undefined ? { since: flags.since } : {});

  // nothing to chart (a body with no projects yet): no chart file, and a note says why
  const chartable = report.plans.some((p) => p.total > 0);
  if (chartPath && !chartable) io.stderr(`accsm: ${flags.chart} not written: no project/activity to chart as of ${dateWords(report.asOf)}\n`);
  // a Word paper carries its chart inside, with or without --chart
  const svg = chartable && (chartPath || kind === 'docx') ? paperChart(report) : undefined;
  // the link as the reader of the paper will follow it: relative to the paper's folder, or as given
  const href = svg === undefined ? undefined : chartPath === undefined ? 'chart.svg' : outPath === undefined ? flags.chart! : slashed(relative(dirname(outPath), chartPath));
  const doc = buildPaper(
    { report, progress },
    {
      ...(href === undefined ? {} : { chart: href }),
      ...(flags.symbol !== undefined ? { symbol: flags.symbol } : {}),
      ...(flags.agendaItem !== undefined ? { agendaItem: flags.agendaItem } : {}),
      ...(flags.recommendation !== undefined ? { recommendation: flags.recommendation } : {}),
    },
  );

  const written: string[] = [];
  if (svg !== undefined && chartPath) {
    writeOut(chartPath, svg, flags.chart!);
    written.push(flags.chart!);
  }
  if (kind === 'docx') {
    const bytes = await paperDocx(doc, svg === undefined ? {} : { chart: { svg, ...(await chartPng(svg)) } });
    writeOut(outPath!, bytes, flags.out!);
    written.push(flags.out!);
  } else if (outPath) {
    writeOut(outPath, paperMarkdown(doc), flags.out!);
    written.push(flags.out!);
  } else {
    io.stdout(paperMarkdown(doc));
  }
  if (written.length) io.stderr(`accsm: wrote ${written.join(' and ')}\n`);
  return usable.finish();
}
