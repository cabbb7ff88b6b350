/**
 * Line structure in documents (markdown, docx): a name or a title from the
 * data is one line. A line break inside it (CR, LF, U+2028, U+2029) would
 * start a heading, a list item or a paragraph of its own, so it becomes one
 * space; control characters are shown escaped (terminal.ts).
 */
import { CONTROL_CLASS, escapeControls, mapStrings } from './terminal.js';

const BREAK = /[\r\n\u2028\u2029]/;
/** What flatText may change, a control character or a line break, in one character class (tested several times faster than an alternation). */
const CONTROL_OR_BREAK = new RegExp(`[${CONTROL_CLASS}\\r\\n\\u2028\\u2029]`);

/** The text on one line: line breaks at either end dropped, the others one space each. */
export function flattenLines(text: string): string {
  // most texts have no line break: nothing to replace (every cell of a paper's tables passes here)
  if (!BREAK.test(text)) return text;
  return text.replace(/^[\r\n\u2028\u2029]+|[\r\n\u2028\u2029]+$/g, '').replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** The text on one line with its control characters escaped; one test finds that most texts need neither. */
export function flatText(text: string): string {
  return CONTROL_OR_BREAK.test(text) ? flattenLines(escapeControls(text)) : text;
}

/** A copy of a document model with every string flattened and its control characters escaped. */
export function flatValue<T>(value: T): T {
  return mapStrings(value, flatText);
}
