/**
 * A unified diff of two texts, as `diff -u` and `git diff` print it. The edits
 * accsm makes change one contiguous run of lines, so the diff is one hunk: the
 * lines between the longest common start and the longest common end.
 */

interface Line {
  text: string;
  /** false for a last line without a line break */
  eol: boolean;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const endsWithBreak = parts[parts.length - 1] === '';
  if (endsWithBreak) parts.pop();
  return parts.map((t, i) => ({ text: t, eol: i < parts.length - 1 || endsWithBreak }));
}

const same = (a: Line, b: Line) => a.text === b.text && a.eol === b.eol;

function range(start: number, count: number): string {
  // an empty range names the line before it, as diff does
  return `${count === 0 ? start : start + 1},${count}`;
}

/**
 * Unified diff of `before` (null: the file does not exist yet) and `after`,
 * with `context` unchanged lines around the change. Empty when nothing changed.
 */
export function unifiedDiff(before: string | null, after: string, name: string, context = 3): string {
  const a = splitLines(before ?? '');
  const b = splitLines(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix]!, b[prefix]!)) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && same(a[a.length - 1 - suffix]!, b[b.length - 1 - suffix]!)) suffix++;
  if (prefix === a.length && prefix === b.length) return '';
  const start = Math.max(0, prefix - context);
  const aEnd = Math.min(a.length, a.length - suffix + context);
  const bEnd = Math.min(b.length, b.length - suffix + context);
  const out: string[] = [before === null ? '--- /dev/null' : `--- a/${name}`, `+++ b/${name}`];
  out.push(`@@ -${range(start, aEnd - start)} +${range(start, bEnd - start)} @@`);
  const emit = (mark: string, line: Line) => {
    out.push(mark + line.text);
    if (!line.eol) out.push('\\ No newline at end of file');
  };
  for (let i = start; i < prefix; i++) emit(' ', a[i]!);
  for (let i = prefix; i < a.length - suffix; i++) emit('-', a[i]!);
  for (let i = prefix; i < b.length - suffix; i++) emit('+', b[i]!);
  for (let i = a.length - suffix; i < aEnd; i++) emit(' ', a[i]!);
  return `${out.join('\n')}\n`;
}
