/**
 * Text from a data file, made inert for a terminal: control characters (C0,
 * DEL, C1) and the bidirectional controls that reorder what a reader sees are
 * shown escaped (\x1b, \t, \u202e), so a file cannot retitle, clear or recolor
 * the reader's terminal, or hide text.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
