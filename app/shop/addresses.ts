/**
 * Where the shop ships and what an address there needs: a region (state, province) from
 * a fixed list where the post uses one, and a postal code of the country's shape.
 */
interface CountryRule {
  name: string
  postalCode: RegExp
  postalExample: string
  regions?: string[]
  regionLabel?: string
}

const US_STATES = 'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' ')
const CA_PROVINCES = 'AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' ')
const AU_STATES = 'ACT NSW NT QLD SA TAS VIC WA'.split(' ')

export const COUNTRIES: Record<string, CountryRule> = {
  US: { name: 'United States', postalCode: /^\d{5}(-\d{4})?$/, postalExample: '94110', regions: US_STATES, regionLabel: 'State' },
  CA: { name: 'Canada', postalCode: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, postalExample: 'K1A 0B1', regions: CA_PROVINCES, regionLabel: 'Province' },
  GB: { name: 'United Kingdom', postalCode: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, postalExample: 'SW1A 1AA' },
  DE: { name: 'Germany', postalCode: /^\d{5}$/, postalExample: '10115' },
  FR: { name: 'France', postalCode: /^\d{5}$/, postalExample: '75001' },
  NL: { name: 'Netherlands', postalCode: /^\d{4} ?[A-Z]{2}$/i, postalExample: '1012 AB' },
  AU: { name: 'Australia', postalCode: /^\d{4}$/, postalExample: '2000', regions: AU_STATES, regionLabel: 'State' },
}

export type AddressProblem = { field: 'country' | 'region' | 'postalCode'; message: string }

/** What is wrong with an address for its country, field by field (nothing: it is fine). */
export function addressProblems(address: { country: string; region?: string | null; postalCode: string }): AddressProblem[] {
  const rule = COUNTRIES[address.country.toUpperCase()]
  if (!rule) return [{ field: 'country', message: 'We do not ship there yet: choose a country from the list' }]
  const problems: AddressProblem[] = []
  if (rule.regions && !rule.regions.includes((address.region ?? '').trim().toUpperCase())) {
    problems.push({ field: 'region', message: `Choose a ${rule.regionLabel!.toLowerCase()} of ${rule.name}` })
  }
  if (!rule.postalCode.test(address.postalCode.trim())) {
    problems.push({ field: 'postalCode', message: `Enter a postal code like ${rule.postalExample}` })
  }
  return problems
}
