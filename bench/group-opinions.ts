// `npm run bench -- group-opinions`: grouping similar opinions and flagging repeats over a whole consultation
// (2,000 opinions, and 20,000 as national ones reach), next to the machine's own floor in the same run: only
// running Intl.Segmenter over the same texts, which any Japanese analysis must do at least once.
import { findDuplicates, groupSimilar, type TextItem } from '../src/modules/public-comment/analysis/index.ts';

// Synthetic opinions in residents' voices on a digital-city plan, built from phrase pieces: per topic,
// subjects, what people say about them and why; around them, an opening, an experience at the city hall
// that has nothing to do with the topic, and a closing. Some are sent again (as organised campaigns do,
// spaced differently), some touch two topics.
const topics: { subjects: string[]; points: string[]; details: string[] }[] = [
  {
    subjects: ['ガバメントクラウドへの移行', '基幹システムのクラウド化', 'クラウドの利用料', 'システムの標準化'],
    points: [
      'で運用コストが今より増えるのではないかと心配です。',
      'にかかる経費の見通しが計画案に示されていません。',
      'により毎年の費用が上がれば、市の財政負担が大きくなります。',
      'について、移行前と移行後のコストを比較して公表してください。',
      'の費用対効果を市民に分かるように説明してほしい。',
    ],
    details: [
      '為替や物価の影響で利用料が変わると聞きました。',
      '他の自治体では移行後に経費が倍になった例もあるそうです。',
      '国の補助がなくなった後の負担も気になります。',
      '長期の契約で特定の事業者に縛られないか懸念しています。',
    ],
  },
  {
    subjects: ['高齢者向けのスマホ教室', 'デジタルデバイド対策', 'スマートフォンの使い方講座', '地域のデジタル相談会'],
    points: [
      'が足りず、オンライン申請についていけない人が周りにたくさんいます。',
      'を、歩いて行ける公民館や集会所で開いてほしい。',
      'を増やして、誰も取り残されないようにしてください。',
      'には、同じ目線で教えてくれる若い世代のボランティアを活用してはどうでしょうか。',
      'の回数が少なく、申し込んでもすぐ満員になってしまいます。',
    ],
    details: [
      '八十歳の父は画面の操作が覚えられず、毎回家族に頼っています。',
      '一度習っても、家で一人になると分からなくなります。',
      '機種ごとに画面が違うので、自分の端末で教えてほしいです。',
      '障害のある人にも合わせた教え方があると助かります。',
    ],
  },
  {
    subjects: ['区役所の窓口', '対面での相談', '紙の申請書', '電話での問い合わせ'],
    points: [
      'は、オンライン化の後もなくさないでほしい。',
      'がなくなると、パソコンを使えない人が困ります。',
      'を残したうえで、オンラインと選べるようにしてください。',
      'で職員の方に直接聞けることが、安心につながっています。',
    ],
    details: [
      '込み入った事情は、顔を見て話さないと伝わりません。',
      '画面の案内だけでは、自分に当てはまるのか判断できません。',
      '書類を確認してもらえるので、間違いが少なくて済みます。',
    ],
  },
  {
    subjects: ['個人情報の管理', 'セキュリティ対策', '情報漏えいへの備え', '不正アクセスの防止'],
    points: [
      'について、具体的にどうするのか説明が足りません。',
      'が不十分なまま電子化を進めるのは不安です。',
      'を外部の専門家に点検してもらい、その結果を公表してください。',
      'に万一のことがあった場合の責任の所在を明らかにしてほしい。',
    ],
    details: [
      '委託先の事業者から情報が流出した事件が他市でありました。',
      '職員の端末の持ち出しにも決まりが必要だと思います。',
      '誰がいつ自分の情報を見たのか、本人が確かめられる仕組みがほしい。',
    ],
  },
  {
    subjects: ['マイナンバーカード', 'マイナンバーカードの暗証番号', 'カードの更新手続き', 'マイナ保険証'],
    points: [
      'を持っていない人も不利にならないようにしてください。',
      'を忘れた時の再設定のために何度も区役所に行くのは大変です。',
      'の取得を事実上の義務にするような進め方には反対です。',
      'の電子証明書の期限が切れる前に、案内を送ってほしい。',
    ],
    details: [
      '施設に入っている母はカードを管理できません。',
      '読み取りの機械がうまく動かないことがよくあります。',
      '紛失した時の手続きがとても面倒でした。',
    ],
  },
  {
    subjects: ['保育園の入所申請', '予防接種の予約', '児童手当の手続き', '子育て支援の申請'],
    points: [
      'を、夜でもスマートフォンから済ませられるようにしてほしい。',
      'のために平日に仕事を休まなければならないのがつらいです。',
      'で同じことを何度も書かされるのをやめてください。',
      'の進み具合がネットで確認できると助かります。',
    ],
    details: [
      '共働きで、開庁時間に行くのは難しいです。',
      '小さい子を連れて窓口で長く待つのは大変でした。',
      '必要な書類の一覧が最初から分かると助かります。',
    ],
  },
  {
    subjects: ['市のホームページ', 'ホームページの検索', '申請フォームの画面', '市の公式アプリ'],
    points: [
      'は文字が小さく、目の悪い私には読みにくいです。',
      'で探している情報になかなかたどり着けません。',
      'を音声読み上げでも使えるようにしてください。',
      'の言葉が難しいので、やさしい日本語の表示がほしい。',
    ],
    details: [
      '外国から来た近所の家族も読めずに困っていました。',
      'お知らせが多すぎて大事なことが埋もれています。',
      '入力の途中で画面が切れて最初からやり直しになりました。',
    ],
  },
  {
    subjects: ['キャッシュレス決済', '窓口での手数料の支払い', '電子マネーでの納付', 'コンビニでの証明書の交付'],
    points: [
      'に対応する施設をもっと増やしてほしい。',
      'で使える支払い方法が少なく不便です。',
      'の利用できる時間を延ばしてください。',
      'の手数料を引き下げてはどうでしょうか。',
    ],
    details: [
      '小銭を用意しないといけないのは時代遅れだと思います。',
      'ポイントの還元があれば利用する人が増えるはずです。',
      '休日にも使えると仕事をしている人は助かります。',
    ],
  },
];

const openings = [
  '',
  '',
  '私は市内に住む会社員です。',
  '日頃から市政にご尽力いただき、ありがとうございます。',
  '計画案を読んで意見を述べます。',
  '子育て中の親として意見します。',
  '七十代の年金生活者です。',
  '市内で小さな店を営んでいます。',
];
const closings = ['', '', 'よろしくお願いします。', 'ぜひ検討してください。', '市民の声をよく聞いてほしいと思います。'];
const adverbs = ['', '', '特に', 'できれば', 'とにかく', '以前から'];
// An experience at the city hall, unrelated to the topic, as residents often start with.
const when = ['先月', '去年', 'この春', '先日', '以前', '昨年の秋'];
const who = ['母', '父', '祖母', '夫', '妻', '息子', '娘', '隣の方', '私'];
const errand = [
  '介護保険の申請',
  '転入の届出',
  '住民票の請求',
  '税金の相談',
  '国民健康保険の手続き',
  '印鑑登録',
  '障害者手帳の更新',
  '児童扶養手当の届出',
];
const place = ['区役所', '市役所の本庁舎', '出張所', '市民センター', '支所'];
// Other things residents mention on the way, so the vocabulary is not only the topics' own.
const nouns = (
  '道路 歩道 街灯 公園 図書館 体育館 児童館 プール 駐輪場 バス 鉄道 駅前 商店街 空き家 防災 避難所 ハザードマップ ' +
  '地震 大雨 河川 ごみ 資源 リサイクル 騒音 緑地 農地 観光 祭り 文化 スポーツ 医療 病院 診療所 救急 介護 福祉 ' +
  '障害 保育 学童 学校 給食 教員 不登校 奨学金 雇用 起業 中小企業 農業 漁業 税金 住民税 固定資産税 水道 下水道 ' +
  '住宅 団地 外国人 多文化 国際 平和 人権 男女 選挙 議会 町内会 自治会 ボランティア 高齢化 少子化 人口 移住 ' +
  '交通安全 防犯 消防 感染症 健診 がん 歯科 薬局 食育 芸術 美術館 博物館 動物 ペット 景観 温暖化 省エネ 太陽光'
).split(' ');
// Made-up neighbourhood names (two characters and a suffix), as residents say where they live: real
// opinions carry many such rare words, which is what keeps their term lists apart.
const nameKanji = [...'桜梅松竹若旭栄幸平和富豊泉柳桂菊青緑白黒赤金銀石岩浜沢島橋森林野原谷坂宮寺井泉丘台川山田'];
const suffixes = ['町', '台', '丘', '', '', '地区'];
const mentions = [
  'も気になっています',
  'についても同じように考えてほしい',
  'の予算を減らさないでください',
  'の情報もまとめて見られると便利です',
  'の担当課にも伝えてほしいです',
];
const experience = [
  '長い時間待たされました',
  '説明がとても丁寧でした',
  '必要な書類が分からず二度手間になりました',
  '職員の方が親切に教えてくれました',
  '駐車場が満車で困りました',
  '案内の表示が分かりにくかったです',
];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n synthetic opinions; `topic` is the topic they were built from (the first, for the few with two). */
export function syntheticOpinions(n: number, seed = 1): (TextItem & { topic: number })[] {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const point = (topic: number) => {
    const { subjects, points, details } = topics[topic]!;
    const detail = next() < 0.5 ? pick(details) : '';
    return `${pick(adverbs)}${pick(subjects)}${pick(points)}${detail}`;
  };
  const aside = () => (next() < 0.5 ? `また、${pick(nouns)}や${pick(nouns)}の${pick(nouns)}${pick(mentions)}。` : '');
  const home = () => (next() < 0.4 ? `${pick(nameKanji)}${pick(nameKanji)}${pick(suffixes)}に住んでいます。` : '');
  const context = () =>
    next() < 0.4
      ? `${pick(when)}、${pick(who)}の${pick(errand)}で${pick(place)}に行きましたが、${pick(experience)}。`
      : '';
  const out: (TextItem & { topic: number })[] = [];
  for (let i = 0; i < n; i++) {
    const id = `op-${String(i + 1).padStart(5, '0')}`;
    const r = next();
    if (r < 0.03 && out.length > 0) {
      const copied = pick(out); // a campaign sends the same text again, spaced or punctuated differently
      out.push({ id, topic: copied.topic, text: copied.text.replace(/。/g, '。 ') });
      continue;
    }
    if (r < 0.05 && out.length > 0) {
      const copied = pick(out); // or nearly the same: another greeting and closing around the same points
      const body = copied.text.split('。').slice(1).join('。');
      out.push({ id, topic: copied.topic, text: `${pick(openings)}${body}${pick(closings)}` });
      continue;
    }
    const topic = Math.floor(next() * topics.length);
    const sentences = [pick(openings), home(), context(), point(topic)];
    const second = next() < 0.5 ? point(topic) : '';
    if (second !== sentences[3]) sentences.push(second);
    if (r > 0.92) sentences.push(point((topic + 1 + Math.floor(next() * (topics.length - 1))) % topics.length));
    sentences.push(aside(), pick(closings));
    out.push({ id, topic, text: sentences.join('') });
  }
  return out;
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

/** Best of `rounds` timings, in seconds (the machine is shared: the best is the least disturbed). */
function seconds(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return Number((best / 1000).toFixed(3));
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

function segmentOnly(items: TextItem[]): number {
  let words = 0;
  for (const { text } of items) for (const s of segmenter.segment(text)) if (s.isWordLike) words++;
  return words;
}

export async function run() {
  segmentOnly(syntheticOpinions(500, 7)); // warm up ICU and the JIT
  groupSimilar(syntheticOpinions(500, 7));
  findDuplicates(syntheticOpinions(500, 7));
  const runs = [];
  for (const n of [2_000, 20_000]) {
    const items = syntheticOpinions(n);
    const segmenterOnly = seconds(() => segmentOnly(items));
    const groupSeconds = seconds(() => groupSimilar(items));
    const duplicatesSeconds = seconds(() => findDuplicates(items));
    const groups = groupSimilar(items);
    const duplicates = findDuplicates(items);
    runs.push({
      opinions: n,
      group_seconds: groupSeconds,
      duplicates_seconds: duplicatesSeconds,
      segmenter_only_seconds: segmenterOnly,
      ratio_to_segmenter: Number((groupSeconds / segmenterOnly).toFixed(2)),
      characters: items.reduce((sum, item) => sum + item.text.length, 0),
      groups: groups.length,
      largest_group: groups[0]?.ids.length ?? 0,
      duplicates: duplicates.length,
      exact_duplicates: duplicates.filter((d) => d.exact).length,
    });
  }
  return { runs, rounds };
}
