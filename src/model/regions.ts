/**
 * World regions for coverage counts, by ISO 3166-1 alpha-2 country code. China stands apart
 * from the rest of Asia because the market splits along export controls; a code not listed
 * here counts under "Other" (the report names such codes, so the table can grow).
 */
const REGION_OF_COUNTRY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(['US', 'CA', 'MX'].map((c) => [c, 'North America'])),
  ...Object.fromEntries(
    [
      'GB',
      'IE',
      'FR',
      'DE',
      'NL',
      'BE',
      'LU',
      'CH',
      'AT',
      'IT',
      'ES',
      'PT',
      'SE',
      'NO',
      'FI',
      'DK',
      'IS',
      'PL',
      'CZ',
      'SK',
      'HU',
      'RO',
      'BG',
      'GR',
      'HR',
      'SI',
      'EE',
      'LV',
      'LT',
      'UA',
      'MD',
      'RS',
      'CY',
      'MT',
    ].map((c) => [c, 'Europe']),
  ),
  ...Object.fromEntries(['CN', 'HK', 'MO'].map((c) => [c, 'China'])),
  ...Object.fromEntries(['AE', 'SA', 'QA', 'KW', 'BH', 'OM', 'IL', 'TR', 'JO', 'EG'].map((c) => [c, 'Middle East'])),
  ...Object.fromEntries(['JP', 'KR', 'TW', 'IN', 'SG', 'MY', 'ID', 'TH', 'VN', 'PH', 'AU', 'NZ', 'PK', 'BD', 'KZ'].map((c) => [c, 'Asia-Pacific'])),
  ...Object.fromEntries(['BR', 'AR', 'CL', 'CO', 'PE', 'UY'].map((c) => [c, 'Latin America'])),
  ...Object.fromEntries(['ZA', 'NG', 'KE', 'MA', 'RW', 'GH'].map((c) => [c, 'Africa'])),
};

export const OTHER_REGION = 'Other';

/** The region of a country code ("Other" when the table does not list it). */
export function regionOf(country: string): string {
  return REGION_OF_COUNTRY[country.toUpperCase()] ?? OTHER_REGION;
}
