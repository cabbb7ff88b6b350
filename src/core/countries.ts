/**
 * The lead and partner codes of the data format (schemas/project.schema.json)
 * with the names people write in trackers, sheets and on the command line
 * ("Viet Nam", "Lao PDR", "ASEAN Secretariat"), and the one lookup from a name
 * or code to a code. Pure.
 */
import { UserError } from './errors.js';

export interface Country {
  code: string;
  /** the name ASEAN documents use */
  name: string;
  /** other names and spellings, matched without regard to case, accents or punctuation */
  aliases: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  { code: 'BN', name: 'Brunei Darussalam', aliases: ['Brunei', 'Negara Brunei Darussalam'] },
  { code: 'KH', name: 'Cambodia', aliases: ['Kingdom of Cambodia'] },
  { code: 'ID', name: 'Indonesia', aliases: ['Republic of Indonesia'] },
  { code: 'LA', name: 'Lao PDR', aliases: ['Laos', "Lao People's Democratic Republic", 'Lao'] },
  { code: 'MY', name: 'Malaysia', aliases: [] },
  { code: 'MM', name: 'Myanmar', aliases: ['Burma', 'Republic of the Union of Myanmar'] },
  { code: 'PH', name: 'Philippines', aliases: ['The Philippines', 'Republic of the Philippines'] },
  { code: 'SG', name: 'Singapore', aliases: ['Republic of Singapore'] },
  { code: 'TH', name: 'Thailand', aliases: ['Kingdom of Thailand'] },
  { code: 'VN', name: 'Viet Nam', aliases: ['Vietnam', 'Socialist Republic of Viet Nam'] },
  { code: 'TL', name: 'Timor-Leste', aliases: ['East Timor', 'Democratic Republic of Timor-Leste'] },
  { code: 'CN', name: 'China', aliases: ["People's Republic of China", 'PRC'] },
  { code: 'JP', name: 'Japan', aliases: [] },
  { code: 'KR', name: 'Republic of Korea', aliases: ['Korea', 'South Korea', 'ROK'] },
  { code: 'AU', name: 'Australia', aliases: [] },
  { code: 'CA', name: 'Canada', aliases: [] },
  { code: 'EU', name: 'European Union', aliases: [] },
  { code: 'GB', name: 'United Kingdom', aliases: ['UK', 'Great Britain', 'Britain'] },
  { code: 'IN', name: 'India', aliases: [] },
  { code: 'NZ', name: 'New Zealand', aliases: [] },
  { code: 'RU', name: 'Russia', aliases: ['Russian Federation'] },
  { code: 'US', name: 'United States', aliases: ['USA', 'United States of America'] },
  { code: 'ASEC', name: 'ASEAN Secretariat', aliases: ['Secretariat'] },
];

/** code → the name, then other names people write */
export const COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(COUNTRIES.map((c) => [c.code, [c.name, ...c.aliases]]));

/** Lower case, accents dropped, punctuation and runs of spaces as one space: "Viet-Nam" and "viet nam" compare equal. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

const byName = new Map<string, string>();
for (const c of COUNTRIES) for (const n of [c.code, c.name, ...c.aliases]) byName.set(fold(n), c.code);

/** The code for a code or a name ("VN", "vn", "Viet Nam", "Vietnam", "the Philippines"); undefined when it is neither. */
export function countryCode(text: string): string | undefined {
  return byName.get(fold(text));
}

/** The name for a code ("VN" → "Viet Nam"), or the code itself when it is not known. */
export function countryName(code: string): string {
  return COUNTRIES.find((c) => c.code === code)?.name ?? code;
}

/** Several countries in one cell: "Viet Nam; Thailand", "VN, TH", "Viet Nam and Thailand". */
export function splitCountries(text: string): string[] {
  return text
    .split(/\s*(?:[;,/\n]|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
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
      throw new UserError(`${flag} "${part}" is not a country code or name; codes: ${COUNTRIES.map((c) => c.code).join(', ')} (or names such as "Philippines")`);
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}
