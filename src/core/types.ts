/** The data model of an accsm data root, as read from its YAML files. */

export const STATUSES = ['planned', 'ongoing', 'completed', 'postponed', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** The order statuses are shown in, in every format and in core: done first, then under way, then the rest. */
export const STATUS_ORDER: readonly Status[] = ['completed', 'ongoing', 'planned', 'postponed', 'cancelled'];

export const BODIES = ['ACCSM', 'ACCSM+3'] as const;
export type Body = (typeof BODIES)[number];

export interface Meeting {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM-DD, last day of a meeting that ran over several days */
  end?: string;
  body?: Body;
  host?: string;
  note?: string;
  source?: string;
  illustrative?: boolean;
}

export interface PriorityArea {
  id: string;
  title: string;
  description?: string;
}

export interface Plan {
  id: string;
  body: Body;
  title: string;
  period: { start: number; end: number };
  goal?: string;
  priority_areas: PriorityArea[];
  enablers?: string[];
  note?: string;
  source?: string;
  illustrative?: boolean;
}

export interface StatusEntry {
  /** YYYY-MM-DD */
  date: string;
  status: Status;
  meeting?: string;
  note?: string;
  source?: string;
}

export interface Project {
  id: string;
  title: string;
  priority_areas: string[];
  lead: string[];
  partners?: string[];
  /** YYYY or YYYY-MM */
  schedule?: { start: string; end: string };
  /** the project of an earlier plan this one continues (accsm plan carry-over) */
  carried_from?: { plan: string; id: string };
  status: StatusEntry[];
  note?: string;
  source?: string;
  illustrative?: boolean;
}

/** A project together with the file it was read from. */
export interface ProjectRecord {
  project: Project;
  /** absolute path of the project file */
  file: string;
}

export interface PlanRecord {
  plan: Plan;
  /** absolute path of plan.yaml */
  file: string;
  /** projects whose files passed the schema, sorted by id */
  projects: ProjectRecord[];
}

/** Everything in a data root that passed the schema checks. */
export interface DataSet {
  /** absolute path of the data root */
  root: string;
  meetings: Meeting[];
  /** absolute path of meetings.yaml, when present */
  meetingsFile?: string;
  /** plans sorted by id */
  plans: PlanRecord[];
}
