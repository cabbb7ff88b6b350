/** "Did you mean": the one place that ranks words close to a misspelt one (schema keys and values, rule references, ids on the command line). */
import { cmp } from './order.js';

/**
 * Edit distance: insertions, deletions and substitutions of one character
 * each. With `cap`, the work is bounded: only a band of 2·cap+1 cells per row
 * is computed (O(length × cap), not O(length²)), and any distance over the
 * cap comes back as cap + 1, at once when the lengths alone differ by more.
 */
/** What the distances computed: the cells of the table (`work` in the functions below; the tests count them to hold them linear). */
export interface Work {
  cells: number;
}

export function levenshtein(a: string, b: string, cap = Infinity, work?: Work): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const band = Math.min(cap, Math.max(a.length, b.length));
  const over = band + 1;
  // row[j] for j in [i - band, i + band]; cells outside the band count as over the cap
  let [prev, row] = rows(b.length + 1);
  prev.fill(over, 0, b.length + 1);
  for (let j = 0; j <= Math.min(band, b.length); j++) prev[j] = j;
  row.fill(over, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    row.fill(over, Math.max(0, from - 1), Math.min(b.length, to + 1) + 1);
    row[0] = i <= band ? i : over;
    let least = row[0];
    if (work) work.cells += Math.max(0, to - from + 1);
    for (let j = from; j <= to; j++) {
      const d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row[j] = Math.min(d, over);
      if (row[j]! < least) least = row[j]!;
    }
    if (least > band) return cap + 1;
    [prev, row] = [row, prev];
  }
  return Math.min(prev[b.length]!, over) > band ? cap + 1 : prev[b.length]!;
}

/** Two rows of at least `length` cells, kept between calls: a file of 50,000 unknown keys asks for half a million distances, and two new arrays for each were most of their time. */
let scratch: [Float64Array, Float64Array] = [new Float64Array(64), new Float64Array(64)];
function rows(length: number): [Float64Array, Float64Array] {
  if (scratch[0].length < length) scratch = [new Float64Array(length), new Float64Array(length)];
  return [scratch[0], scratch[1]];
}

/** The closest allowed word, when it is close enough to be a likely typo. */
export function suggest(word: string, allowed: readonly string[], work?: Work): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of allowed) {
    // no suggestion is ever more than 3 edits away, so no distance past 3 is worth computing
    const d = levenshtein(lower, candidate.toLowerCase(), 3, work);
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
export function nearMatches(word: string, candidates: readonly string[], max = 5, work?: Work): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/\d+/g, (n) => String(Number(n)));
  const w = word.toLowerCase();
  const scored: { id: string; score: number }[] = [];
  for (const id of new Set(candidates)) {
    const c = id.toLowerCase();
    const limit = Math.max(1, Math.min(3, Math.floor(c.length / 3)));
    if (norm(id) === norm(word)) scored.push({ id, score: -1000 });
    // the distance to a word that contains w is the number of letters around it
    else if (w && c.includes(w)) scored.push({ id, score: c.length - w.length - 100 });
    else {
      const d = levenshtein(w, c, limit, work);
      if (d <= limit) scored.push({ id, score: d });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || cmp(a.id, b.id))
    .slice(0, max)
    .map((s) => s.id);
}
