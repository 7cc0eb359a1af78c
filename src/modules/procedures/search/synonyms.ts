// Words people search with → the words the catalogue uses. A query containing a key is also searched with
// the key replaced; the better match wins. Per-procedure synonyms (Procedure.synonyms) are indexed as
// well; this table holds the words that apply across many procedures.
import { foldText } from './text.ts';

const table: [said: string, catalogue: string][] = [
  ['residence certificate', '住民票'],
  ['certificate of residence', '住民票'],
  ['resident record', '住民票'],
  ['juminhyo', '住民票'],
  ['印鑑証明', '印鑑登録証明書'],
  ['はんこ', '印鑑'],
  ['ハンコ', '印鑑'],
  ['seal', '印鑑'],
  ['保育園', '保育所'],
  ['ほいくえん', '保育所'],
  ['nursery', '保育所'],
  ['daycare', '保育所'],
  ['ゴミ', 'ごみ'],
  ['garbage', 'ごみ'],
  ['rubbish', 'ごみ'],
  ['trash', 'ごみ'],
  ['使い始め', '使用開始'],
  ['使いはじめ', '使用開始'],
  ['開栓', '使用開始'],
  ['止める', '使用中止'],
  ['やめる', '中止'],
  ['閉栓', '使用中止'],
  ['引っ越し', '転出'],
  ['引越し', '転入'],
  ['赤ちゃん', '出生'],
  ['出産', '出生'],
  ['結婚', '婚姻'],
  ['ペット', '犬'],
  ['dog', '犬'],
  ['保険証', '資格確認書'],
  ['開業', '創業'],
  ['起業', '創業'],
  ['お店', '営業'],
  ['店', '営業'],
  ['レストラン', '飲食店'],
  ['restaurant', '飲食店'],
  ['マイナカード', 'マイナンバーカード'],
  ['個人番号カード', 'マイナンバーカード'],
  ['my number card', 'マイナンバーカード'],
  ['tax certificate', '課税証明書'],
  ['income certificate', '所得証明書'],
  ['ワクチン', '予防接種'],
  ['がん検診', 'がん検診'],
  ['健診', '健康診査'],
  ['健康診断', '健康診査'],
  ['補助金', '補助金交付申請'],
  ['助成金', '補助金'],
  ['入札', '入札参加資格'],
  ['学童', 'わくわくプラザ'],
  ['after school', 'わくわくプラザ'],
  ['家賃', '住居確保給付金'],
  ['バイク', '原動機付自転車'],
  ['原付', '原動機付自転車'],
  ['身障手帳', '身体障害者手帳'],
  ['障害者手帳', '身体障害者手帳'],
  ['ひとり親', '児童扶養手当'],
];

/** Folded key → folded replacement, longest keys first so 印鑑証明 is tried before 印鑑. */
export const synonyms: [string, string][] = table
  .map(([said, catalogue]): [string, string] => [foldText(said), foldText(catalogue)])
  .filter(([said, catalogue]) => said !== catalogue)
  .sort((x, y) => y[0].length - x[0].length);

/** The query and up to four rewrites of it with a key replaced by the catalogue's word. */
export function rewrites(folded: string): string[] {
  const out = [folded];
  for (const [said, catalogue] of synonyms) {
    if (out.length > 4) break;
    if (folded.includes(said)) out.push(folded.replace(said, catalogue));
  }
  return out;
}
