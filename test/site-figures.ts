/** What the site tests compare a page's tables with: a plan of `report --format json`, and the rows its tables should have. */
export interface PlanJson {
  id: string;
  total: number;
  counts: Record<string, number>;
  percents: Record<string, number>;
  implemented: number;
  implementedPercent: number;
  elapsedPercent: number;
  verdict?: string;
  byPriorityArea: GroupJson[];
  byLead: GroupJson[];
}

export interface GroupJson {
  title?: string;
  code?: string;
  total: number;
  counts: Record<string, number>;
  implemented: number;
  implementedPercent: number;
}

export const STATUS_ORDER = ['completed', 'ongoing', 'planned', 'postponed', 'cancelled'];

/** A group table's cells after the group's name: total, each status, completed or ongoing. */
export const groupRow = (g: GroupJson): string[] => [String(g.total), ...STATUS_ORDER.map((s) => String(g.counts[s])), `${g.implemented} (${g.implementedPercent}%)`];

/** The status table's rows: each status with its count and share, then the total. */
export const statusTableRows = (p: PlanJson): string[][] => [...STATUS_ORDER.map((s) => [s[0]!.toUpperCase() + s.slice(1), String(p.counts[s]), `${p.percents[s]}%`]), ['Total', String(p.total), '']];
