/** Appending to a YAML list keeps every byte outside the new lines. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendToList } from '../../../src/core/edit/append.js';
import { parseYaml } from '../../../src/core/parse.js';
import { UserError } from '../../../src/core/errors.js';
import { EMBEDDED } from '../../helpers.js';

const STATUS_KEYS = ['date', 'status', 'meeting', 'note', 'source'];
const entry = { date: '2024-08-05', status: 'completed' };
const add = (text: string, e: Record<string, string> = entry) => appendToList(text, ['status'], e, { keyOrder: STATUS_KEYS, fileName: 'P07.yaml' });

/** The text added: after must be before with one run of text inserted at one place. */
function inserted(before: string, after: string): { at: number; text: string } {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  const text = after.slice(at, after.length - (before.length - at));
  expect(after.slice(0, at) + after.slice(at + text.length)).toBe(before);
  return { at, text };
}

describe('appendToList: byte-identical outside the new entry', () => {
  it('adds two lines after the last entry of a block list, in its indentation', () => {
    const before = 'id: P07\nstatus:\n  - date: 2022-08-03\n    status: completed\n    meeting: som-21\nsource: x\n';
    const after = add(before);
    expect(after).toBe('id: P07\nstatus:\n  - date: 2022-08-03\n    status: completed\n    meeting: som-21\n  - date: 2024-08-05\n    status: completed\nsource: x\n');
    expect(inserted(before, after).text).toBe('  - date: 2024-08-05\n    status: completed\n');
  });

  it('keeps comments between entries, a comment under the last entry and a trailing comment', () => {
    const before = [
      '# yaml-language-server: $schema=../../../../schemas/project.schema.json',
      'id: P07 # the id',
      'status:',
      '  - date: 2022-08-03',
      '    status: completed',
      '  # reviewed again in 2023',
      '  - date: 2023-08-03   # SOM',
      '    status: ongoing',
      '    # a comment that belongs to the entry above',
      '',
      '# trailing comment',
      '',
    ].join('\n');
    const after = add(before);
    const ins = inserted(before, after);
    expect(ins.text).toBe('  - date: 2024-08-05\n    status: completed\n');
    expect(after.split('\n').indexOf('  - date: 2024-08-05')).toBe(9);
    expect(after.endsWith('    # a comment that belongs to the entry above\n  - date: 2024-08-05\n    status: completed\n\n# trailing comment\n')).toBe(true);
  });

  it('keeps a file without a final line break without one', () => {
    const before = 'id: P07\nstatus:\n- date: 2022-08-03\n  status: completed';
    const after = add(before);
    expect(after).toBe('id: P07\nstatus:\n- date: 2022-08-03\n  status: completed\n- date: 2024-08-05\n  status: completed');
  });

  it('writes CRLF line ends in a CRLF file and copies the quoting of dates', () => {
    const before = "id: P07\r\nstatus:\r\n  - date: '2022-08-03'\r\n    status: completed\r\nnote: x\r\n";
    const after = add(before);
    expect(inserted(before, after).text).toBe("  - date: '2024-08-05'\r\n    status: completed\r\n");
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('appends to a flow list on one line, inside the brackets', () => {
    const before = 'id: P07\nstatus: [{date: 2022-08-03, status: completed}]  # history\nnote: x\n';
    const after = add(before);
    expect(after).toBe('id: P07\nstatus: [{date: 2022-08-03, status: completed}, {date: 2024-08-05, status: completed}]  # history\nnote: x\n');
  });

  it('appends to a flow list written one entry a line, with a trailing comma', () => {
    const before = 'status: [\n  { date: 2022-08-03, status: completed },\n]\n';
    const after = add(before);
    expect(after).toBe('status: [\n  { date: 2022-08-03, status: completed },\n  { date: 2024-08-05, status: completed },\n]\n');
  });

  it('writes a flow mapping in a block list of flow mappings', () => {
    const before = "status:\n  - {date: '2022-08-03', status: completed}\n";
    expect(add(before)).toBe("status:\n  - {date: '2022-08-03', status: completed}\n  - {date: '2024-08-05', status: completed}\n");
  });

  it('goes after a folded note and before the blank line that follows it', () => {
    const before = 'status:\n  - date: 2022-08-03\n    status: completed\n    note: >-\n      folded\n      text\n\nsource: y\n';
    expect(inserted(before, add(before)).text).toBe('  - date: 2024-08-05\n    status: completed\n');
    expect(add(before)).toContain('      text\n  - date: 2024-08-05\n    status: completed\n\nsource: y\n');
  });

  it('separates entries with a blank line when the list does, and keeps a byte-order mark', () => {
    const before = '\uFEFF# meetings\n\n- id: a\n  date: 2020-01-01\n\n- id: b\n  date: 2021-01-01\n';
    const after = appendToList(before, [], { id: 'c', name: 'C', date: '2024-01-01' }, { keyOrder: ['id', 'name', 'date'], fileName: 'meetings.yaml' });
    expect(after).toBe('\uFEFF# meetings\n\n- id: a\n  date: 2020-01-01\n\n- id: b\n  date: 2021-01-01\n\n- id: c\n  name: C\n  date: 2024-01-01\n');
  });

  it('writes a long note folded (>-) and a note with line breaks literal (|-), in key order', () => {
    const before = 'status:\n  - date: 2022-08-03\n    status: completed\n';
    const note = 'The 22nd ACCSM took note of the completion of the project, after the final report was circulated to all Member States.';
    const after = add(before, { note, status: 'completed', date: '2024-08-05', source: 'line one\nline two' });
    const text = inserted(before, after).text;
    expect(text.split('\n').slice(0, 4)).toEqual(['  - date: 2024-08-05', '    status: completed', '    note: >-', '      The 22nd ACCSM took note of the completion of the project, after the final']);
    expect(text).toContain('    source: |-\n      line one\n      line two\n');
    const data = parseYaml(after);
    expect(data.ok && (data.data as { status: unknown[] }).status[1]).toEqual({ date: '2024-08-05', status: 'completed', note, source: 'line one\nline two' });
  });

  it('quotes a value that would otherwise read as another type or break the YAML', () => {
    const before = 'status:\n  - date: 2022-08-03\n    status: completed\n';
    const after = add(before, { date: '2024', status: 'done: yes', note: '# not a comment' });
    expect(inserted(before, after).text).toBe("  - date: '2024'\n    status: 'done: yes'\n    note: '# not a comment'\n");
  });

  it('keeps the embedded P01 (folded notes on every entry) byte-identical around the new entry', () => {
    const before = readFileSync(join(EMBEDDED, 'plans/accsm-2021-2025/projects/P01.yaml'), 'utf8');
    const after = add(before);
    const ins = inserted(before, after);
    expect(ins.text).toBe('  - date: 2024-08-05\n    status: completed\n');
    expect(before.slice(ins.at).startsWith('source: >-')).toBe(true);
  });
});

describe('appendToList: any entry, any style', () => {
  const styles = [
    'id: P07\nstatus:\n  - date: 2022-08-03\n    status: completed\n    note: >-\n      a folded\n      note\n# end\n',
    'id: P07\nstatus:\n- {date: 2022-08-03, status: completed}\nnote: x',
    'id: P07\r\nstatus: [ { date: "2022-08-03", status: completed } ]\r\n',
    'id: P07\r\nstatus:\r\n  - date: 2022-08-03\r\n    status: completed\r\n',
  ];
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '#', "'", '"', ',', '{', ']', '-', '\n', '\t', 'é', '*', '&', '!', '|', '>', '%', '@', '`', '?', '\r', '\u0007', '\u00a0', '\u2028', '\ufeff'), maxLength: 100 });

  it('round-trips: the data is the old data plus the entry, and only new text is added', () => {
    fc.assert(
      fc.property(fc.constantFrom(...styles), text, fc.option(text, { nil: undefined }), (before, note, source) => {
        const e: Record<string, string> = { date: '2024-08-05', status: 'completed', note };
        if (source !== undefined) e.source = source;
        const after = add(before, e);
        inserted(before, after);
        const parsed = parseYaml(after);
        expect(parsed.ok).toBe(true);
        const list = (parsed as { data: { status: unknown[] } }).data.status;
        expect(list[list.length - 1]).toEqual(e);
      }),
      { numRuns: 300, seed: Number(process.env.ACCSM_FC_SEED ?? 20240805) },
    );
  });
});

describe('appendToList: refusals', () => {
  it('refuses a file whose status is not a list, and one that is not well-formed, with exit code 1', () => {
    for (const text of ['id: P07\nstatus: planned\n', 'id: P07\nstatus:\n  - date: [\n']) {
      let error: unknown;
      try {
        add(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(1);
      expect((error as UserError).message).toMatch(/^cannot (add an entry to|edit) P07\.yaml/);
    }
  });
});
