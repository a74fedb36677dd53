import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

const require = createRequire(import.meta.url);

/** What world-countries says of a country that exports and dataset imports need. */
export interface CountryCodes {
  /** ISO 3166-1 alpha-2. */
  cca2: string;
  /** ISO 3166-1 numeric, as a number (ACLED's `iso`). */
  numeric?: number;
  /** STIX 2.1 region vocabulary (region-ov): the UN sub-region, else the continent. */
  stixRegion?: string;
}

/** World-countries sub-regions and regions that are not spelled as STIX's region-ov spells them. */
const STIX_REGION: Record<string, string> = {
  'North America': 'northern-america',
  'South-Eastern Asia': 'south-eastern-asia',
  'Southeast Europe': 'southern-europe',
  'Central Europe': 'europe',
  'Australia and New Zealand': 'australia-new-zealand',
  Antarctic: 'antarctica',
};

let table: { byCca2: Map<string, CountryCodes>; byNumeric: Map<number, string> } | undefined;

function load(): NonNullable<typeof table> {
  if (table) return table;
  const countries = require('world-countries/countries.json') as Country[];
  const byCca2 = new Map<string, CountryCodes>();
  const byNumeric = new Map<number, string>();
  for (const c of countries) {
    const area = c.subregion || c.region;
    const codes: CountryCodes = { cca2: c.cca2 };
    if (area) codes.stixRegion = STIX_REGION[area] ?? area.toLowerCase().replace(/\s+/g, '-');
    const numeric = Number.parseInt(c.ccn3, 10);
    if (Number.isInteger(numeric)) {
      codes.numeric = numeric;
      byNumeric.set(numeric, c.cca2);
    }
    byCca2.set(c.cca2, codes);
  }
  table = { byCca2, byNumeric };
  return table;
}

/** Codes of the country with this ISO alpha-2 code, or undefined. */
export function countryCodes(cca2: string): CountryCodes | undefined {
  return load().byCca2.get(cca2.toUpperCase());
}

/** The ISO alpha-2 code of an ISO 3166-1 numeric code (ACLED's `iso` column), or undefined. */
export function alpha2OfNumeric(numeric: number): string | undefined {
  return load().byNumeric.get(numeric);
}
