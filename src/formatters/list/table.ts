/** The project list for a terminal: one table per plan, one line a project (long titles wrap). */
import { Chalk } from 'chalk';
import { statusColor } from '../shared/color.js';
import { ILLUSTRATIVE_MARK_NOTE, PROJECT_COLUMNS, projectCells } from '../shared/rows.js';
import { textTable } from '../shared/table.js';
import { asOfWords, capital, emptyPlanWords, filterWords } from '../shared/words.js';
import type { ProjectList } from '../../core/views.js';
import type { Status } from '../../core/types.js';
import type { FormatOptions } from '../shared/options.js';
import type { ListFormatter } from './types.js';
import { inert } from '../shared/terminal.js';

/** What the table shows, as text before any colour: made inert as a whole, which walks a few strings a project instead of every field of every row. */
interface Shown {
  /** the line when there is no plan to list */
  none: string;
  /** the as-of date and the filters, under each plan's heading */
  asOf: string;
  plans: { heading: string; empty?: string; cells: string[][]; statuses: Status[] }[];
  illustrative: boolean;
}

function shown(list: ProjectList): Shown {
  const filters = filterWords(list.filters);
  return {
    none: `No plan to list ${asOfWords(list)}.`,
    asOf: `${capital(asOfWords(list))}${filters ? `; ${filters}` : ''}`,
    plans: list.plans.map((p) => ({
      heading: `${p.title} (${p.id})`,
      ...(p.projects.length === 0 ? { empty: emptyPlanWords(p, list.filters) } : {}),
      cells: p.projects.map(projectCells),
      statuses: p.projects.map((r) => r.status),
    })),
    illustrative: list.plans.some((p) => p.projects.some((r) => r.illustrative)),
  };
}

const layout = inert((list: Shown, options: FormatOptions) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (list.plans.length === 0) return `${list.none}\n`;
  const out: string[] = [];
  for (const p of list.plans) {
    if (out.length) out.push('');
    out.push(c.bold(p.heading), list.asOf);
    if (p.empty !== undefined) {
      out.push(p.empty);
      continue;
    }
    const widths: Record<string, number> = columnWidths(options.width);
    // below 100 columns the schedule (shown by `accsm show`) makes room for the titles
    const keep = PROJECT_COLUMNS.map((title) => !(title === 'Schedule' && options.width !== undefined && options.width < 100));
    const all = keep.every(Boolean);
    out.push(
      textTable(
        PROJECT_COLUMNS.filter((_, i) => keep[i]).map((title) => ({ title, ...(widths[title] ? { width: widths[title] } : {}) })),
        p.cells.map((plain, y) => {
          let cells = plain;
          if (options.color) {
            cells = [...plain];
            cells[2] = statusColor(c, p.statuses[y]!)(cells[2]!);
            cells[7] = c.yellow(cells[7]!);
          }
          return all ? cells : cells.filter((_, i) => keep[i]);
        }),
        { ascii: options.ascii === true, heading: c.bold },
      ),
    );
  }
  if (list.illustrative) out.push('', c.dim(ILLUSTRATIVE_MARK_NOTE));
  // the final line break from the join itself: one copy of a large list, not two
  out.push('');
  return out.join('\n');
});

export const table: ListFormatter = (list, options) => layout(shown(list), options);

/**
 * Title and priority-area widths (borders and padding included): 42 and 20 on a
 * wide terminal; on a narrower one they share what the other columns leave
 * (about 64 characters, 55 below 100 columns where the schedule is left out),
 * never below 14 and 8.
 */
export function columnWidths(width: number | undefined): Record<string, number> {
  const full = { Title: 42, 'Priority areas': 20 };
  if (width === undefined) return full;
  const available = width - (width < 100 ? 55 : 64);
  if (available >= full.Title + full['Priority areas']) return full;
  const title = Math.max(14, Math.floor((available * 2) / 3));
  return { Title: title, 'Priority areas': Math.max(8, available - title) };
}
