// Japanese data utilities: 和暦, name readings, safe normalisation, postal codes and CSV encodings.
// Pure functions with golden-case tests; no module state, no I/O beyond the shipped postal data.
export { encodeShiftJis, encodeUtf8WithBom, toCsv, UnencodableError } from './csv.ts';
export { checkKatakanaReading, halfWidthKanaToFull, toKatakanaReading } from './kana.ts';
export { NormalizeError, normalizeDigitsAndAscii, normalizePhone, normalizePostalCode } from './normalize.ts';
export { lookupPostalCode, type PostalAddress, postalCodesOfCity } from './postal.ts';
export { fromWareki, parseEraCode, toEraCode, toWareki, WarekiError } from './wareki.ts';
