/**
 * One record per plan × point: plan,point,as_of,meeting, the count of each
 * status, total, implemented, implemented_percent, elapsed_percent, verdict
 * (empty when the report gives none). RFC 4180, CRLF line ends.
 */
import { csvDocument, type CsvValue } from '../shared/csv.js';
import { STATUS_ORDER } from '../shared/words.js';
import { verdictOf } from './rows.js';
import type { OverFormatter } from './types.js';

export const OVER_CSV_HEADER = ['plan', 'point', 'as_of', 'meeting', ...STATUS_ORDER, 'total', 'implemented', 'implemented_percent', 'elapsed_percent', 'verdict'] as const;

export const csv: OverFormatter = (over) => {
  const rows: CsvValue[][] = [];
  for (const plan of over.plans) {
    for (const pt of plan.points) {
      const p = pt.plan;
      rows.push([plan.id, pt.label, pt.asOf, pt.meeting?.id, ...STATUS_ORDER.map((s) => p.counts[s]), p.total, p.implemented, p.implementedPercent, p.elapsedPercent, verdictOf(p)]);
    }
  }
  return csvDocument(OVER_CSV_HEADER, rows);
};
