/**
 * The content of a diff as headings and lines, once, so that text and markdown
 * differ only in layout. Nothing here counts: the figures come from the Diff.
 */
import type { Diff, DiffSide, ItemChange, PlanDiff } from '../../core/diff.js';
import { fieldWords, hasHeadline, headlineChangeWords, plural, statusChangeWords, unreadableWords } from './words.js';

export interface OutlineLine {
  /** the project, area or meeting the line is about */
  id?: string;
  text: string;
  /** a title shown after the text (projects added or removed) */
  title?: string;
}

export interface OutlineSection {
  heading: string;
  lines: OutlineLine[];
}

export interface OutlineBlock {
  heading: string;
  /** plan id, shown next to the heading */
  id?: string;
  intro?: string;
  sections: OutlineSection[];
}

export interface Outline {
  /** one line per plan with projects: "Title: 11 of 31 → 12 of 31 completed or ongoing (35% → 39%)" */
  headlines: { title: string; id: string; text: string }[];
  blocks: OutlineBlock[];
  /** validation problems and notes about either side */
  warnings: string[];
}

function sideWarnings(role: 'base' | 'head', side: DiffSide): string[] {
  const out: string[] = [];
  const name = `${role === 'base' ? 'The base' : 'The head'} (${side.label})`;
  if (side.errors > 0)
    out.push(`${name} has ${plural(side.errors, 'validation error')}: files that fail their schema are left out of this comparison. Run accsm validate to see them.`);
  if (side.note) out.push(`${name}: ${side.note}`);
  return out;
}

function itemLine(item: ItemChange, what: string): OutlineLine {
  const dated = item.date ? ` (${item.date})` : '';
  if (item.kind === 'added') return { id: item.id, text: `${what} added${dated}`, title: item.title };
  if (item.kind === 'removed') return { id: item.id, text: `${what} removed${dated}`, title: item.title };
  return { id: item.id, text: item.fields.map(fieldWords).join('; ') };
}

function planBlock(plan: PlanDiff, asOf: string): OutlineBlock {
  const sections: OutlineSection[] = [];
  const add = (heading: string, lines: OutlineLine[]) => {
    if (lines.length) sections.push({ heading, lines });
  };
  add('Status changes', plan.projectsChanged.flatMap((p) => p.statusChanges.map((c) => ({ id: p.id, text: statusChangeWords(c) + (c.kind === 'added' && c.date > asOf ? `; dated after ${asOf}, so not counted yet` : '') }))));
  add('Projects added', plan.projectsAdded.map((p) => ({ id: p.id, text: `${p.status} since ${p.since}`, title: p.title })));
  add('Projects removed', plan.projectsRemoved.map((p) => ({ id: p.id, text: `was ${p.status} since ${p.since}`, title: p.title })));
  add('Not readable (errors)', plan.projectsUnreadable.map((p) => ({ id: p.id, text: unreadableWords(p), title: p.title })));
  add('Other project changes', plan.projectsChanged.filter((p) => p.fields.length).map((p) => ({ id: p.id, text: p.fields.map(fieldWords).join('; ') })));
  add('Plan changes', plan.fields.map((f) => ({ text: fieldWords(f) })));
  add('Priority areas', plan.areas.map((a) => itemLine(a, 'area')));
  const intro =
    plan.kind === 'added'
      ? 'New plan.'
      : plan.kind === 'removed'
        ? 'Plan removed.'
        : plan.kind === 'unreadable'
          ? `Its plan.yaml is not readable (errors) in the ${plan.headline.after ? 'base' : 'head'} version, so the plan is neither added nor removed: run accsm validate.`
          : undefined;
  return { heading: plan.title, id: plan.id, ...(intro ? { intro } : {}), sections };
}

export function outline(diff: Diff): Outline {
  const blocks = diff.plans.filter((p) => p.kind !== 'unchanged').map((p) => planBlock(p, diff.asOf));
  if (diff.meetings.length) blocks.push({ heading: 'Meetings', sections: [{ heading: 'Meetings', lines: diff.meetings.map((m) => itemLine(m, 'meeting')) }] });
  return {
    headlines: diff.plans.filter(hasHeadline).map((p) => ({ title: p.title, id: p.id, text: headlineChangeWords(p.headline) })),
    blocks,
    warnings: [...sideWarnings('base', diff.base), ...sideWarnings('head', diff.head)],
  };
}
