// Japanese data utilities: 和暦, name readings (フリガナ), safe normalisation, postal codes, CSV encodings.
// Pure functions with golden-case tests; no database, no network (postal data ships in its package).
export {
  type Cell,
  type CsvColumn,
  type CsvOptions,
  type CsvRecordOptions,
  encodeCsvUtf8Bom,
  encodeShiftJis,
  type ShiftJisOptions,
  type ShiftJisResult,
  toCsv,
  type Unencodable,
  UnencodableError,
} from './csv.ts';
export { halfWidthKanaToFull, isKatakanaReading, type ReadingCheck, toKatakanaReading } from './kana.ts';
export { NormalizeError, normalizeDigitsAndAscii, normalizePhone, normalizePostalCode } from './normalize.ts';
export { lookupPostalCode, type PostalAddress, postalCodesOfCity } from './postal.ts';
export { japanToday } from './today.ts';
export {
  type EraInitial,
  type EraName,
  eras,
  fromWareki,
  isIsoDate,
  parseEraCode,
  toEraCode,
  toWareki,
  type Wareki,
  WarekiError,
  type WarekiParts,
} from './wareki.ts';
