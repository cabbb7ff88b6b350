/** XML escaping the XML formats share (JUnit, the SVG chart). */

/** What XML 1.0 does not allow at all: control characters, lone surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Whether a text may need any change for element text or an attribute: one
 * character class, tested in one pass. Most texts (a file name, a message)
 * need none, and a report on 50,000 files escapes 150,000 of them: the
 * replacements below, eight passes with an alternation and a lookbehind, run
 * only on the texts that have one of these characters.
 */
// eslint-disable-next-line no-control-regex
const MAY_CHANGE = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>"']/;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
export function xmlChars(s: string): string {
  return MAY_CHANGE.test(s) ? s.replace(NOT_XML, '\uFFFD') : s;
}

/** Escapes element text. */
export function xmlText(s: string): string {
  return MAY_CHANGE.test(s) ? s.replace(NOT_XML, '\uFFFD').replace(/[&<>]/g, (c) => ENTITY[c]!) : s;
}

/** Escapes an attribute value (double-quoted); line breaks and tabs are kept as character references. */
export function xmlAttr(s: string): string {
  return MAY_CHANGE.test(s) ? s.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\n\r\t]/g, (c) => ENTITY[c]!) : s;
}

/** A coordinate for SVG: at most two decimals, no trailing zeros. */
export const svgNumber = (x: number): string => String(Math.round(x * 100) / 100);
