/**
 * The lead and partner codes of the data format (schemas/project.schema.json)
 * with their names, so that --lead and --partner take "PH", "ph" or
 * "Philippines". Pure.
 */
import { UserError } from './errors.js';

/** code → the name, then other names people write */
export const COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  BN: ['Brunei Darussalam', 'Brunei'],
  KH: ['Cambodia'],
  ID: ['Indonesia'],
  LA: ['Lao PDR', 'Laos', "Lao People's Democratic Republic"],
  MY: ['Malaysia'],
  MM: ['Myanmar'],
  PH: ['Philippines', 'the Philippines'],
  SG: ['Singapore'],
  TH: ['Thailand'],
  VN: ['Viet Nam', 'Vietnam'],
  TL: ['Timor-Leste', 'East Timor'],
  CN: ['China'],
  JP: ['Japan'],
  KR: ['Republic of Korea', 'Korea', 'South Korea'],
  AU: ['Australia'],
  CA: ['Canada'],
  EU: ['European Union'],
  GB: ['United Kingdom', 'UK'],
  IN: ['India'],
  NZ: ['New Zealand'],
  RU: ['Russia', 'Russian Federation'],
  US: ['United States', 'USA', 'United States of America'],
  ASEC: ['ASEAN Secretariat', 'Secretariat'],
};

const key = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

const BY_KEY = new Map<string, string>();
for (const [code, names] of Object.entries(COUNTRY_NAMES)) {
  BY_KEY.set(key(code), code);
  for (const n of names) BY_KEY.set(key(n), code);
}

/** The code for "PH", "ph", "Philippines" or "the philippines"; undefined when it is none of the codes or names. */
export function countryCode(value: string): string | undefined {
  return BY_KEY.get(key(value.trim()));
}

/**
 * Codes from the values of --lead or --partner: each value may hold several,
 * separated by commas ("PH,SG"). An unknown code or name is a usage error that lists the codes.
 */
export function countryCodes(values: string | readonly string[] | undefined, flag: string): string[] | undefined {
  if (values === undefined) return undefined;
  const parts = (typeof values === 'string' ? [values] : values).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const codes: string[] = [];
  for (const part of parts) {
    const code = countryCode(part);
    if (code === undefined) {
      throw new UserError(`${flag} "${part}" is not a country code or name; codes: ${Object.keys(COUNTRY_NAMES).join(', ')} (or names such as "Philippines")`);
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}
