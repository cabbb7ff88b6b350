/**
 * The folder layout of a data root, written once: meetings.yaml,
 * plans/<plan>/plan.yaml and plans/<plan>/projects/<project>.yaml. Every data
 * source (disk, disk with an overlay, git revision) lists paths; this says
 * what each one is.
 */
import { diag, type RawDiagnostic } from '../raw.js';

export type Place =
  | { kind: 'meetings' }
  | { kind: 'plan'; planId: string; expectedId: string }
  | { kind: 'project'; planId: string; expectedId: string }
  /** a YAML file where accsm reads none: a warning, the file is not read */
  | { kind: 'stray'; diagnostic: RawDiagnostic };

export const isYamlName = (name: string): boolean => name.endsWith('.yaml') || name.endsWith('.yml');

const stray = (message: string): Place => ({ kind: 'stray', diagnostic: diag('file-unexpected', message) });

/** What a file at `rel` (relative to the data root, forward slashes) is; undefined when accsm does not look at it. */
export function classify(rel: string): Place | undefined {
  // where each of the first five segments starts (every file of a root passes here: the path is not split)
  let count = 0;
  const starts = [0, 0, 0, 0, 0];
  for (let at = 0; ; ) {
    // an empty segment, or one that starts with ".", is not looked at
    if (at === rel.length || rel.charCodeAt(at) === 47 || rel.charCodeAt(at) === 46) return undefined;
    if (count === 5) return undefined;
    starts[count++] = at;
    const slash = rel.indexOf('/', at);
    if (slash === -1) break;
    at = slash + 1;
  }
  const name = rel.slice(starts[count - 1]);
  if (count === 1) return name === 'meetings.yaml' ? { kind: 'meetings' } : undefined;
  if (starts[1] !== 6 || !rel.startsWith('plans/')) return undefined;
  if (count === 2) return isYamlName(name) ? stray('plans/ holds one folder per plan; this file is not read. Move it into a plan folder') : undefined;
  const planId = rel.slice(6, starts[2]! - 1);
  if (count === 3) {
    if (name === 'plan.yaml') return { kind: 'plan', planId, expectedId: planId };
    return isYamlName(name) ? stray('a plan folder holds plan.yaml and a projects/ folder; this file is not read. Project files go in projects/') : undefined;
  }
  if (count === 4 && rel.startsWith('projects/', starts[2])) {
    if (isYamlName(name)) return { kind: 'project', planId, expectedId: name.slice(0, name.lastIndexOf('.')) };
    if (isYamlName(name.toLowerCase())) return stray(`project files end in .yaml or .yml in lower case; this file is not read. Rename it to ${name.slice(0, name.lastIndexOf('.'))}.yaml`);
  }
  return undefined;
}

/** The plan folder a path lies in (`plans/<plan>/...`), if any. */
export function planFolderOf(rel: string): string | undefined {
  const seg = rel.split('/');
  return seg.length >= 3 && seg[0] === 'plans' && !seg[1]!.startsWith('.') && seg[1] !== '' ? seg[1] : undefined;
}

/**
 * The order files are listed in: meetings.yaml, then each plan folder by name
 * with its plan.yaml first, other files next and projects/ last.
 */
export function layoutOrder(a: string, b: string): number {
  return segmentOrder(a.split('/'), b.split('/'));
}

/** Paths in layout order, each split once (the comparison is made n log n times). */
export function inLayoutOrder<T extends { rel: string }>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, seg: item.rel.split('/') }));
  keyed.sort((a, b) => segmentOrder(a.seg, b.seg));
  return keyed.map((k) => k.item);
}

function segmentOrder(x: readonly string[], y: readonly string[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    if (i === 2 && x[0] === 'plans') {
      const r = rank(x[i]!) - rank(y[i]!);
      if (r !== 0) return r;
    }
    return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

const rank = (s: string) => (s === 'plan.yaml' ? 0 : s === 'projects' ? 2 : 1);
