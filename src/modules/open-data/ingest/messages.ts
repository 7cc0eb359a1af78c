// Every message of the quality report, in plain Japanese for the staff member who made the file: where the
// problem is (the row as Excel numbers it, the column by its heading), what was there, and what to type
// instead. One place, so the same problem is always described the same way.
import type { SchemaColumn, ValueProblem } from './schemas.ts';
import { allowedCodes } from './schemas.ts';
import { localGovernmentCodeProblem, withCheckDigit } from './values.ts';

export interface CodeInfo {
  severity: 'error' | 'warning';
  /** A short phrase for grouping issues by kind (「『緯度』列: 3件 数値ではありません」). */
  label: string;
}

/** Every issue code, whether it blocks publishing, and its short label. */
export const issueCodes: Record<string, CodeInfo> = {
  // The file as a whole
  empty_file: { severity: 'error', label: 'ファイルが空です' },
  binary_file: { severity: 'error', label: '文字以外のデータを含んでいます' },
  not_csv: { severity: 'error', label: 'CSVではありません' },
  utf16: { severity: 'error', label: 'UTF-16で保存されています' },
  file_too_large: { severity: 'error', label: 'ファイルが大きすぎます' },
  read_failed: { severity: 'error', label: 'ファイルを読み込めませんでした' },
  write_failed: { severity: 'error', label: '変換したファイルを保存できませんでした' },
  encoding_changed: { severity: 'error', label: '途中で文字コードが変わっています' },
  invalid_bytes: { severity: 'error', label: '文字として読めないデータがあります' },
  not_round_trip: { severity: 'warning', label: '機種依存文字があります' },
  private_use_char: { severity: 'warning', label: '外字があります' },
  control_char: { severity: 'error', label: '目に見えない制御文字があります' },
  // The CSV format
  unterminated_quote: { severity: 'error', label: '「"」が閉じられていません' },
  stray_quote: { severity: 'error', label: '「"」の使い方が正しくありません' },
  column_count: { severity: 'error', label: '項目の数が見出しと合いません' },
  wrong_delimiter: { severity: 'error', label: '「,」（カンマ）で区切られていません' },
  empty_header: { severity: 'error', label: '項目名が空欄です' },
  duplicate_header: { severity: 'error', label: '項目名が重なっています' },
  header_whitespace: { severity: 'warning', label: '項目名の前後に空白があります' },
  cell_too_large: { severity: 'error', label: '値が長すぎます' },
  row_too_large: { severity: 'error', label: '行が長すぎます' },
  too_many_columns: { severity: 'error', label: '列が多すぎます' },
  empty_row: { severity: 'warning', label: '空の行です' },
  no_data_rows: { severity: 'warning', label: 'データの行がありません' },
  formula_like: { severity: 'warning', label: 'Excelで数式として動くおそれがあります' },
  // The standard's columns and values
  missing_column: { severity: 'error', label: '必要な列がありません' },
  unknown_column: { severity: 'warning', label: '標準データセットにない列です' },
  legacy_column: { severity: 'warning', label: '以前の項目名です' },
  duplicate_column: { severity: 'warning', label: '同じ項目の列が2つあります' },
  required_value: { severity: 'error', label: '空欄です' },
  not_integer: { severity: 'error', label: '整数ではありません' },
  not_number: { severity: 'error', label: '数値ではありません' },
  not_date: { severity: 'error', label: '日付の形になっていません' },
  not_time: { severity: 'error', label: '時刻の形になっていません' },
  not_code: { severity: 'error', label: '使えない値です' },
  invalid_coordinate: { severity: 'error', label: '数値ではありません' },
  coordinate_out_of_range: { severity: 'error', label: '緯度・経度の範囲を超えています' },
  outside_japan: { severity: 'warning', label: '位置が日本の外です' },
  unreadable_coordinate: { severity: 'warning', label: '位置として読めません' },
  invalid_local_government_code: { severity: 'error', label: '全国地方公共団体コードが正しくありません' },
  phone_format: { severity: 'warning', label: '電話番号の形になっていません' },
  url_format: { severity: 'warning', label: 'URLの形になっていません' },
  email_format: { severity: 'warning', label: 'メールアドレスの形になっていません' },
  postal_code_format: { severity: 'warning', label: '郵便番号の形になっていません' },
  corporate_number_format: { severity: 'warning', label: '法人番号が正しくありません' },
  machiaza_id_format: { severity: 'warning', label: '町字IDの形になっていません' },
  // JSON and GeoJSON
  invalid_json: { severity: 'error', label: 'JSONの書き方に誤りがあります' },
  json_too_deep: { severity: 'error', label: '入れ子が深すぎます' },
  bom: { severity: 'warning', label: 'BOMが付いています' },
  geojson_type: { severity: 'error', label: 'GeoJSONの形になっていません' },
  geojson_feature: { severity: 'error', label: '地物（Feature）の形になっていません' },
  geojson_geometry: { severity: 'error', label: '図形（geometry）が正しくありません' },
  swapped_coordinates: { severity: 'warning', label: '経度と緯度の順が逆かもしれません' },
};

const n = (value: number) => value.toLocaleString('ja-JP');
const cell = (row: number, column: string) => `${row}行目の『${column}』`;
const header = (column: string) => `1行目（見出し）の『${column}』`;
const saveAsCsv = 'Excelで「CSV UTF-8（コンマ区切り）」形式を選んで保存し直してください。';
const sameEncodingTip = 'Excelでは「CSV UTF-8（コンマ区切り）」形式を選ぶと確実です。';

const examples: Record<string, string> = {
  integer: '120',
  number: '12.5',
  date: '2024-04-01',
  time: '09:00',
  latitude: '35.5308',
  longitude: '139.7025',
  phone: '011-211-2111',
  url: 'https://www.city.example.lg.jp/',
  email: 'info@city.example.lg.jp',
  'postal-code': '060-0001',
  'local-government-code': '011002',
  'corporate-number': '7000012050002',
  'machiaza-id': '0008-001',
};

function exampleOf(column: SchemaColumn): string {
  return column.example ?? examples[column.type] ?? '';
}

/** A code point as people look it up: U+E000. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `「${v}」`).join('');
}

/** The message for a value that does not fit its column of a standard. */
export function valueMessage(
  problem: ValueProblem,
  column: SchemaColumn,
  heading: string,
  row: number,
  value: string,
): string {
  const at = cell(row, heading);
  const input = `（入力値: ${value}）`;
  const ex = exampleOf(column);
  const halfWidth = problem.detail === 'full_width' ? '全角の数字や記号は使えないため、' : '';
  switch (problem.code) {
    case 'not_integer':
      return `${at}が整数ではありません${input}。${halfWidth}半角数字で ${ex} のように入力してください。`;
    case 'not_number':
    case 'invalid_coordinate':
      return `${at}が数値ではありません${input}。${halfWidth}半角数字で ${ex} のように入力してください。`;
    case 'not_date':
      return `${at}が日付の形になっていません${input}。${halfWidth}年-月-日の順に半角で ${ex} のように入力してください。`;
    case 'not_time':
      return `${at}が時刻の形になっていません${input}。${halfWidth}24時間制の「時:分」を半角で ${ex} のように入力してください。`;
    case 'coordinate_out_of_range': {
      const latitude = column.type === 'latitude';
      const range = latitude ? '緯度の範囲（-90〜90）' : '経度の範囲（-180〜180）';
      const swapped = latitude && Number(value) >= 122 && Number(value) <= 154;
      return `${at}の値 ${value} は${range}を超えています。${swapped ? '緯度と経度が入れ替わっていないか確認してください。' : '値が正しいか確認してください。'}`;
    }
    case 'not_code': {
      const codes = allowedCodes(column);
      if (codes.length === 1)
        return `${at}に使えない値が入っています${input}。当てはまる場合は「${codes[0]}」を、当てはまらない場合は空欄にしてください。`;
      return `${at}に使えない値が入っています${input}。${quoteList(codes)}のどれかを入力してください。`;
    }
    case 'phone_format':
      return `${at}が電話番号の形になっていません${input}。市外局番から、半角数字とハイフンで ${ex} のように入力することをおすすめします。`;
    case 'url_format':
      return `${at}がURLの形になっていません${input}。https:// から始まる形で入力してください。`;
    case 'email_format':
      return `${at}がメールアドレスの形になっていません${input}。${ex} のように入力してください。`;
    case 'postal_code_format':
      return `${at}が郵便番号の形になっていません${input}。半角数字で ${ex} のように入力してください。`;
    case 'corporate_number_format':
      return `${at}が13桁の法人番号として正しくありません${input}。国税庁の法人番号公表サイトで確かめて、半角数字13桁で入力してください。`;
    case 'machiaza_id_format':
      return `${at}が町字IDの形になっていません${input}。アドレス・ベース・レジストリの町字IDを ${ex} のように入力してください。`;
    case 'invalid_local_government_code':
      return localGovernmentCodeMessage(at, value, ex);
    default:
      return `${at}の値が正しくありません${input}。`;
  }
}

function localGovernmentCodeMessage(at: string, value: string, example: string): string {
  const problem = localGovernmentCodeProblem(value);
  if (problem === 'five_digits') {
    const withZero = `0${value}`;
    const guess = localGovernmentCodeProblem(withZero) === null ? withZero : withCheckDigit(value);
    return `${at}が5桁です（入力値: ${value}）。全国地方公共団体コードは6桁で、この場合は ${guess} ではありませんか。Excelで開くと先頭の0が消えることがあるので、保存した後の値も確認してください。`;
  }
  if (problem === 'check_digit') {
    return `${at}の値 ${value} は全国地方公共団体コードとして正しくありません（最後の1桁の検査数字が合いません）。総務省の全国地方公共団体コードの一覧で確かめてください。`;
  }
  return `${at}が6桁の半角数字になっていません（入力値: ${value}）。全国地方公共団体コードを ${example} のように入力してください。`;
}

export const messages = {
  requiredValue: (row: number, heading: string) => `${cell(row, heading)}が空欄です。この項目は必ず入力してください。`,
  outsideJapan: (row: number, lat: string, lon: string) =>
    `${row}行目の位置（緯度 ${lat}、経度 ${lon}）は日本の外になります。緯度・経度の値や順番が正しいか確認してください。`,
  unreadableCoordinate: (row: number, heading: string, value: string, latitude: boolean) =>
    `${cell(row, heading)}を${latitude ? '緯度' : '経度'}として読めません（入力値: ${value}）。地図に表示するには、半角数字で ${latitude ? examples.latitude : examples.longitude} のように入力してください。`,
  missingColumn: (title: string, name: string) =>
    `『${title}』に必要な項目『${name}』の列がありません。1行目（見出し）に『${name}』の列を追加してください。`,
  unknownColumn: (title: string, name: string) =>
    `${header(name)}は『${title}』の項目にない列です。項目名の書き間違いがないか確認してください。独自に加えた項目であれば、このまま公開できます。`,
  legacyColumn: (name: string, current: string) =>
    `${header(name)}は以前の推奨データセットの項目名のため、現在の項目名『${current}』として確認しました。次に更新するときは『${current}』に直すことをおすすめします。`,
  duplicateColumn: (name: string, current: string, first: string) =>
    `${header(name)}は『${first}』と同じ項目『${current}』を表しています。1つにまとめてください（確認には『${first}』の列を使いました）。`,
  headerWhitespace: (name: string, trimmed: string) =>
    `${header(name)}の前後に空白があります。空白を除いた『${trimmed}』として扱いました。`,
  emptyHeader: (column: number) =>
    `1行目（見出し）の${column}列目の項目名が空欄です。すべての列に項目名を付けてください。`,
  duplicateHeader: (name: string, first: number, second: number) =>
    `${header(name)}が${first}列目と${second}列目の2か所にあります。項目名が重ならないように直してください。`,
  columnCount: (row: number, got: number, want: number) =>
    `${row}行目の項目の数（${n(got)}個）が、1行目（見出し）の項目の数（${n(want)}個）と合いません。「,」（カンマ）が多すぎたり足りなかったりしないか、「,」を含む値が「"」で囲まれているか確認してください。`,
  wrongDelimiter: (tab: boolean) =>
    `1行目（見出し）が${tab ? 'タブ' : '「;」（セミコロン）'}で区切られていて、「,」（カンマ）で区切られたCSVになっていません。${saveAsCsv}`,
  unterminatedQuote: (row: number, heading: string) =>
    `${cell(row, heading)}で始まる「"」が閉じられないまま、ファイルが終わっています。「"」で囲んだ値の最後にも「"」を付けてください。`,
  strayQuote: (row: number, heading: string) =>
    `${cell(row, heading)}の「"」の使い方が正しくありません。値の中に「"」を入れるときは、値全体を「"」で囲み、中の「"」は「""」のように2つ重ねてください。`,
  cellTooLarge: (row: number, heading: string, max: number, quoted: boolean) =>
    `${cell(row, heading)}が長すぎます（1つの欄に${n(max)}文字まで）。${quoted ? '「"」の閉じ忘れで、後ろの行までが1つの欄になっていないか確認してください。' : '長い説明は別のファイルに分けてください。'}`,
  rowTooLarge: (row: number, max: number) =>
    `${row}行目が長すぎます（1行に${n(max)}文字まで）。「"」の閉じ忘れで、後ろの行までが1行になっていないか確認してください。`,
  tooManyColumns: (row: number, max: number) =>
    row === 1
      ? `1行目（見出し）の列が多すぎます（${n(max)}列まで）。CSVとして正しく保存されているか確認してください。`
      : `${row}行目の列が多すぎます（${n(max)}列まで）。「,」（カンマ）が多すぎないか確認してください。`,
  controlChar: (row: number, heading: string, char: number) =>
    `${cell(row, heading)}に目に見えない制御文字（${codePoint(String.fromCharCode(char))}）が入っています。取り除いてください。`,
  formulaLike: (row: number, heading: string, value: string) => {
    const first = value[0] === '\t' ? 'タブ' : value[0] === '\r' ? '改行' : `「${value[0]}」`;
    return `${cell(row, heading)}は${first}で始まっているため、Excelで開くと数式として動くおそれがあります。安全のため、公開するファイルでは先頭に「'」を付けて文字として保存します。`;
  },
  emptyRow: (row: number) => `${row}行目は空の行のため、読み飛ばしました。不要であれば削除してください。`,
  noDataRows: () => '見出しの行（1行目）だけで、データの行がありません。',
  invalidBytes: (row: number, heading: string, encoding: string, bytes: string | undefined) =>
    `${cell(row, heading)}に、${encoding}の文字として読めないデータ${bytes ? `（${bytes}）` : ''}があります。文字化けのもとになるため、ファイル全体を同じ文字コードで保存し直してください。${sameEncodingTip}`,
  notRoundTrip: (row: number, heading: string, char: string, bytes: string | undefined) =>
    `${cell(row, heading)}の「${char}」${bytes ? `（${bytes}）` : ''}はWindowsの機種依存文字（NEC・IBM拡張文字）です。UTF-8に変換して公開しますが、Shift_JISに戻すと元とは別のコードになり、ほかのソフトでは違う文字に見えることがあります。できれば一般的な文字に置き換えてください。`,
  privateUse: (row: number, heading: string, char: string) =>
    `${cell(row, heading)}に外字（${codePoint(char)}）が入っています。外字はほかのパソコンやスマートフォンでは正しく表示されないため、一般的な文字に置き換えてください。`,
  encodingChanged: (row: number, from: string, to: string) =>
    `ファイルの途中（${n(row)}行目あたり）から、文字コードが${from}から${to}に変わっています。文字化けを防ぐため、ここで確認を止めました。ファイル全体を同じ文字コードで保存し直してください。${sameEncodingTip}`,
  emptyFile: () => 'ファイルが空です。中身のあるファイルを選んでください。',
  binaryFile: () => `このファイルには文字以外のデータが含まれていて、CSVとして読めません。${saveAsCsv}`,
  notCsv: (detail: string) => {
    const what: Record<string, string> = {
      zip: 'Excel（XLSX）などのZIP形式のファイル',
      xls: 'Excel 97-2003 形式（XLS）のファイル',
      pdf: 'PDFファイル',
      gzip: '圧縮されたファイル（gzip）',
      image: '画像ファイル',
    };
    return `このファイルは${what[detail] ?? 'CSV以外のファイル'}で、CSVではありません。${detail === 'pdf' || detail === 'image' ? '元の表をCSV形式で保存して登録してください。' : saveAsCsv}`;
  },
  utf16: () =>
    `このファイルはUTF-16という文字コードで保存されています（Excelの「Unicode テキスト」など）。${saveAsCsv}`,
  fileTooLarge: (max: number) =>
    `ファイルが大きすぎます（${formatBytes(max)}まで）。ファイルを分けて登録してください。`,
  readFailed: () => 'ファイルを最後まで読み込めませんでした。もう一度アップロードしてください。',
  writeFailed: () => '変換したファイルを保存できませんでした。時間をおいて、もう一度アップロードしてください。',
};

/** The short reason in the summary sentence when a file could not be read at all. */
export const fatalReasons: Record<string, string> = {
  empty_file: 'ファイルが空です',
  binary_file: '文字以外のデータを含んでいます',
  not_csv: 'CSVではない形式のファイルです',
  utf16: 'UTF-16で保存されています',
  file_too_large: 'ファイルが大きすぎます',
  read_failed: '読み込みが途中で止まりました',
  write_failed: '変換したファイルを保存できませんでした',
  encoding_changed: '途中で文字コードが変わっています',
  too_many_columns: '列が多すぎます',
  invalid_json: 'JSONの書き方に誤りがあります',
  json_too_deep: '入れ子が深すぎます',
  geojson_type: 'GeoJSONの形になっていません',
};

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${n(Math.round((bytes / 1024 ** 3) * 10) / 10)}GB`;
  if (bytes >= 1024 ** 2) return `${n(Math.round(bytes / 1024 ** 2))}MB`;
  return `${n(Math.ceil(bytes / 1024))}KB`;
}
