/**
 * Id order: numbers inside ids compare as numbers (P2 before P10), letters
 * without regard to case first and lower case first on a tie, as
 * `new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })` orders
 * them. Creating that collator costs about 5 ms at every start (ICU data), a
 * tenth of what a run on the embedded data may cost over `node -e 0`, so ids
 * made of ASCII letters, digits, `-` and `_` (every id the schemas allow) are
 * compared here, and anything else, or the same number written with other
 * leading zeros, by the collator, created on first need.
 */
let collator: Intl.Collator | undefined;

function byCollator(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
  return collator.compare(a, b);
}

/** Primary weight of an id character: _ before - before digits before letters; 0 for any other character. */
function weight(c: number): number {
  if (c >= 97 && c <= 122) return c - 97 + 20;
  if (c >= 65 && c <= 90) return c - 65 + 20;
  if (c === 95) return 1;
  if (c === 45) return 2;
  if (c >= 48 && c <= 57) return 10;
  return 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

export function cmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  // the first difference in case only, which decides when nothing else does
  let caseOrder = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let si = i;
      while (si < a.length && a.charCodeAt(si) === 48) si++;
      let sj = j;
      while (sj < b.length && b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      let ej = sj;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si < ej - sj ? -1 : 1;
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      if (si - i !== sj - j) return byCollator(a, b);
      i = ei;
      j = ej;
      continue;
    }
    const wa = weight(ca);
    const wb = weight(cb);
    if (wa === 0 || wb === 0) return byCollator(a, b);
    if (wa !== wb) return wa < wb ? -1 : 1;
    if (caseOrder === 0 && ca !== cb) caseOrder = ca > cb ? -1 : 1;
    i++;
    j++;
  }
  for (let k = i; k < a.length; k++) if (weight(a.charCodeAt(k)) === 0) return byCollator(a, b);
  for (let k = j; k < b.length; k++) if (weight(b.charCodeAt(k)) === 0) return byCollator(a, b);
  if (i < a.length || j < b.length) return i < a.length ? 1 : -1;
  return caseOrder !== 0 ? caseOrder : byCollator(a, b);
}
