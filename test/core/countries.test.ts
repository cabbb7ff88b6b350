/** --lead and --partner values: codes, names, several at once; the names cover exactly the schema's codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES, countryCode, countryCodes } from '../../src/core/countries.js';
import { REPO } from '../helpers.js';

describe('country codes and names', () => {
  it('names every code the schema allows, and no other', () => {
    const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'project.schema.json'), 'utf8'));
    expect(Object.keys(COUNTRY_NAMES).sort()).toEqual([...schema.properties.lead.items.enum].sort());
    expect(Object.keys(COUNTRY_NAMES).sort()).toEqual([...schema.properties.partners.items.enum].sort());
  });
  it('reads codes in any case and names with or without spaces and articles', () => {
    expect(countryCode('PH')).toBe('PH');
    expect(countryCode('ph')).toBe('PH');
    expect(countryCode('Philippines')).toBe('PH');
    expect(countryCode('the Philippines')).toBe('PH');
    expect(countryCode('Viet Nam')).toBe('VN');
    expect(countryCode('VIETNAM')).toBe('VN');
    expect(countryCode('Lao PDR')).toBe('LA');
    expect(countryCode('asean secretariat')).toBe('ASEC');
    expect(countryCode('Narnia')).toBeUndefined();
  });
  it('splits commas, keeps the order, drops repeats', () => {
    expect(countryCodes(['PH,SG', 'Singapore', 'vn'], '--lead')).toEqual(['PH', 'SG', 'VN']);
    expect(countryCodes('PH', '--lead')).toEqual(['PH']);
    expect(countryCodes(undefined, '--lead')).toBeUndefined();
    expect(() => countryCodes(['PH', 'XX'], '--partner')).toThrow(/--partner "XX" is not a country code or name; codes: BN, KH/);
  });
});
