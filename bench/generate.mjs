// Deterministic generator of synthetic accsm data roots for the benchmark.
//
//   node bench/generate.mjs --projects 10000 --out bench/out/data-10000 [--seed 7]
//
// The same (projects, seed) always gives byte-identical files. The data is
// valid: `accsm validate` reports no errors and no warnings when "today" is on
// or after GENERATED_UNTIL. Every date is quoted ('2022-08-03'), so that
// ajv-cli, which reads YAML with js-yaml 3 and would turn an unquoted date into
// a Date object, sees the same strings as accsm and validates the files too.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 7;
/** No generated date is after this day. */
export const GENERATED_UNTIL = '2025-12-31';
/** Projects per plan, roughly: 10,000 projects make 50 plans. */
export const PROJECTS_PER_PLAN = 200;

const FIRST_YEAR = 2001;
const LAST_YEAR = 2025;
const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'];
const PLUS_THREE = ['CN', 'JP', 'KR'];
const AREAS = [
  ['competencies', 'Enhancing workforce competencies and standards in the public sectors'],
  ['institutions', 'Building institutional capacities'],
  ['leadership', 'Transformative leadership'],
  ['resource-centres', 'Strengthening ASEAN Resource Centres'],
  ['reform', 'Public sector reform and modernisation'],
  ['digital', 'Digital government and e-services'],
  ['wellbeing', 'Well-being and work-life balance in the public sector'],
  ['integrity', 'Integrity and anti-corruption in the civil service'],
];
const ACTIVITY = ['Regional workshop on', 'Study on', 'Training programme on', 'Exchange visit on', 'Policy dialogue on', 'Handbook on', 'Webinar series on', 'Survey of', 'Peer review of', 'Toolkit for'];
const TOPIC = [
  'competency frameworks',
  'performance management',
  'digital skills for civil servants',
  'public service innovation',
  'mental health in the workplace',
  'merit-based recruitment',
  'leadership development',
  'citizen-centric service delivery',
  'records management',
  'knowledge management',
  'talent mobility',
  'e-learning platforms',
  'gender mainstreaming',
  'regulatory quality',
  'civil service statistics',
];
const NOTE_WORDS =
  'the focal points agreed the terms of reference and the host will circulate a concept note before the next meeting while member states confirmed their participants and the secretariat noted progress on the draft report with comments due within six weeks'.split(
    ' ',
  );

/** mulberry32: a small, fast, seeded PRNG; returns numbers in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w) => String(n).padStart(w, '0');
const iso = (day) => new Date(day * 86400000).toISOString().slice(0, 10);
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / 86400000;

/** Folded block scalar (`>-`) wrapped at about 76 columns, indented under its key. */
function folded(text, indent) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > 76 - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return `>-\n${lines.map((l) => ' '.repeat(indent) + l).join('\n')}`;
}

/** The meetings: every year an ACCSM SOM, an ACCSM+3 SOM, a Heads of Civil Service meeting and a mid-year SOM. */
function makeMeetings(rand) {
  const meetings = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    const host = ASEAN[(y - FIRST_YEAR) % ASEAN.length];
    const mid = dayOf(y, 2, 1) + Math.floor(rand() * 60);
    const som = dayOf(y, 7, 20) + Math.floor(rand() * 30);
    meetings.push({ id: `som-${y}-mid`, name: `ACCSM mid-year Senior Officials Meeting ${y}`, day: mid, body: 'ACCSM', host });
    meetings.push({ id: `som-${y}`, name: `ACCSM Senior Officials Meeting ${y}`, day: som, body: 'ACCSM', host });
    meetings.push({ id: `som3-${y}`, name: `ACCSM+3 Senior Officials Meeting ${y}`, day: som, body: 'ACCSM+3', host });
    meetings.push({ id: `hcs-${y}`, name: `ACCSM Heads of Civil Service Meeting ${y}`, day: som + 2, end: som + 3, body: 'ACCSM', host });
  }
  return meetings;
}

function meetingsYaml(meetings) {
  const out = ['# yaml-language-server: $schema=../schemas/meetings.schema.json', '# Synthetic benchmark data (bench/generate.mjs); not the public record.', ''];
  for (const m of meetings) {
    out.push(`- id: ${m.id}`, `  name: ${m.name}`, `  date: '${iso(m.day)}'`);
    if (m.end !== undefined) out.push(`  end: '${iso(m.end)}'`);
    out.push(`  body: ${m.body}`, `  host: ${m.host}`, `  illustrative: true`, '');
  }
  return out.join('\n');
}

const NEXT = {
  planned: [['ongoing', 0.6], ['planned', 0.2], ['postponed', 0.15], ['cancelled', 0.05]],
  ongoing: [['completed', 0.5], ['ongoing', 0.35], ['postponed', 0.15]],
  postponed: [['ongoing', 0.5], ['planned', 0.3], ['cancelled', 0.2]],
  completed: [['completed', 1]],
  cancelled: [],
};

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function weighted(rand, choices) {
  let r = rand();
  for (const [value, w] of choices) {
    if ((r -= w) < 0) return value;
  }
  return choices[choices.length - 1][0];
}

function sentence(rand, min, max) {
  const n = min + Math.floor(rand() * (max - min + 1));
  const words = [];
  let i = Math.floor(rand() * NOTE_WORDS.length);
  for (let k = 0; k < n; k++) words.push(NOTE_WORDS[(i + k) % NOTE_WORDS.length]);
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

function codes(rand, pool, count, not = []) {
  const out = [];
  while (out.length < count) {
    const c = pick(rand, pool);
    if (!out.includes(c) && !not.includes(c)) out.push(c);
  }
  return out;
}

function projectYaml(rand, id, plan, meetings) {
  const out = ['# yaml-language-server: $schema=../../../../schemas/project.schema.json', `id: ${id}`];
  out.push(`title: ${pick(rand, ACTIVITY)} ${pick(rand, TOPIC)} (${id}, synthetic)`);
  const areas = codes(rand, plan.areas.map((a) => a[0]), rand() < 0.75 ? 1 : 2);
  out.push('priority_areas:', ...areas.map((a) => `  - ${a}`));
  const pool = plan.body === 'ACCSM' ? [...ASEAN, 'ASEC'] : [...ASEAN, ...PLUS_THREE, 'ASEC'];
  const lead = codes(rand, pool, rand() < 0.8 ? 1 : 2);
  out.push('lead:', ...lead.map((c) => `  - ${c}`));
  if (rand() < 0.3) out.push('partners:', ...codes(rand, pool, 1 + Math.floor(rand() * 3), lead).map((c) => `  - ${c}`));
  const span = plan.end - plan.start + 1;
  if (rand() < 0.6) {
    const s = Math.floor(rand() * span * 12);
    const e = Math.min(span * 12 - 1, s + 3 + Math.floor(rand() * 30));
    const ym = (m) => `${plan.start + Math.floor(m / 12)}-${pad((m % 12) + 1, 2)}`;
    const y = (m) => `${plan.start + Math.floor(m / 12)}`;
    const byYear = rand() < 0.3;
    out.push('schedule:', `  start: '${byYear ? y(s) : ym(s)}'`, `  end: '${byYear ? y(e) : ym(e)}'`);
  }
  // status history: 1 to 5 entries on distinct days inside the period; about half on a meeting's day, naming it
  const first = dayOf(plan.start, 1, 1);
  const last = dayOf(plan.end, 12, 31);
  const inPeriod = meetings.filter((m) => m.day >= first && m.day <= last);
  const n = 1 + Math.floor(rand() * rand() * 5);
  const entries = new Map();
  while (entries.size < n) {
    if (rand() < 0.5 && inPeriod.length) {
      const m = pick(rand, inPeriod);
      entries.set(m.day, m.id);
    } else {
      const day = first + Math.floor(rand() * (last - first + 1));
      if (!entries.has(day)) entries.set(day, undefined);
    }
  }
  out.push('status:');
  let status = rand() < 0.8 ? 'planned' : 'ongoing';
  const days = [...entries.keys()].sort((a, b) => a - b);
  for (let i = 0; i < days.length; i++) {
    if (i > 0) {
      const next = NEXT[status];
      if (next.length === 0) break;
      status = weighted(rand, next);
    }
    out.push(`  - date: '${iso(days[i])}'`, `    status: ${status}`);
    const meeting = entries.get(days[i]);
    if (meeting) out.push(`    meeting: ${meeting}`);
    if (rand() < 0.4) out.push(`    note: ${folded(sentence(rand, 6, 30), 6)}`);
  }
  if (rand() < 0.5) out.push(`note: ${folded(sentence(rand, 10, 45), 2)}`);
  out.push('source: Synthetic benchmark data (bench/generate.mjs)', 'illustrative: true', '');
  return out.join('\n');
}

function planYaml(rand, plan) {
  const out = ['# yaml-language-server: $schema=../../schemas/plan.schema.json', `id: ${plan.id}`, `body: ${plan.body}`, `title: ${plan.title}`, 'period:', `  start: ${plan.start}`, `  end: ${plan.end}`];
  out.push(`goal: ${folded(sentence(rand, 12, 24), 2)}`);
  out.push('priority_areas:');
  for (const [id, title] of plan.areas) out.push(`  - id: ${id}`, `    title: ${title}`);
  out.push('enablers:', '  - Good governance', '  - Digitalization');
  out.push('source: Synthetic benchmark data (bench/generate.mjs)', 'illustrative: true', '');
  return out.join('\n');
}

/**
 * The files of a data root with `projects` projects, as [relative path, text]
 * pairs in a fixed order. Pure: the same arguments give the same files.
 */
export function generateFiles({ projects, seed = DEFAULT_SEED }) {
  if (!Number.isInteger(projects) || projects < 0) throw new Error(`projects must be a whole number, not ${projects}`);
  const rand = prng(seed);
  const meetings = makeMeetings(rand);
  const files = [['meetings.yaml', meetingsYaml(meetings)]];
  const planCount = Math.max(3, Math.round(projects / PROJECTS_PER_PLAN));
  const windows = [];
  for (let y = FIRST_YEAR; y + 4 <= LAST_YEAR; y += 5) windows.push(y);
  // project ids are unique across the data root: numbered on from plan to plan
  const width = Math.max(3, String(projects).length);
  let next = 1;
  for (let p = 0; p < planCount; p++) {
    const start = windows[p % windows.length];
    const body = p % 3 === 2 ? 'ACCSM+3' : 'ACCSM';
    const areaCount = 3 + Math.floor(rand() * (AREAS.length - 2));
    const offset = Math.floor(rand() * AREAS.length);
    const areas = Array.from({ length: areaCount }, (_, i) => AREAS[(offset + i) % AREAS.length]);
    const id = `${body === 'ACCSM' ? 'accsm' : 'accsm-plus-3'}-${start}-${start + 4}-${pad(p + 1, 3)}`;
    const plan = { id, body, start, end: start + 4, areas, title: `${body} Work Plan ${start}-${start + 4} (synthetic ${p + 1})` };
    files.push([`plans/${id}/plan.yaml`, planYaml(rand, plan)]);
    // projects spread evenly: the first (projects % planCount) plans get one more
    const count = Math.floor(projects / planCount) + (p < projects % planCount ? 1 : 0);
    for (let i = 1; i <= count; i++) {
      const pid = `P${pad(next++, width)}`;
      files.push([`plans/${id}/projects/${pid}.yaml`, projectYaml(rand, pid, plan, meetings)]);
    }
  }
  return files;
}

/**
 * Writes a data root into `dir` (emptied first). A stamp file records what
 * was generated, so `ensureRoot` can skip the work when it is already there.
 */
export function writeRoot(dir, { projects, seed = DEFAULT_SEED }) {
  rmSync(dir, { recursive: true, force: true });
  const made = new Set();
  for (const [rel, text] of generateFiles({ projects, seed })) {
    const path = join(dir, rel);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path, text);
  }
  writeFileSync(join(dir, '.generated.json'), `${JSON.stringify(stamp(projects, seed))}\n`);
  return dir;
}

function stamp(projects, seed) {
  return { generator: GENERATOR_VERSION, projects, seed };
}

/** Generates the root unless the same one is already in `dir`; returns whether it wrote. */
export function ensureRoot(dir, { projects, seed = DEFAULT_SEED }) {
  const file = join(dir, '.generated.json');
  if (existsSync(file)) {
    try {
      if (readFileSync(file, 'utf8').trim() === JSON.stringify(stamp(projects, seed))) return false;
    } catch {
      // regenerate
    }
  }
  writeRoot(dir, { projects, seed });
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.length % 2 !== 0 || args.some((a, i) => i % 2 === 0 && !['--projects', '--seed', '--out'].includes(a))) {
    process.stderr.write('usage: node bench/generate.mjs [--projects 1000] [--seed 7] [--out bench/out/data-<projects>]\n');
    process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
  }
  const get = (name) => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  const projects = Number(get('--projects') ?? 1000);
  const seed = Number(get('--seed') ?? DEFAULT_SEED);
  const out = resolve(get('--out') ?? `bench/out/data-${projects}`);
  writeRoot(out, { projects, seed });
  process.stderr.write(`wrote ${projects} projects to ${out}\n`);
}
