/** setTopLevel: one top-level key changed, added or removed; every other byte kept. */
import { describe, expect, it } from 'vitest';
import { setTopLevel } from '../../../src/core/edit/set.js';

const ORDER = ['id', 'title', 'lead', 'partners', 'schedule', 'status', 'note'];
const opts = { keyOrder: ORDER, fileName: 'P01.yaml' };
const FILE = `# header comment
id: P01
title: Old title # trailing comment
lead:
  - VN

# the history
status:
  - {date: 2022-08-03, status: planned}
note: kept
`;

describe('setTopLevel', () => {
  it('replaces a scalar on its own line only', () => {
    expect(setTopLevel(FILE, 'title', 'New: title', opts)).toBe(FILE.replace('title: Old title # trailing comment', "title: 'New: title'"));
  });
  it('replaces a block list and keeps the blank line and comment that follow', () => {
    expect(setTopLevel(FILE, 'lead', ['SG', 'TH'], opts)).toBe(FILE.replace('lead:\n  - VN\n', 'lead:\n  - SG\n  - TH\n'));
  });
  it('adds a missing key before the next key in the usual order, above that key\'s comment', () => {
    expect(setTopLevel(FILE, 'schedule', { start: 2022, end: '2024-06' }, opts)).toBe(FILE.replace('# the history\n', 'schedule:\n  start: 2022\n  end: 2024-06\n# the history\n'));
  });
  it('removes a key and nothing else', () => {
    expect(setTopLevel(FILE, 'note', undefined, opts)).toBe(FILE.replace('note: kept\n', ''));
    expect(setTopLevel(FILE, 'partners', undefined, opts)).toBe(FILE);
  });
  it('keeps CRLF line ends and a byte-order mark', () => {
    const crlf = `\uFEFF${FILE.replace(/\n/g, '\r\n')}`;
    expect(setTopLevel(crlf, 'lead', ['SG'], opts)).toBe(crlf.replace('lead:\r\n  - VN\r\n', 'lead:\r\n  - SG\r\n'));
  });
  it('refuses a file that is not a mapping', () => {
    expect(() => setTopLevel('- a\n- b\n', 'title', 'x', opts)).toThrow('cannot edit P01.yaml: it is not a well-formed YAML mapping');
  });
});
