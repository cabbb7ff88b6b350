/** JSON Schema checks and their plain-words messages, before positions (raw diagnostics point by path). */
import { describe, expect, it } from 'vitest';
import { checkSchema, fieldName, itemName, SCHEMAS, show } from '../../src/core/schema.js';
import { suggest } from '../../src/core/suggest.js';

const project = { id: 'P1', title: 'T', priority_areas: ['people'], lead: ['MY'], status: [{ date: '2022-08-03', status: 'planned' }] };
const plan = { id: 'p', body: 'ACCSM', title: 'T', period: { start: 2021, end: 2025 }, priority_areas: [{ id: 'a', title: 'A' }] };
const meeting = { id: 'som-1', name: 'SOM', date: '2022-08-03' };
const brief = (list: ReturnType<typeof checkSchema>) => list.map((d) => ({ code: d.code, path: d.path, message: d.message, ...(d.atKey ? { atKey: true } : {}) }));

describe('valid files pass', () => {
  it('the smallest valid project, plan and meetings list', () => {
    expect(checkSchema('project', project)).toEqual([]);
    expect(checkSchema('plan', plan)).toEqual([]);
    expect(checkSchema('meetings', [meeting])).toEqual([]);
    expect(checkSchema('meetings', [])).toEqual([]);
  });

  it('every optional key', () => {
    const full = { ...project, partners: ['JP', 'ASEC'], schedule: { start: '2021', end: '2023-06' }, note: 'n', source: 's', illustrative: true };
    full.status = [{ date: '2022-08-03', status: 'cancelled', meeting: 'som-1', note: 'n', source: 's' } as (typeof full.status)[number]];
    expect(checkSchema('project', full)).toEqual([]);
    expect(checkSchema('plan', { ...plan, goal: 'g', enablers: ['e'], note: 'n', source: 's', illustrative: false })).toEqual([]);
    expect(checkSchema('meetings', [{ ...meeting, end: '2022-08-05', body: 'ACCSM+3', host: 'KR', note: 'n', source: 's', illustrative: true }])).toEqual([]);
  });
});

describe('each kind of problem', () => {
  it('schema-enum names the value, every allowed value and a likely typo', () => {
    expect(brief(checkSchema('project', { ...project, status: [{ date: '2022-08-03', status: 'complete' }] }))).toEqual([
      { code: 'schema-enum', path: ['status', 0, 'status'], message: 'status "complete" is not one of planned, ongoing, completed, postponed, cancelled (did you mean "completed"?)' },
    ]);
    const [lead] = checkSchema('project', { ...project, lead: ['XX'] });
    expect(lead!.message).toMatch(/^lead "XX" is not one of BN, KH, ID, LA, MY, MM, PH, SG, TH, VN, TL, CN, JP, KR, .*ASEC$/);
    expect(lead!.path).toEqual(['lead', 0]);
  });

  it('schema-unknown-key points at the key and suggests the right one', () => {
    expect(brief(checkSchema('project', { ...project, statuss: [] }))).toEqual([
      { code: 'schema-unknown-key', path: ['statuss'], atKey: true, message: 'unknown key "statuss" (did you mean "status"?); allowed keys here: id, title, priority_areas, lead, partners, schedule, carried_from, status, note, source, illustrative' },
    ]);
    expect(brief(checkSchema('project', { ...project, status: [{ date: '2022-08-03', status: 'planned', metting: 'x' }] }))).toEqual([
      { code: 'schema-unknown-key', path: ['status', 0, 'metting'], atKey: true, message: 'unknown key "metting" (did you mean "meeting"?); allowed keys here: date, status, meeting, note, source' },
    ]);
  });

  it('schema-required: at the file, at a list entry, at a nested mapping', () => {
    const { status: _s, ...noStatus } = project;
    expect(brief(checkSchema('project', noStatus))).toEqual([{ code: 'schema-required', path: [], message: 'missing required key "status": a project file needs "status"' }]);
    expect(brief(checkSchema('meetings', [{ id: 'm', date: '2022-01-01' }]))).toEqual([{ code: 'schema-required', path: [0], message: 'missing required key "name": meeting 1 needs "name"' }]);
    expect(brief(checkSchema('plan', { ...plan, period: { start: 2021 } }))).toEqual([{ code: 'schema-required', path: ['period'], message: 'missing required key "end": this period needs "end"' }]);
    expect(checkSchema('project', { ...project, status: [{ date: '2022-01-01' }] })[0]!.message).toBe('missing required key "status": status entry 1 needs "status"');
  });

  it('schema-type: the file, a key, a list entry, an empty value; a year that YAML read as a number', () => {
    expect(brief(checkSchema('project', ['a']))).toEqual([{ code: 'schema-type', path: [], message: 'the file must be a mapping (key: value lines), but it is a list' }]);
    expect(checkSchema('meetings', { id: 'x' })[0]!.message).toBe('the file must be a list (lines starting with "- ", or [a, b]), but it is a mapping');
    expect(checkSchema('project', { ...project, lead: 'MY' })[0]!.message).toBe('"lead" must be a list (lines starting with "- ", or [a, b]), but it is the text "MY"');
    expect(checkSchema('project', { ...project, title: null })[0]!.message).toBe('"title" has no value; it must be a text');
    expect(checkSchema('project', { ...project, status: [7] })[0]!.message).toBe('status entry 1 must be a mapping (key: value lines), but it is the number 7');
    expect(checkSchema('project', { ...project, title: 2023 })[0]!.message).toBe(
      '"title" must be a text, but it is the number 2023; put it in quotes ("2023") so that YAML reads it as text',
    );
    expect(checkSchema('plan', { ...plan, period: { start: '2021', end: 2025 } })[0]!.message).toBe('"start" must be a whole number, but it is the text "2021"');
  });

  it('schedule years may be written as numbers or as text; other kinds are refused', () => {
    expect(checkSchema('project', { ...project, schedule: { start: 2023, end: '2024-06' } })).toEqual([]);
    expect(checkSchema('project', { ...project, schedule: { start: '2023', end: 2024 } })).toEqual([]);
    expect(checkSchema('project', { ...project, schedule: { start: 2023.5, end: 2024 } })[0]!.message).toBe(
      '"start" must be a text or a whole number, but it is the number 2023.5',
    );
    expect(brief(checkSchema('project', { ...project, schedule: { start: 1800, end: 2024 } }))).toEqual([
      { code: 'schema-range', path: ['schedule', 'start'], message: 'start 1800 is out of range; use a year from 1900 to 2200' },
    ]);
  });

  it('a type error hides the other errors of the same value', () => {
    expect(checkSchema('project', { ...project, title: 5 }).map((d) => d.code)).toEqual(['schema-type']);
  });

  it('schema-format: dates, ids, months', () => {
    expect(checkSchema('project', { ...project, status: [{ date: '3 Aug 2022', status: 'planned' }] })[0]!.message).toBe('date "3 Aug 2022" is not a date written YYYY-MM-DD (for example 2022-08-03)');
    expect(checkSchema('plan', { ...plan, id: 'My Plan' })[0]!.message).toMatch(/^id "My Plan" is not a valid id: use lower-case letters, digits and hyphens/);
    expect(checkSchema('project', { ...project, id: 'P 1' })[0]!.message).toMatch(/^id "P 1" is not a valid project id/);
    expect(checkSchema('project', { ...project, schedule: { start: '2023/06', end: '2024' } })[0]!.message).toBe('start "2023/06" is not a year (YYYY) or a month (YYYY-MM), for example 2023 or 2023-06');
    expect(checkSchema('project', { ...project, status: [{ date: '2022-08-03', status: 'planned', meeting: 'SOM 21' }] })[0]!.code).toBe('schema-format');
  });

  it('schema-empty, schema-duplicate, schema-range', () => {
    expect(brief(checkSchema('project', { ...project, lead: [] }))).toEqual([{ code: 'schema-empty', path: ['lead'], message: '"lead" must list at least 1 entry' }]);
    expect(brief(checkSchema('project', { ...project, note: '' }))).toEqual([{ code: 'schema-empty', path: ['note'], message: '"note" is empty; write some text or remove the key' }]);
    expect(brief(checkSchema('project', { ...project, partners: ['JP', 'KR', 'JP'] }))).toEqual([
      { code: 'schema-duplicate', path: ['partners', 2], message: '"partners" lists "JP" twice (entries 1 and 3); list each once' },
    ]);
    expect(brief(checkSchema('plan', { ...plan, period: { start: 2021, end: 2300 } }))).toEqual([{ code: 'schema-range', path: ['period', 'end'], message: 'end 2300 is out of range; use a year from 1900 to 2200' }]);
  });

  it('reports every problem of a file, not just the first', () => {
    const bad = { id: 'P 1', title: '', priority_areas: [], lead: ['XX'], status: [], extra: 1 };
    expect(checkSchema('project', bad).map((d) => d.code).sort()).toEqual(['schema-empty', 'schema-empty', 'schema-empty', 'schema-enum', 'schema-format', 'schema-unknown-key']);
  });

  it('a key without a name', () => {
    expect(checkSchema('project', { ...project, '': 1 })[0]!.message).toMatch(/^a key without a name \(written as ~, null or nothing before the colon\); allowed keys here: id, title/);
  });

  it('__proto__ is an unknown key like any other', () => {
    const data = JSON.parse('{"__proto__": {"x": 1}, "id": "P1"}') as Record<string, unknown>;
    const unknown = checkSchema('project', { ...project, ...data }).filter((d) => d.code === 'schema-unknown-key');
    expect(unknown.map((d) => d.path)).toEqual([['__proto__']]);
  });
});

describe('helpers', () => {
  it('suggest: close words only, case-insensitive', () => {
    expect(suggest('complete', ['planned', 'completed'])).toBe('completed');
    expect(suggest('Ongoing', ['planned', 'ongoing'])).toBe('ongoing');
    expect(suggest('xyz', ['planned', 'ongoing'])).toBeUndefined();
    expect(suggest('MYS', ['MY', 'SG'])).toBe('MY');
    expect(suggest('ab', ['MY', 'SG'])).toBeUndefined();
    expect(suggest('a', [])).toBeUndefined();
  });

  it('show: values as a reader would write them', () => {
    expect(show('x')).toBe('"x"');
    expect(show(null)).toBe('nothing');
    expect(show([1])).toBe('a list');
    expect(show({})).toBe('a mapping');
    expect(show(5)).toBe('5');
    expect(show('y'.repeat(100))).toBe(`"${'y'.repeat(57)}..."`);
  });

  it('fieldName and itemName', () => {
    expect(fieldName(['status', 0, 'date'])).toBe('date');
    expect(fieldName([0])).toBe('the file');
    expect(itemName('project', ['status', 2])).toBe('status entry 3');
    expect(itemName('plan', ['priority_areas', 0])).toBe('priority area 1');
    expect(itemName('meetings', [4])).toBe('meeting 5');
    expect(itemName('project', ['other', 0])).toBe('entry of other 1');
  });
});

describe('a file with more problems than are listed', () => {
  // a project with a misspelt key first, then 250 unknown keys, then another misspelt key: only the first 200 diagnostics are ever listed
  const allowed = Object.keys((SCHEMAS.project as { properties: object }).properties).join(', ');
  const project: Record<string, unknown> = { id: 'P01', title: 'Study', titel: 'A study', priority_areas: ['competencies'], lead: ['BN'], status: [{ date: '2022-01-01', status: 'planned' }] };
  for (let i = 0; i < 250; i++) project[`k${i}`] = 'v';
  project.sourc = 'x';
  const found = checkSchema('project', project);

  it('counts every problem, each with its code, severity and place', () => {
    expect(found).toHaveLength(252);
    expect(found.every((d) => d.code === 'schema-unknown-key' && d.severity === 'error' && d.atKey === true)).toBe(true);
    expect(found.map((d) => d.path?.[0])).toEqual(['titel', ...Array.from({ length: 250 }, (_, i) => `k${i}`), 'sourc']);
  });

  it('explains the listed ones in full, with the near word and the keys allowed', () => {
    expect(found[0]!.message).toBe(`unknown key "titel" (did you mean "title"?); allowed keys here: ${allowed}`);
    expect(found[199]!.message).toBe(`unknown key "k198"; allowed keys here: ${allowed}`);
    expect(allowed).toMatch(/^id, title, /);
  });

  it('names the others briefly, without looking for a near word no one will see', () => {
    expect(found[200]!.message).toBe('unknown key "k199"');
    expect(found[251]!.message).toBe('unknown key "sourc"');
  });
});
