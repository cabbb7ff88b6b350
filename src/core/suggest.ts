/** "Did you mean": the one place that ranks words close to a misspelt one (schema keys and values, rule references, ids on the command line). */
import { cmp } from './order.js';

/** Edit distance: insertions, deletions and substitutions of one character each. */
export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The closest allowed word, when it is close enough to be a likely typo. */
export function suggest(word: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  if (best === undefined) return undefined;
  const limit = best.length <= 3 ? 1 : best.length <= 6 ? 2 : 3;
  return bestDistance <= limit && bestDistance < word.length ? best : undefined;
}

/**
 * Ids close to `word`, best first, at most `max`: the same id but for case or
 * leading zeros (P1 → P01), then ids it starts or is part of, or that are a
 * small edit away.
 */
export function nearMatches(word: string, candidates: readonly string[], max = 5): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/\d+/g, (n) => String(Number(n)));
  const w = word.toLowerCase();
  const scored: { id: string; score: number }[] = [];
  for (const id of new Set(candidates)) {
    const c = id.toLowerCase();
    const d = levenshtein(w, c);
    const limit = Math.max(1, Math.min(3, Math.floor(c.length / 3)));
    if (norm(id) === norm(word)) scored.push({ id, score: -1000 });
    else if (w && (c.startsWith(w) || c.includes(w))) scored.push({ id, score: d - 100 });
    else if (d <= limit) scored.push({ id, score: d });
  }
  return scored
    .sort((a, b) => a.score - b.score || cmp(a.id, b.id))
    .slice(0, max)
    .map((s) => s.id);
}
