// The quality pipeline for uploaded files, pure code with no database: encoding detection and conversion,
// a streaming CSV parser, the Digital Agency's standard dataset schemas, the CSV check and conversion,
// JSON/GeoJSON checks and the ZIP (XLSX) inspection, all reporting in plain Japanese.
export { checkGeoJson, checkJson } from './check-json.ts';
export { CsvParser, type CsvParserOptions, type CsvRecord, isFormulaLike, type ParseEvent } from './csv-stream.ts';
export { CsvDecoder, type DecodedChunk, decodeShiftJis, detectEncoding, type TextMark } from './encoding.ts';
export { coordinateRole, TypeInference } from './infer.ts';
export { type IngestCsvOptions, ingestCsv } from './ingest-csv.ts';
export { type CodeInfo, issueCodes } from './messages.ts';
export {
  defaultLimits,
  type IngestIssue,
  type IngestReport,
  type Limits,
  type SourceEncoding,
} from './report.ts';
export { type IssueSummary, summariseIssues, truncationNote } from './report-text.ts';
export {
  type ColumnKind,
  checkValue,
  getStandardSchema,
  matchColumn,
  type SchemaColumn,
  type StandardSchema,
  standardSchemas,
} from './schemas.ts';
export { localGovernmentCodeProblem } from './values.ts';
export { defaultZipLimits, inspectZip, type ZipInspection, type ZipLimits } from './zip.ts';
