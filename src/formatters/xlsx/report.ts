/**
 * The report and the project list as workbooks: the same tables as the other
 * formats, one sheet each (Summary, Status, By priority area, By lead,
 * Projects), with a Plan column so several plans stack in one table. Counts
 * are number cells, percentages are the report's own (percent()) as
 * fractions formatted 0%, dates are date cells. Nothing is counted here.
 */
import type { Workbook } from 'exceljs';
import type { GroupFigures, PlanReport, ProjectRow, Report } from '../../core/report.js';
import type { ProjectList } from '../../core/views.js';
import { STATUS_ORDER, capital } from '../shared/words.js';
import { DATE_FORMAT, PERCENT_FORMAT, dateCell, describeWorkbook, layOutTable, loadExcelJs, textCell, workbookBytes, type TableColumn } from './excel.js';

type Value = string | number | boolean | Date | null;

interface Table {
  sheet: string;
  columns: TableColumn[];
  rows: Value[][];
}

const pct = (n: number) => n / 100;
const plan: TableColumn = { header: 'Plan', width: 18 };
const num = (header: string, width = 11): TableColumn => ({ header, width });
const percentCol = (header: string, width = 11): TableColumn => ({ header, width, numFmt: PERCENT_FORMAT });
const dateCol = (header: string): TableColumn => ({ header, width: 12, numFmt: DATE_FORMAT });

function groupColumns(name: TableColumn): TableColumn[] {
  return [plan, name, num('Total'), ...STATUS_ORDER.flatMap((s) => [num(capital(s)), percentCol(`${capital(s)} %`)]), num('Completed or ongoing', 13), percentCol('Completed or ongoing %', 13)];
}

function groupValues(g: GroupFigures): Value[] {
  return [g.total, ...STATUS_ORDER.flatMap((s) => [g.counts[s], pct(g.percents[s])]), g.implemented, pct(g.implementedPercent)];
}

const PROJECT_COLUMNS: TableColumn[] = [
  plan, { header: 'ID', width: 8 }, { header: 'Title', width: 50 }, { header: 'Status', width: 11 }, dateCol('Since'), { header: 'Meeting', width: 12 },
  { header: 'Priority areas', width: 24 }, { header: 'Lead', width: 10 }, { header: 'Partners', width: 12 }, { header: 'Schedule start', width: 10 }, { header: 'Schedule end', width: 10 },
  { header: 'Overdue', width: 9 }, { header: 'Late start', width: 9 }, { header: 'Illustrative', width: 11 },
];

function projectValues(planId: string, r: ProjectRow): Value[] {
  return [
    planId, textCell(r.id), textCell(r.title), r.status, dateCell(r.since), textCell(r.meeting), textCell(r.priority_areas.join('; ')), textCell(r.lead.join('; ')),
    textCell(r.partners.join('; ')), textCell(r.schedule?.start), textCell(r.schedule?.end), r.overdue, r.lateStart, r.illustrative,
  ];
}

function summaryTable(report: Report): Table {
  return {
    sheet: 'Summary',
    columns: [
      plan, { header: 'Title', width: 36 }, dateCol('As of'), num('Projects'), num('Completed or ongoing', 13), percentCol('Completed or ongoing %', 13), percentCol('Period elapsed %', 11),
      { header: 'Projected completion', width: 12 }, { header: 'On schedule', width: 10 }, dateCol('Last updated'), num('Overdue'), num('Late start'), num('Illustrative'),
    ],
    rows: report.plans.map((p: PlanReport) => [
      p.id, textCell(p.title), dateCell(p.asOf), p.total, p.implemented, pct(p.implementedPercent), pct(p.elapsedPercent),
      p.projectedCompletion, p.projectedOnSchedule, dateCell(p.lastUpdated ?? undefined), p.overdue.length, p.lateStart.length, p.illustrative,
    ]),
  };
}

function reportTables(report: Report): Table[] {
  return [
    summaryTable(report),
    {
      sheet: 'Status',
      columns: [plan, { header: 'Status', width: 12 }, num('Projects'), percentCol('%', 8)],
      rows: report.plans.flatMap((p) => STATUS_ORDER.map((s) => [p.id, s, p.counts[s], pct(p.percents[s])])),
    },
    { sheet: 'By priority area', columns: groupColumns({ header: 'Priority area', width: 40 }), rows: report.plans.flatMap((p) => p.byPriorityArea.map((a) => [p.id, textCell(a.title), ...groupValues(a)])) },
    { sheet: 'By lead', columns: groupColumns({ header: 'Lead', width: 8 }), rows: report.plans.flatMap((p) => p.byLead.map((l) => [p.id, l.code, ...groupValues(l)])) },
    { sheet: 'Projects', columns: PROJECT_COLUMNS, rows: report.plans.flatMap((p) => p.projects.map((r) => projectValues(p.id, r))) },
  ];
}

function addTable(wb: Workbook, t: Table, header: string): void {
  const ws = wb.addWorksheet(t.sheet);
  layOutTable(ws, 1, t.columns, t.rows.length);
  t.rows.forEach((values, i) => {
    ws.getRow(i + 2).values = values;
  });
  ws.headerFooter = { oddHeader: `&L${header.replace(/&/g, '&&')}&R&A`, oddFooter: '&LMade by accsm&RPage &P of &N' };
}

function asOfHeader(asOf: string, meeting?: Report['meeting']): string {
  return meeting ? `as of ${asOf} (${meeting.name})` : `as of ${asOf}`;
}

export async function reportWorkbook(report: Report, options: { created: string }): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const header = `Work plan report ${asOfHeader(report.asOf, report.meeting)}`;
  describeWorkbook(wb, header, options.created);
  for (const t of reportTables(report)) addTable(wb, t, header);
  return workbookBytes(wb);
}

export async function listWorkbook(list: ProjectList, options: { created: string }): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const header = `Projects ${asOfHeader(list.asOf, list.meeting)}`;
  describeWorkbook(wb, header, options.created);
  addTable(wb, { sheet: 'Projects', columns: PROJECT_COLUMNS, rows: list.plans.flatMap((p) => p.projects.map((r) => projectValues(p.id, r))) }, header);
  return workbookBytes(wb);
}
