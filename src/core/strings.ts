/**
 * Strings kept from a file's data without keeping the file's text: V8 makes a
 * slice of 13 characters or more a view of the whole text it was cut from.
 */

/** Short strings are copies already; a longer one may be a slice of its whole file's text: copy it, so the text can go. */
export const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));
/** A string as a copy of its own (see own); anything else as it is. */
export const ownValue = (s: unknown): unknown => (typeof s === 'string' ? own(s) : s);

/**
 * Keeps each string once, as a copy of its own: a root's areas, status words,
 * dates and meetings repeat across its files, and what the facts of 100,000
 * files hold is copied by every young-generation collection until it is old.
 */
export function stringKeeper(): (s: unknown) => unknown {
  const strings = new Map<string, string>();
  return (s) => {
    if (typeof s !== 'string') return s;
    let kept = strings.get(s);
    if (kept === undefined) strings.set((kept = own(s)), kept);
    return kept;
  };
}
