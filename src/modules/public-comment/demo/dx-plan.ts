// Demo consultation: the city's DX plan revision, with the shape of the real result (4通10件; ア B5 D3,
// イ B1, ウ C1). The residents' letters, the summaries and the city's views are synthetic and short,
// written for the demo; only the dates, topics, classes and counts follow the published report.
import { kawasakiResponseClasses } from '../report/classes.ts';
import type { ReportInput, SubmissionMethod } from '../report/types.ts';

type DemoOpinion = ReportInput['opinions'][number];

export interface DemoSubmission {
  channel: SubmissionMethod;
  /** ISO date, inside the period. */
  receivedOn: string;
  /** What the resident sent, as typed or transcribed. */
  text: string;
  /** The opinions (件) staff drew from it. */
  opinions: DemoOpinion[];
}

export interface DemoConsultation {
  title: string;
  subject: string;
  departmentName: string;
  summary: string;
  period: { from: string; to: string };
  methods: SubmissionMethod[];
  announcements: string[];
  background: string;
  overview: string[];
  topics: ReportInput['topics'];
  classes: ReportInput['classes'];
  publishedOn: string;
  submissions: DemoSubmission[];
  changes: ReportInput['changes'];
  changesNote: string;
  schedule: ReportInput['schedule'];
}

export const dxPlanDemo: DemoConsultation = {
  title: '川崎市DX推進プラン（改定案）',
  subject: '「川崎市DX推進プラン」の改定案',
  departmentName: '総務企画局',
  summary:
    '人口減少とデジタル技術の進歩を踏まえ、市のDXの考え方と取組の方向性を見直す改定案です。' +
    '行政手続のオンライン化、業務の見直し、デジタルデバイド対策などを盛り込んでいます。' +
    '改定案について、市民の皆様の御意見を募集します。',
  period: { from: '2025-12-03', to: '2026-01-05' },
  methods: ['web', 'post', 'fax', 'in_person'],
  announcements: [
    '市政だより',
    '市ホームページ',
    'かわさき情報プラザ',
    '各区役所市政資料コーナー',
    '支所・出張所',
    '市民館',
    '図書館（分館含む）',
    '総務企画局デジタル化施策推進室にて資料閲覧',
  ],
  background:
    '本市では、働き手の減少やデジタル技術の進歩を受けて、市民サービスの向上と業務の効率化を進めるため、' +
    '「川崎市DX推進プラン」の改定案を作成し、市民の皆様から御意見を募集しました。',
  overview: [
    '改定案には、手続のオンライン化や業務の見直し、デジタルデバイド対策などについての御意見や御要望が寄せられました。',
    'いただいた御意見は今後の取組の参考とし、国の計画の改定や市議会での議論も踏まえて必要な修正を行った上で、プランを改定します。',
  ],
  topics: [
    { code: 'ア', title: 'プランの取組の方向性に関すること' },
    { code: 'イ', title: 'プランのその他全般に関すること' },
    { code: 'ウ', title: 'その他の個別の取組に関すること' },
  ],
  classes: kawasakiResponseClasses,
  publishedOn: '2026-02-09',
  submissions: [
    {
      channel: 'web',
      receivedOn: '2025-12-08',
      text:
        '障害のある家族の手続で、手帳や医療の申請のたびに仕事を休んで窓口に行っています。家からできる手続を増やしてください。\n\n' +
        'ほかの手続も、マイナンバーカードで本人確認をして、最後までオンラインで終わるようにしてほしいです。\n\n' +
        'それから、市民の声を集める仕組みにもデジタルを使ってください。問い合わせやSNSの声を分析するなど、市と市民が一緒に考えられる場があるとよいと思います。',
      opinions: [
        {
          topicCode: 'ア',
          summary:
            '障害に関する手続で窓口へ行くたびに休暇が必要になる。\n本人や家族の負担を減らすため、オンラインでできるようにしてほしい。',
          response:
            '本人確認や診断書の原本が必要な手続を除き、障害福祉の分野でもオンライン化を進めています。\n' +
            '対面が必要な手続についても、国の動きを見ながら、できるものから対応を広げていきます。',
          classCode: 'D',
        },
        {
          topicCode: 'ア',
          summary: 'マイナンバーカードによる本人確認などを使い、手続がオンラインで最後まで終わるようにしてほしい。',
          response:
            '多くの手続でマイナンバーカードによる本人確認に対応しています。来庁しなくても手続が済む市役所を目指して、オンライン化を更に進めます。',
          classCode: 'B',
        },
        {
          topicCode: 'ウ',
          summary:
            '市民の声を集めることにもDXを使い、問い合わせやSNSの分析、市民と共に考える場づくりを検討してほしい。',
          response:
            '電子メールによる御意見やお問い合わせは増えています。より多くの声を聴くため、デジタル技術を含めた方法を調査・研究していきます。',
          classCode: 'C',
        },
      ],
    },
    {
      channel: 'post',
      receivedOn: '2025-12-17',
      text:
        '業務の見直しを掲げている点に賛成です。標準準拠システムに移る前に、今の業務を棚卸しして手順を文書にしておくことが大切だと思います。\n' +
        'ガバメントクラウドを使うなら、誰がどこからどの業務に入るのかを整理し、認証やログの扱いを決めておくべきです。\n' +
        'ただ、クラウドに移すことが必ず安くなるとは限りません。移行前後の費用をよく比べてから判断してください。',
      opinions: [
        {
          topicCode: 'ア',
          summary:
            '業務の見直しは方向性として分かりやすい。システム移行の前に、現場に寄り添って業務の棚卸しと文書化を進めてほしい。',
          response:
            '現場の職員への聞き取りを基に業務プロセスの見直し（BPR）を進めています。必要に応じて外部の知見も借りながら、引き続き取り組みます。',
          classCode: 'B',
        },
        {
          topicCode: 'ア',
          summary:
            'クラウドの利用が広がると、端末やネットワークの運用も変わる。\n誰が、どの業務で、どこから使うのかを踏まえたアクセス管理を整理してほしい。',
          response:
            '利用者と環境に応じてアクセスを管理する考え方は、国の示すゼロトラストの方向と一致しています。国の動きを確かめながら、認証とログ管理の仕組みを研究します。',
          classCode: 'B',
        },
        {
          topicCode: 'ア',
          summary:
            'クラウドへの移行が常に安くなるとは限らない。増える費用と減る費用を比べて、移行の要否から判断してほしい。',
          response:
            '移行に費用面の課題があることは認識しており、国への要望や他都市との情報共有を行っています。移行の際は費用対効果を確かめた上で判断します。',
          classCode: 'B',
        },
      ],
    },
    {
      channel: 'fax',
      receivedOn: '2025-12-24',
      text:
        '誰ひとり取り残さないと言ってスマホ教室を続けるより、市民がデジタルで何かを作る側に回れるようにしてください。\n' +
        '若い人がものづくりに取り組める場所に力を入れるべきで、高齢者向けの教室はもう十分だと思います。',
      opinions: [
        {
          topicCode: 'ア',
          summary: '高齢者向けのスマホ教室よりも、若い人がデジタルでものを作る側に回れる場づくりに力を入れてほしい。',
          response:
            'プランは、誰もがデジタル化の恩恵を受けられる環境づくりを掲げています。スマートフォン教室には今も多くの申込みがあるため、引き続き開催します。',
          classCode: 'D',
        },
      ],
    },
    {
      channel: 'in_person',
      receivedOn: '2026-01-05',
      text:
        '母がスマートフォンでの手続に戸惑っています。教室に加えて、地域包括支援センターや民生委員など身近な人が相談に乗れる仕組みがあると安心です。\n\n' +
        '訪問介護などの小さな事業所では、パソコンやネットワークの整備が追いついていません。事業所側の準備も支えてください。\n\n' +
        '全体として、技術の導入と暮らしの中の支えを両方進めていけば、プランの目指す姿に近づくと思います。期待しています。',
      opinions: [
        {
          topicCode: 'ア',
          summary:
            '高齢者がオンライン手続に戸惑うことは多い。\n教室に加え、地域の支援者と連携して、身近に相談できる支援を位置付けてほしい。',
          response:
            '身近な人による手助けも効果的だと考えています。地域でスマートフォンの使い方を支える人材を育て、その人たちと連携した取組を続けます。',
          classCode: 'B',
        },
        {
          topicCode: 'ア',
          summary:
            '小規模な介護事業所は機器やネットワークの整備に課題がある。事業所側のICT環境づくりを支援してほしい。',
          response:
            '介護事業所には、ICT導入の研修や補助金の案内、申請書類の作成支援を行っています。中小企業向けにも専門家派遣や補助事業で支援しています。',
          classCode: 'D',
        },
        {
          topicCode: 'イ',
          summary: 'オンライン化は便利だが、不安を感じる人への説明と支援も大切。技術と現場の支えの両方を整えてほしい。',
          response:
            '使いやすい画面や操作の改善とデジタルデバイド対策に取り組み、誰もがDXの恩恵を受けられる環境づくりを進めます。',
          classCode: 'B',
        },
      ],
    },
  ],
  changes: [
    {
      summary: '国の「自治体DX推進計画」の改定を受け、国の動向の記載を時点更新',
      after: '（プラン本編P4）\n第5.0版（令和7（2025）年12月）の重点取組事項を記載',
      before: '（プラン本編P4）\n第4.0版（令和7（2025）年3月）の重点取組事項を記載',
    },
    {
      summary: '市議会での議論を踏まえ、DX推進に当たっての考え方④に社会課題・行政課題の解決の視点を追記',
      after:
        '（プラン本編P10）\n④社会課題や行政課題の解決に向けて、デジタル技術の動向を注視し適宜適切なデジタル技術を活用する。',
      before: '（プラン本編P10）\n④デジタル技術の進歩や普及の動向を注視し、適宜適切なデジタル技術を選択し活用する。',
    },
    {
      summary: '取組の進捗を踏まえ、市LINE公式アカウント友だち登録者数の目標値を修正',
      after: '（プラン本編P15）\n目標値 160,000人（令和11（2029）年度）',
      before: '（プラン本編P15）\n目標値 100,000人（令和11（2029）年度）',
    },
    {
      summary: '取組の効果を分かりやすく示すため、取組の方向性に参考の図を追加',
      after: '（プラン本編P30）\n参考の図を追加',
      before: 'なし',
    },
  ],
  changesNote: '※その他用語・用字の修正など、所要の整備を行っています。',
  schedule: [{ when: '令和8年3月', what: '「川崎市DX推進プラン」改定' }],
};

/** The demo as the report builder's input: every submission's opinions, in the order they came in. */
export function dxPlanReportInput(demo: DemoConsultation = dxPlanDemo): ReportInput {
  return {
    cityName: '川崎市',
    departmentName: demo.departmentName,
    subject: demo.subject,
    publishedOn: demo.publishedOn,
    background: demo.background,
    period: demo.period,
    methods: demo.methods,
    announcements: demo.announcements,
    submissionCount: demo.submissions.length,
    overview: demo.overview,
    classes: demo.classes,
    topics: demo.topics,
    opinions: demo.submissions.flatMap((s) => s.opinions),
    changes: demo.changes,
    changesNote: demo.changesNote,
    schedule: demo.schedule,
  };
}
