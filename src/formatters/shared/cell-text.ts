/**
 * Cell text for terminal tables: display width, word wrap, truncation, and
 * colour carried across wrapped lines. The rules are cli-table3's (0.6), so
 * the tables look as they did; each runs once per cell, so a table costs time
 * in proportion to its cells. Plain ASCII text, the common case, skips the
 * escape-code and wide-character work.
 */
import stringWidth from 'string-width';

const CODE = /\u001b\[(?:\d*;){0,5}\d*m/g;
const PLAIN = /^[\x20-\x7e\n]*$/;

/** Columns the text takes on a terminal: its widest line, colour codes not counted. */
export function textWidth(text: string): number {
  if (PLAIN.test(text)) return text.includes('\n') ? Math.max(...text.split('\n').map((l) => l.length)) : text.length;
  let widest = 0;
  for (const line of text.replace(CODE, '').split('\n')) widest = Math.max(widest, stringWidth(line));
  return widest;
}

const PLAIN_LINE = /^[\x20-\x7e]*$/;

const length = (word: string) => word.length;

/** Words kept whole, lines broken at white space, a word longer than `max` alone on its line. */
export function wordWrap(max: number, text: string): string[] {
  // one line of plain ASCII that fits, the common case: itself, or nothing when it is only spaces (as the loop below gives)
  if (text.length <= max && PLAIN_LINE.test(text)) return text.trim() === '' ? [] : [text];
  // in plain ASCII a word takes as many columns as it has characters
  const width = PLAIN.test(text) ? length : textWidth;
  const lines: string[] = [];
  for (const input of text.split('\n')) {
    const split = input.split(/(\s+)/g);
    let line = '';
    let taken = 0;
    let space: string | undefined;
    for (let i = 0; i < split.length; i += 2) {
      const word = split[i]!;
      const w = width(word);
      let next = taken + w;
      if (taken > 0 && space) next += space.length;
      if (next > max) {
        if (taken !== 0) lines.push(line);
        line = word;
        taken = w;
      } else {
        line += (space ?? '') + word;
        taken = next;
      }
      space = split[i + 1];
    }
    if (taken) lines.push(line);
  }
  return lines;
}

type State = Record<string, string | boolean>;
const ATTRIBUTES: Record<string, { set: string; to: boolean }> = {};
const SWITCH: Record<string, { on: string; off: string }> = {};
for (const [name, on, off] of [['bold', 1, 22], ['italics', 3, 23], ['underline', 4, 24], ['inverse', 7, 27], ['strikethrough', 9, 29]] as const) {
  ATTRIBUTES[`\u001b[${on}m`] = { set: name, to: true };
  ATTRIBUTES[`\u001b[${off}m`] = { set: name, to: false };
  SWITCH[name] = { on: `\u001b[${on}m`, off: `\u001b[${off}m` };
}

function update(state: State, code: string, params: string | undefined): void {
  const n = params ? parseInt(params.split(';')[0]!, 10) : 0;
  if ((n >= 30 && n <= 39) || (n >= 90 && n <= 97)) state.fg = code;
  else if ((n >= 40 && n <= 49) || (n >= 100 && n <= 107)) state.bg = code;
  else if (n === 0) for (const k of Object.keys(state)) delete state[k];
  else if (ATTRIBUTES[code]) state[ATTRIBUTES[code].set] = ATTRIBUTES[code].to;
}

function read(line: string): State {
  const state: State = {};
  for (const m of line.matchAll(/\u001b\[((?:\d*;){0,5}\d*)m/g)) update(state, m[0], m[1]);
  return state;
}

/** Closes what is still open at the end of a line. */
function unwind(state: State, line: string): string {
  let out = line;
  for (const [k, v] of Object.entries(state)) if (k !== 'fg' && k !== 'bg' && v) out += SWITCH[k]!.off;
  if (state.bg && state.bg !== '\u001b[49m') out += '\u001b[49m';
  if (state.fg && state.fg !== '\u001b[39m') out += '\u001b[39m';
  return out;
}

/** Reopens, at the start of a line, what the line before left open. */
function rewind(state: State, line: string): string {
  let out = line;
  for (const [k, v] of Object.entries(state)) if (k !== 'fg' && k !== 'bg' && v) out = SWITCH[k]!.on + out;
  if (state.bg && state.bg !== '\u001b[49m') out = String(state.bg) + out;
  if (state.fg && state.fg !== '\u001b[39m') out = String(state.fg) + out;
  return out;
}

/** Each line closes its own colours and the next one reopens them, so a border never takes a colour. */
export function colorizeLines(lines: string[]): string[] {
  if (!lines.some((l) => l.includes('\u001b'))) return lines;
  let state: State = {};
  return lines.map((input) => {
    const line = rewind(state, input);
    state = read(line);
    return unwind({ ...state }, line);
  });
}

function cut(text: string, width: number): string {
  if (text.length === textWidth(text)) return text.slice(0, width);
  let out = text;
  while (textWidth(out) > width) out = out.slice(0, -1);
  return out;
}

/** The text cut to `width` columns and ended with "…" when it does not fit; colours closed. */
export function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  const target = width - 1;
  const pieces = text.split(CODE);
  const codes = [...text.matchAll(/\u001b\[((?:\d*;){0,5}\d*)m/g)];
  const state: State = {};
  let out = '';
  let length = 0;
  for (let i = 0; length < target; i++) {
    let piece = pieces[i]!;
    if (length + textWidth(piece) > target) piece = cut(piece, target - length);
    out += piece;
    length += textWidth(piece);
    if (length < target) {
      const code = codes[i];
      if (!code) break;
      out += code[0];
      update(state, code[0], code[1]);
    }
  }
  return `${unwind(state, out)}…`;
}

/** Pads to `width` columns on the side away from the alignment. */
export function pad(text: string, width: number, align: 'left' | 'right'): string {
  const room = Math.max(0, width - textWidth(text));
  return align === 'right' ? ' '.repeat(room) + text : text + ' '.repeat(room);
}
