/** Names for the codes the schema allows as lead, partner or host (ISO 3166-1 alpha-2, and ASEC). */
const NAMES: Record<string, string> = {
  BN: 'Brunei Darussalam', KH: 'Cambodia', ID: 'Indonesia', LA: 'Lao PDR', MY: 'Malaysia', MM: 'Myanmar', PH: 'Philippines', SG: 'Singapore',
  TH: 'Thailand', VN: 'Viet Nam', TL: 'Timor-Leste', CN: 'China', JP: 'Japan', KR: 'Republic of Korea', AU: 'Australia', CA: 'Canada',
  EU: 'European Union', GB: 'United Kingdom', IN: 'India', NZ: 'New Zealand', RU: 'Russia', US: 'United States', ASEC: 'ASEAN Secretariat',
};

/** "Viet Nam"; an unknown code is shown as it is. */
export function countryName(code: string): string {
  return NAMES[code] ?? code;
}
