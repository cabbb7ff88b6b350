/** Names for the codes the schema allows as lead, partner or host (ISO 3166-1 alpha-2, and ASEC): the first name of each in core/countries.ts. */
import { COUNTRY_NAMES } from '../../core/countries.js';

/** "Viet Nam"; an unknown code is shown as it is. */
export function countryName(code: string): string {
  return COUNTRY_NAMES[code]?.[0] ?? code;
}
