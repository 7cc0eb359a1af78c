// Synthetic opinions on a digital-city plan, in residents' voices, written for these tests. `topic` is the
// point each makes, as staff would group them; the last few make points nobody else makes.
export const opinions: { id: string; topic: string; text: string }[] = [
  {
    id: 'o01',
    topic: 'divide',
    text: '高齢の親はスマホの使い方が分からず、オンライン申請についていけません。地域でスマホ教室を開いてほしいです。',
  },
  {
    id: 'o02',
    topic: 'cloud',
    text: 'ガバメントクラウドへの移行でシステムの運用コストが今より増えるのではないかと心配です。',
  },
  {
    id: 'o03',
    topic: 'divide',
    text: 'デジタルデバイド対策として、公民館で高齢者向けのスマートフォン講座を増やしてください。',
  },
  { id: 'o04', topic: 'counter', text: '紙の申請書や窓口での対面の相談は、これからも残してほしい。' },
  {
    id: 'o05',
    topic: 'cloud',
    text: 'クラウドの利用料が毎年上がると市の財政負担が大きくなる。移行にかかるコストの見通しを示すべきです。',
  },
  {
    id: 'o06',
    topic: 'divide',
    text: 'スマホを持っていない人やうまく使えない高齢者が取り残されないよう、スマホ教室や相談会を続けてください。',
  },
  {
    id: 'o07',
    topic: 'privacy',
    text: '個人情報がクラウドに置かれることで漏えいしないか不安です。セキュリティ対策を詳しく説明してほしい。',
  },
  {
    id: 'o08',
    topic: 'cloud',
    text: 'クラウドに移すと本当に経費が下がるのか、移行前後のコストの比較を公表してください。',
  },
  {
    id: 'o09',
    topic: 'counter',
    text: 'オンライン化は便利だが、区役所の窓口をなくさないでほしい。対面で相談できる場所は必要です。',
  },
  { id: 'o10', topic: 'divide', text: '年配の方向けのスマホ教室をもっと開催して、デジタルデバイドを解消してほしい。' },
  {
    id: 'o11',
    topic: 'child',
    text: '子どもの予防接種や健診の予約をネットでできるようにしてほしい。平日に休みを取るのが大変です。',
  },
  {
    id: 'o12',
    topic: 'privacy',
    text: 'セキュリティ事故で個人情報が漏えいした場合の責任と対策を明らかにしてください。',
  },
  {
    id: 'o13',
    topic: 'cloud',
    text: 'ガバメントクラウドの利用料は為替で変わると聞きました。コストが膨らまないか心配です。',
  },
  {
    id: 'o14',
    topic: 'counter',
    text: 'パソコンが苦手なので、窓口で職員さんに対面で相談できる今の形を残してください。',
  },
  { id: 'o15', topic: 'child', text: '保育園の申請や予防接種の予約を、夜にスマートフォンからネットで済ませたい。' },
  {
    id: 'o16',
    topic: 'privacy',
    text: '委託先から個人情報が漏えいしないよう、セキュリティの点検結果を公表してほしい。',
  },
  { id: 'o17', topic: 'other', text: '市のホームページの文字が小さく、目が悪いので読みにくいです。' },
  { id: 'o18', topic: 'other', text: '図書館の開館時間を夜まで延ばしてほしい。' },
  { id: 'o19', topic: 'other', text: '計画の内容は分かりやすく、特に意見はありません。' },
  { id: 'o20', topic: 'other', text: 'キャッシュレス決済で住民票の手数料を払えるようにしてください。' },
];
