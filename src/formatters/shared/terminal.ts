/**
 * Text from a data file, made inert for a terminal: control characters (C0,
 * DEL, C1) and the bidirectional controls that reorder what a reader sees are
 * shown escaped (\x1b, \t, \u202e), so a file cannot retitle, clear or recolor
 * the reader's terminal, or hide text.
 */
/*
 * escapeControls keeps line feeds and tabs (notes have lines) and CR before LF; escapeTerminal, for a line
 * quoted from a file, escapes those too. inert(formatter) applies escapeControls to a formatter's input
 * before it adds colour of its own.
 */

/** The characters escapeControls shows escaped, as the inside of a character class (C0 but tab and line feed, DEL, C1, bidi overrides); a CR alone, too. */
export const CONTROL_CLASS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';
const CONTROL = new RegExp(`[${CONTROL_CLASS}]|\\r(?!\\n)`, 'g');

const hex = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * What CONTROL may match, a CR with or without a LF after it, as one
 * character class and without the `g` flag: a class tests several times
 * faster than the alternation (and a global pattern's test writes lastIndex),
 * and every string of a large report passes here, most of them with neither.
 */
const MAY_HAVE_CONTROL = new RegExp(`[${CONTROL_CLASS}\\r]`);

/** The text with control characters shown escaped (`\x1b`); line feeds and tabs kept. */
export function escapeControls(text: string): string {
  return MAY_HAVE_CONTROL.test(text) ? text.replace(CONTROL, hex) : text;
}

/** What escapeControls keeps, escaped as well for a one-line excerpt: tab, line feed, CR and the bidi marks. */
// eslint-disable-next-line no-control-regex
const KEPT = /[\t\n\r\u061c\u200e\u200f]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A line quoted from a file, inert for a terminal: every control and bidi character escaped, tab and line breaks too. */
export function escapeTerminal(text: string): string {
  return escapeControls(text).replace(KEPT, (c) => NAMED[c] ?? hex(c));
}

/** What oneLine may change, as one character class: most texts (a file name, a message) have none of these, and pass one test instead of two scans. */
const MAY_BREAK_LINE = new RegExp(`[${CONTROL_CLASS}\\r\\n\\u2028\\u2029]`);

/** The text on one line: control characters escaped, and line breaks (CR, LF, U+2028, U+2029) shown as `\n`. */
export function oneLine(text: string): string {
  return MAY_BREAK_LINE.test(text) ? escapeControls(text).replace(/\r\n|\n|\u2028|\u2029/g, '\\n') : text;
}

/**
 * A copy of a value (a report, a diff, diagnostics) with every string in it,
 * keys too, passed through `escapeControls`. Objects with nothing to escape
 * are returned as they are, so the common case copies nothing. Linear in the
 * size of the value.
 */
export function inertValue<T>(value: T): T {
  return mapStrings(value, escapeControls);
}

/** A copy of a value with `fn` applied to every string in it, keys too; what `fn` leaves alone is not copied. */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  return new StringMapper(fn).walk(value) as T;
}

/** Objects with at most this many members, none of them an object, are walked again where they are met again rather than remembered: cheaper, and still linear. */
const SMALL_LEAF = 8;

class StringMapper {
  /** what each object met so far (shared, or in a cycle) maps to */
  private readonly seen = new Map<object, unknown>();
  /** keys are few and repeat in every row: each is mapped once */
  private readonly keys = new Map<string, string>();

  constructor(private readonly fn: (text: string) => string) {}

  walk(value: unknown): unknown {
    if (typeof value === 'string') return this.fn(value);
    if (value === null || typeof value !== 'object') return value;
    const small = isSmallLeaf(value);
    if (!small) {
      // one lookup, as every object of a large report passes here
      const met = this.seen.get(value);
      if (met !== undefined) return met;
      this.seen.set(value, value);
    }
    const out = this.copy(value);
    if (!small) this.seen.set(value, out);
    return out;
  }

  private key(k: string): string {
    let mapped = this.keys.get(k);
    if (mapped === undefined) this.keys.set(k, (mapped = this.fn(k)));
    return mapped;
  }

  private copy(value: object): unknown {
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        const w = this.walk(v);
        if (w !== v) (copy ??= value.slice())[i] = w;
      }
      return copy ?? value;
    }
    if (value instanceof Map) {
      let changed = false;
      const entries = [...value].map(([k, v]) => {
        const [wk, wv] = [this.walk(k), this.walk(v)];
        changed ||= wk !== k || wv !== v;
        return [wk, wv] as const;
      });
      return changed ? new Map(entries) : value;
    }
    if (value instanceof Set) {
      const original = [...value];
      const items = original.map((v) => this.walk(v));
      return items.some((v, i) => v !== original[i]) ? new Set(items) : value;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const k of Object.keys(record)) {
      const v = record[k];
      const wk = this.key(k);
      const wv = this.walk(v);
      if (wk !== k || wv !== v) {
        copy ??= { ...record };
        if (wk !== k) delete copy[k];
        copy[wk] = wv;
      }
    }
    return copy ?? value;
  }
}

/** An array or plain record of at most SMALL_LEAF members, none of them an object: it cannot hold a cycle, and walking it again costs no more than its size. */
function isSmallLeaf(value: object): boolean {
  if (Array.isArray(value)) {
    if (value.length > SMALL_LEAF) return false;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object') return false;
    }
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  let n = 0;
  for (const k in value) {
    if (++n > SMALL_LEAF) return false;
    const v: unknown = (value as Record<string, unknown>)[k];
    if (v !== null && typeof v === 'object') return false;
  }
  return true;
}

/** A formatter whose input is made inert first: `export const table = inert(layout)`. */
export function inert<D, O extends unknown[], R>(format: (data: D, ...options: O) => R): (data: D, ...options: O) => R {
  return (data, ...options) => format(inertValue(data), ...options);
}

// eslint-disable-next-line no-control-regex
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON text with nothing a terminal would act on: JSON.stringify already
 * escapes C0 controls; DEL, C1 controls, bidi overrides and line separators
 * are written as \uXXXX too. The same JSON value, every character kept.
 */
export function inertJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
