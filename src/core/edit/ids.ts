/** Ids for new entries and near matches for mistyped ones. */

/** The project id pattern of the schema; an id is also a file name, so nothing else may pass. */
export const PROJECT_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * The next free id in the pattern the existing ids follow: the most common
 * prefix before a trailing number, one more than its highest number, padded
 * with zeros to the width the ids use (P01…P31 → P32, ACT-7 → ACT-8, none → P01).
 */
export function nextFreeId(existing: readonly string[]): string {
  const groups = new Map<string, { max: number; width: number; count: number }>();
  for (const id of existing) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) continue;
    const prefix = m[1]!;
    const digits = m[2]!;
    const g = groups.get(prefix) ?? { max: 0, width: 1, count: 0 };
    g.max = Math.max(g.max, Number(digits));
    if (digits.startsWith('0') && digits.length > 1) g.width = Math.max(g.width, digits.length);
    g.count++;
    groups.set(prefix, g);
  }
  let best: [string, { max: number; width: number; count: number }] | undefined;
  for (const entry of groups) if (!best || entry[1].count > best[1].count) best = entry;
  const [prefix, group] = best ?? ['P', { max: 0, width: 2, count: 0 }];
  const taken = new Set(existing.map((id) => id.toLowerCase()));
  let n = group.max + 1;
  let id = prefix + String(n).padStart(group.width, '0');
  while (taken.has(id.toLowerCase())) id = prefix + String(++n).padStart(group.width, '0');
  return id;
}
