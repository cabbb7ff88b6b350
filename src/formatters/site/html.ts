/**
 * HTML the site's pages are made of. `html` is a tagged template: every value
 * put into it is escaped (through shared/xml.ts, for text and double-quoted
 * attributes alike; control characters and bidi overrides shown escaped
 * through shared/terminal.ts) unless it is itself the result of `html`, so
 * text from the data can only ever be text. Nothing else in the site writes
 * markup from strings.
 */
import { escapeControls } from '../shared/terminal.js';
import { xmlAttr } from '../shared/xml.js';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(v: Value): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  // control characters and bidi overrides shown escaped (\x1b, \u202e), as in every other output
  return xmlAttr(escapeControls(String(v)));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup made elsewhere by a renderer that escapes its own text (the SVG chart). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Items joined by a separator. */
export function join(items: readonly Html[], sep: Html | string = ''): Html {
  return new Html(items.map((i) => i.value).join(sep instanceof Html ? sep.value : render(sep)));
}
