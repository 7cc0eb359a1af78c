// The parts generated procedure names are built from. Every part carries its reading and its English, so a
// name 「道路占用」+「許可申請」 has the reading ドウロセンヨウ+キョカシンセイ. A subject line is
// `漢字|カタカナ|English`; a family says which kinds of procedure (手続種別) exist for its subjects.
import type { AssuranceLevel, Filer, LifeEvent } from '../definition.ts';

export interface Action {
  ja: string;
  kana: string;
  /** English name; `{s}` is the subject. */
  en: string;
  /** What the procedure does, for the description; `{s}` is the subject. */
  about: [ja: string, jaEasy: string, en: string];
}

export type FamilyName =
  | 'subsidy'
  | 'permit'
  | 'notification'
  | 'registration'
  | 'benefit'
  | 'certificate'
  | 'facility'
  | 'reduction'
  | 'application'
  | 'designation';

export interface Family {
  actions: Action[];
  /** Share of online / online_with_visit (the rest is in person), before a subject's own leaning. */
  online: number;
  visit: number;
  reasons: (
    | 'original_documents'
    | 'face_to_face_identity'
    | 'diagnosis_certificate'
    | 'physical_item'
    | 'on_site_inspection'
    | 'law_requires_paper'
    | 'interview'
  )[];
  assurance: AssuranceLevel;
  processingDays: number[];
}

const a = (ja: string, kana: string, en: string, about: [string, string, string]): Action => ({ ja, kana, en, about });

export const families: Record<FamilyName, Family> = {
  subsidy: {
    actions: [
      a('補助金交付申請', 'ホジョキンコウフシンセイ', 'Application for the {s} subsidy', [
        '{s}の補助金の交付を申請します。',
        '{s}の お金（補助金）を 申し込みます。',
        'Apply for the {s} subsidy.',
      ]),
      a('補助金変更承認申請', 'ホジョキンヘンコウショウニンシンセイ', 'Request to change an approved {s} subsidy', [
        '交付決定を受けた{s}の補助事業の内容を変更するときに承認を申請します。',
        '{s}の 補助金の 内容を 変える ときの 申し込みです。',
        'Ask for approval before changing a project funded by the {s} subsidy.',
      ]),
      a('補助金実績報告', 'ホジョキンジッセキホウコク', 'Completion report for the {s} subsidy', [
        '{s}の補助事業が完了したときに実績を報告します。',
        '{s}の 補助金で した ことを 報告します。',
        'Report on a completed project funded by the {s} subsidy.',
      ]),
      a('補助金交付請求', 'ホジョキンコウフセイキュウ', 'Payment claim for the {s} subsidy', [
        '額の確定を受けた{s}の補助金の支払いを請求します。',
        '{s}の 補助金の お金を 払って もらう 手続です。',
        'Claim payment of a confirmed {s} subsidy.',
      ]),
      a(
        '補助事業廃止承認申請',
        'ホジョジギョウハイシショウニンシンセイ',
        'Request to abandon a {s} subsidised project',
        [
          '{s}の補助事業を中止または廃止するときに承認を申請します。',
          '{s}の 補助金で する ことを やめる ときの 申し込みです。',
          'Ask for approval to stop a project funded by the {s} subsidy.',
        ],
      ),
    ],
    online: 0.6,
    visit: 0.22,
    reasons: ['original_documents', 'on_site_inspection', 'law_requires_paper'],
    assurance: 'jpki_signature',
    processingDays: [30, 30, 45, 60],
  },
  permit: {
    actions: [
      a('許可申請', 'キョカシンセイ', 'Application for a {s} permit', [
        '{s}の許可を申請します。',
        '{s}の 許可を 申し込みます。',
        'Apply for a {s} permit.',
      ]),
      a('変更許可申請', 'ヘンコウキョカシンセイ', 'Application to change a {s} permit', [
        '許可を受けた{s}の内容を変更するときに申請します。',
        '{s}の 許可の 内容を 変える ときの 申し込みです。',
        'Apply to change what a {s} permit allows.',
      ]),
      a('更新許可申請', 'コウシンキョカシンセイ', 'Application to renew a {s} permit', [
        '{s}の許可の期間が終わる前に更新を申請します。',
        '{s}の 許可を 続ける ための 申し込みです。',
        'Apply to renew a {s} permit before it expires.',
      ]),
      a('廃止届', 'ハイシトドケ', 'Notice of ending {s}', [
        '{s}をやめたときに届け出ます。',
        '{s}を やめた ときに 出します。',
        'Tell the city that you have stopped {s}.',
      ]),
      a('許可証再交付申請', 'キョカショウサイコウフシンセイ', 'Reissue of a {s} permit', [
        '{s}の許可証をなくしたり汚したりしたときに再交付を申請します。',
        '{s}の 許可の 紙を もう一度 もらいます。',
        'Ask for a new {s} permit document if it is lost or damaged.',
      ]),
      a('地位承継届', 'チイショウケイトドケ', 'Notice of succession to a {s} permit', [
        '相続や合併で{s}の許可を受けた者の地位を引き継いだときに届け出ます。',
        '{s}の 許可を 引き継いだ ときに 出します。',
        'Report that you have taken over a {s} permit by inheritance or merger.',
      ]),
    ],
    online: 0.34,
    visit: 0.4,
    reasons: ['on_site_inspection', 'original_documents', 'law_requires_paper'],
    assurance: 'account',
    processingDays: [7, 14, 14, 21, 30],
  },
  notification: {
    actions: [
      a('の届出', 'ノトドケデ', 'Notification of {s}', [
        '{s}について届け出ます。',
        '{s}の ことを 市に 知らせます。',
        'Notify the city of {s}.',
      ]),
      a('の変更届', 'ノヘンコウトドケ', 'Notice of change: {s}', [
        '届け出た{s}の内容が変わったときに届け出ます。',
        '{s}の 内容が 変わったら 出します。',
        'Tell the city when anything you notified about {s} changes.',
      ]),
      a('の廃止届', 'ノハイシトドケ', 'Notice of ending {s}', [
        '{s}をやめたときに届け出ます。',
        '{s}を やめたら 出します。',
        'Tell the city when {s} ends.',
      ]),
    ],
    online: 0.55,
    visit: 0.2,
    reasons: ['law_requires_paper', 'on_site_inspection', 'original_documents'],
    assurance: 'account',
    processingDays: [0, 7, 14],
  },
  registration: {
    actions: [
      a('の登録申請', 'ノトウロクシンセイ', 'Registration: {s}', [
        '{s}の登録を申請します。',
        '{s}の 登録を 申し込みます。',
        'Apply for registration as {s}.',
      ]),
      a('の登録事項変更届', 'ノトウロクジコウヘンコウトドケ', 'Change to a registration: {s}', [
        '登録した{s}の内容が変わったときに届け出ます。',
        '{s}の 登録の 内容が 変わったら 出します。',
        'Report a change to your registration as {s}.',
      ]),
      a('の登録更新申請', 'ノトウロクコウシンシンセイ', 'Renewal of a registration: {s}', [
        '{s}の登録の有効期間が終わる前に更新を申請します。',
        '{s}の 登録を 続ける ための 申し込みです。',
        'Renew your registration as {s} before it expires.',
      ]),
      a('の登録廃止届', 'ノトウロクハイシトドケ', 'Ending a registration: {s}', [
        '{s}の登録をやめるときに届け出ます。',
        '{s}の 登録を やめる ときに 出します。',
        'End your registration as {s}.',
      ]),
      a('の登録証明書の交付申請', 'ノトウロクショウメイショノコウフシンセイ', 'Registration certificate: {s}', [
        '{s}として登録されていることの証明書を請求します。',
        '{s}として 登録されている 証明書を もらいます。',
        'Request a certificate of your registration as {s}.',
      ]),
    ],
    online: 0.5,
    visit: 0.25,
    reasons: ['physical_item', 'original_documents', 'law_requires_paper'],
    assurance: 'jpki_signature',
    processingDays: [7, 14, 30],
  },
  benefit: {
    actions: [
      a('の支給申請', 'ノシキュウシンセイ', 'Application for {s}', [
        '{s}の支給を申請します。',
        '{s}を もらう ための 申し込みです。',
        'Apply for {s}.',
      ]),
      a('の現況届', 'ノゲンキョウトドケ', 'Annual status report: {s}', [
        '{s}を引き続き受けるため、毎年の状況を届け出ます。',
        '{s}を 続けて もらう ために 毎年 出します。',
        'Report your situation each year to keep receiving {s}.',
      ]),
      a('の変更届', 'ノヘンコウトドケ', 'Notice of change: {s}', [
        '{s}の受給者の住所・氏名・世帯などが変わったときに届け出ます。',
        '{s}を もらう 人の 住所などが 変わったら 出します。',
        'Report a change of address, name or household while receiving {s}.',
      ]),
      a('の受給資格喪失届', 'ノジュキュウシカクソウシツトドケ', 'Notice of losing eligibility: {s}', [
        '{s}を受ける要件に当てはまらなくなったときに届け出ます。',
        '{s}を もらえなく なったら 出します。',
        'Tell the city when you are no longer eligible for {s}.',
      ]),
      a('の振込口座変更届', 'ノフリコミコウザヘンコウトドケ', 'Change of bank account: {s}', [
        '{s}の振込先の口座を変えるときに届け出ます。',
        '{s}の お金が 入る 銀行口座を 変えます。',
        'Change the bank account {s} is paid into.',
      ]),
    ],
    online: 0.5,
    visit: 0.28,
    reasons: ['diagnosis_certificate', 'interview', 'original_documents'],
    assurance: 'jpki_signature',
    processingDays: [14, 30, 30, 45],
  },
  certificate: {
    actions: [
      a('証明書の交付申請', 'ショウメイショノコウフシンセイ', 'Certificate of {s}', [
        '{s}の証明書を請求します。',
        '{s}の 証明書を もらいます。',
        'Request a certificate of {s}.',
      ]),
    ],
    online: 0.6,
    visit: 0.2,
    reasons: ['original_documents', 'face_to_face_identity'],
    assurance: 'jpki_identity',
    processingDays: [0, 3, 7],
  },
  facility: {
    actions: [
      a('の使用許可申請', 'ノシヨウキョカシンセイ', 'Booking {s}', [
        '{s}の使用を申し込みます。',
        '{s}を 使う ための 申し込みです。',
        'Book {s}.',
      ]),
      a('の使用料減免申請', 'ノシヨウリョウゲンメンシンセイ', 'Fee reduction for {s}', [
        '公益的な活動などで{s}を使うときに使用料の減免を申請します。',
        '{s}を 使う お金を 安く する 申し込みです。',
        'Ask for a lower fee to use {s} for a public-benefit activity.',
      ]),
      a('の使用変更・取消申請', 'ノシヨウヘンコウ・トリケシシンセイ', 'Change or cancel a booking of {s}', [
        '{s}の予約の日時を変えたり取り消したりします。',
        '{s}の 予約を 変えたり やめたり します。',
        'Change or cancel a booking of {s}.',
      ]),
      a('の附属設備使用申請', 'ノフゾクセツビシヨウシンセイ', 'Equipment at {s}', [
        '{s}のマイク・プロジェクター・ピアノなどの附属設備の使用を申し込みます。',
        '{s}の マイクや ピアノなどを 使う 申し込みです。',
        'Book equipment such as microphones, projectors or a piano at {s}.',
      ]),
    ],
    online: 0.66,
    visit: 0.16,
    reasons: ['physical_item', 'original_documents'],
    assurance: 'account',
    processingDays: [0, 3, 7],
  },
  reduction: {
    actions: [
      a('の減免申請', 'ノゲンメンシンセイ', 'Reduction of {s}', [
        '災害や収入の減少などで{s}を納めるのが難しいときに減免を申請します。',
        '{s}を 払うのが 大変な ときに、安く して もらう 申し込みです。',
        'Apply to reduce {s} after a disaster or loss of income.',
      ]),
      a('の徴収猶予申請', 'ノチョウシュウユウヨシンセイ', 'Deferral of {s}', [
        '{s}の納付を一時的に待ってもらうよう申請します。',
        '{s}を 払うのを 待って もらう 申し込みです。',
        'Apply to defer payment of {s}.',
      ]),
      a('の口座振替申込み', 'ノコウザフリカエモウシコミ', 'Direct debit for {s}', [
        '{s}を口座振替で納めるよう申し込みます。',
        '{s}を 銀行口座から 払う 申し込みです。',
        'Pay {s} by direct debit.',
      ]),
      a('の還付請求', 'ノカンプセイキュウ', 'Refund of {s}', [
        '納めすぎた{s}の還付を請求します。',
        '多く 払った {s}を 返して もらいます。',
        'Claim a refund of overpaid {s}.',
      ]),
    ],
    online: 0.55,
    visit: 0.25,
    reasons: ['original_documents', 'interview'],
    assurance: 'jpki_signature',
    processingDays: [14, 30],
  },
  application: {
    actions: [
      a('の申込み', 'ノモウシコミ', 'Apply: {s}', ['{s}を申し込みます。', '{s}の 申し込みです。', 'Apply for {s}.']),
      a('の申込み取消し', 'ノモウシコミトリケシ', 'Cancel: {s}', [
        '申し込んだ{s}を取り消します。',
        '{s}の 申し込みを やめます。',
        'Cancel your application for {s}.',
      ]),
    ],
    online: 0.55,
    visit: 0.2,
    reasons: ['interview', 'diagnosis_certificate', 'physical_item'],
    assurance: 'account',
    processingDays: [0, 3, 7, 14],
  },
  designation: {
    actions: [
      a('の指定申請', 'ノシテイシンセイ', 'Designation as {s}', [
        '{s}として市の指定を受けるため申請します。',
        '{s}として 市に 認めて もらう 申し込みです。',
        'Apply to be designated by the city as {s}.',
      ]),
      a('の変更届', 'ノヘンコウトドケ', 'Notice of change: {s}', [
        '指定を受けた{s}の事業所の内容が変わったときに届け出ます。',
        '{s}の 内容が 変わったら 出します。',
        'Report a change at a designated {s}.',
      ]),
      a('の指定更新申請', 'ノシテイコウシンシンセイ', 'Renewal of designation: {s}', [
        '6年ごとに{s}の指定の更新を申請します。',
        '{s}の 指定を 続ける 申し込みです。',
        'Renew the designation as {s} every six years.',
      ]),
      a('の廃止・休止届', 'ノハイシ・キュウシトドケ', 'Closing or suspending: {s}', [
        '{s}の事業を廃止または休止するときに届け出ます。',
        '{s}を やめる ときや 休む ときに 出します。',
        'Report that a {s} is closing or suspending its service.',
      ]),
      a('の再開届', 'ノサイカイトドケ', 'Resuming: {s}', [
        '休止していた{s}の事業を再開したときに届け出ます。',
        '休んでいた {s}を また 始めたら 出します。',
        'Report that a {s} has resumed its service.',
      ]),
    ],
    online: 0.48,
    visit: 0.3,
    reasons: ['on_site_inspection', 'original_documents'],
    assurance: 'jpki_signature',
    processingDays: [14, 30, 60],
  },
};

export interface SubjectGroup {
  family: FamilyName;
  department: string;
  categories: string[];
  lifeEvents: LifeEvent[];
  filer: Filer;
  /** Fee in yen for the first action of the family (0 when free). */
  fee?: number;
  /** `漢字|カタカナ|English` per line. */
  subjects: string;
}

export const subjectGroups: SubjectGroup[] = [
  {
    family: 'subsidy',
    department: 'kankyo.shisetsu.shori-keikaku',
    categories: ['environment'],
    lifeEvents: ['housing'],
    filer: 'both',
    subjects: `住宅用太陽光発電設備設置|ジュウタクヨウタイヨウコウハツデンセツビセッチ|home solar power
家庭用蓄電池設置|カテイヨウチクデンチセッチ|home battery
燃料電池設置|ネンリョウデンチセッチ|fuel cell installation
断熱改修|ダンネツカイシュウ|insulation retrofit
電気自動車充電設備設置|デンキジドウシャジュウデンセツビセッチ|EV charger installation
生ごみ処理機購入|ナマゴミショリキコウニュウ|food waste processor
雨水貯留槽設置|ウスイチョリュウソウセッチ|rainwater tank
屋上緑化|オクジョウリョクカ|green roof
生垣設置|イケガキセッチ|hedge planting
事業者省エネルギー設備導入|ジギョウシャショウエネルギーセツビドウニュウ|business energy-saving equipment
次世代自動車導入|ジセダイジドウシャドウニュウ|low-emission vehicle
再生可能エネルギー導入|サイセイカノウエネルギードウニュウ|renewable energy
集団回収|シュウダンカイシュウ|community recycling collection
資源物回収用具購入|シゲンブツカイシュウヨウグコウニュウ|recycling equipment`,
  },
  {
    family: 'subsidy',
    department: 'machizukuri.jutaku-seisaku',
    categories: ['housing'],
    lifeEvents: ['housing', 'building'],
    filer: 'both',
    subjects: `木造住宅耐震改修|モクゾウジュウタクタイシンカイシュウ|wooden house earthquake retrofit
木造住宅耐震診断|モクゾウジュウタクタイシンシンダン|wooden house earthquake assessment
マンション耐震診断|マンションタイシンシンダン|condominium earthquake assessment
ブロック塀等撤去|ブロックベイトウテッキョ|block wall removal
住宅バリアフリー改修|ジュウタクバリアフリーカイシュウ|accessible home renovation
空き家活用|アキヤカツヨウ|vacant house reuse
空き家除却|アキヤジョキャク|vacant house demolition
三世代同居・近居支援|サンセダイドウキョ・キンキョシエン|three-generation living support
子育て世帯住替え支援|コソダテセタイスミカエシエン|family home move support
アスベスト含有調査|アスベストガンユウチョウサ|asbestos survey
がけ地防災対策工事|ガケチボウサイタイサクコウジ|slope safety works
感震ブレーカー設置|カンシンブレーカーセッチ|seismic circuit breaker`,
  },
  {
    family: 'subsidy',
    department: 'shimin-bunka.shimin-seikatsu.kikaku',
    categories: ['business'],
    lifeEvents: ['starting_business'],
    filer: 'business',
    subjects: `創業支援|ソウギョウシエン|business start-up
商店街活性化|ショウテンガイカッセイカ|shopping street revitalisation
商店街街路灯電気料|ショウテンガイガイロトウデンキリョウ|shopping street lighting
中小企業販路開拓|チュウショウキギョウハンロカイタク|SME market development
展示会出展|テンジカイシュッテン|trade fair exhibition
中小企業デジタル化|チュウショウキギョウデジタルカ|SME digitalisation
知的財産活用|チテキザイサンカツヨウ|intellectual property
新製品・新技術開発|シンセイヒン・シンギジュツカイハツ|new product development
ものづくり設備投資|モノヅクリセツビトウシ|manufacturing investment
事業承継|ジギョウショウケイ|business succession
空き店舗活用|アキテンポカツヨウ|empty shop reuse
障害者雇用促進|ショウガイシャコヨウソクシン|disability employment
女性活躍推進|ジョセイカツヤクスイシン|women in work
インターンシップ受入れ|インターンシップウケイレ|internship hosting
テレワーク導入|テレワークドウニュウ|remote work
産学連携研究開発|サンガクレンケイケンキュウカイハツ|industry-academia research
海外展開|カイガイテンカイ|overseas expansion
都市農業振興|トシノウギョウシンコウ|urban farming
農業用機械導入|ノウギョウヨウキカイドウニュウ|farm machinery
文化芸術活動|ブンカゲイジュツカツドウ|arts activities
地域スポーツ振興|チイキスポーツシンコウ|community sport
町内会・自治会集会所整備|チョウナイカイ・ジチカイシュウカイジョセイビ|neighbourhood hall works
防犯カメラ設置|ボウハンカメラセッチ|security camera
防犯灯設置|ボウハントウセッチ|street safety light
地域防災資機材購入|チイキボウサイシキザイコウニュウ|community disaster equipment
市民活動|シミンカツドウ|civic activity
多文化共生推進|タブンカキョウセイスイシン|multicultural community`,
  },
  {
    family: 'subsidy',
    department: 'kodomo-mirai.somu.kikaku',
    categories: ['children', 'childcare'],
    lifeEvents: ['childcare', 'birth'],
    filer: 'business',
    subjects: `認可外保育施設運営|ニンカガイホイクシセツウンエイ|unlicensed nursery operation
保育士宿舎借上げ|ホイクシシュクシャカリアゲ|nursery staff housing
保育所等整備|ホイクショトウセイビ|nursery construction
病児保育事業|ビョウジホイクジギョウ|sick-child care
子ども食堂運営|コドモショクドウウンエイ|children's cafeteria
地域子育て支援拠点|チイキコソダテシエンキョテン|family support centre
放課後児童健全育成事業|ホウカゴジドウケンゼンイクセイジギョウ|after-school care provider
保育所ICT化推進|ホイクショアイシーティーカスイシン|nursery digitalisation`,
  },
  {
    family: 'subsidy',
    department: 'kenko-fukushi.choju-shakai.kaigo-hoken',
    categories: ['care', 'welfare'],
    lifeEvents: ['care', 'turning_65'],
    filer: 'business',
    subjects: `介護職員処遇改善|カイゴショクインショグウカイゼン|care worker pay
介護施設整備|カイゴシセツセイビ|care home construction
介護ロボット導入|カイゴロボットドウニュウ|care robot
介護事業所ICT導入|カイゴジギョウショアイシーティードウニュウ|care provider digitalisation
認知症カフェ運営|ニンチショウカフェウンエイ|dementia café
高齢者外出支援|コウレイシャガイシュツシエン|outings for older people`,
  },
  {
    family: 'permit',
    department: 'kenko-fukushi.hoken-iryo',
    categories: ['business', 'food', 'health'],
    lifeEvents: ['starting_business'],
    filer: 'business',
    fee: 16000,
    subjects: `喫茶店営業|キッサテンエイギョウ|café business
菓子製造業|カシセイゾウギョウ|confectionery manufacturing
食肉販売業|ショクニクハンバイギョウ|meat retail
魚介類販売業|ギョカイルイハンバイギョウ|fish retail
食肉処理業|ショクニクショリギョウ|meat processing
乳処理業|ニュウショリギョウ|milk processing
アイスクリーム類製造業|アイスクリームルイセイゾウギョウ|ice cream manufacturing
めん類製造業|メンルイセイゾウギョウ|noodle manufacturing
そうざい製造業|ソウザイセイゾウギョウ|ready meal manufacturing
豆腐製造業|トウフセイゾウギョウ|tofu manufacturing
みそ又はしょうゆ製造業|ミソマタハショウユセイゾウギョウ|miso and soy sauce manufacturing
酒類製造業|シュルイセイゾウギョウ|alcoholic drink manufacturing
清涼飲料水製造業|セイリョウインリョウスイセイゾウギョウ|soft drink manufacturing
食品の冷凍又は冷蔵業|ショクヒンノレイトウマタハレイゾウギョウ|frozen and chilled food storage
密封包装食品製造業|ミップウホウソウショクヒンセイゾウギョウ|sealed food manufacturing
複合型そうざい製造業|フクゴウガタソウザイセイゾウギョウ|combined ready meal manufacturing
食品の小分け業|ショクヒンノコワケギョウ|food repacking
水産製品製造業|スイサンセイヒンセイゾウギョウ|seafood products manufacturing
自動販売機営業|ジドウハンバイキエイギョウ|vending machine business
臨時出店営業|リンジシュッテンエイギョウ|temporary food stall`,
  },
  {
    family: 'permit',
    department: 'kenko-fukushi.hoken-iryo',
    categories: ['business', 'health'],
    lifeEvents: ['starting_business'],
    filer: 'business',
    fee: 22000,
    subjects: `旅館業|リョカンギョウ|hotel and inn business
公衆浴場営業|コウシュウヨクジョウエイギョウ|public bath business
興行場営業|コウギョウジョウエイギョウ|entertainment venue
墓地経営|ボチケイエイ|cemetery operation
納骨堂経営|ノウコツドウケイエイ|columbarium operation
特定建築物|トクテイケンチクブツ|large building hygiene
遊泳用プール|ユウエイヨウプール|swimming pool
動物取扱業|ドウブツトリアツカイギョウ|animal business
特定動物飼養|トクテイドウブツシヨウ|keeping dangerous animals
薬局開設|ヤッキョクカイセツ|pharmacy
店舗販売業|テンポハンバイギョウ|drugstore
高度管理医療機器等販売業|コウドカンリイリョウキキトウハンバイギョウ|medical device sales
毒物劇物販売業|ドクブツゲキブツハンバイギョウ|poisonous substances sales
診療所開設|シンリョウジョカイセツ|clinic
歯科診療所開設|シカシンリョウジョカイセツ|dental clinic
助産所開設|ジョサンジョカイセツ|midwifery home
施術所開設|セジュツジョカイセツ|treatment centre
歯科技工所開設|シカギコウジョカイセツ|dental laboratory`,
  },
  {
    family: 'permit',
    department: 'kensetsu-ryokusei.somu.kikaku',
    categories: ['roads', 'construction'],
    lifeEvents: ['building'],
    filer: 'both',
    subjects: `道路工事施行承認|ドウロコウジセコウショウニン|private road works
道路沿道区域内工作物設置|ドウロエンドウクイキナイコウサクブツセッチ|roadside structures
歩道切下げ|ホドウキリサゲ|kerb lowering
公園占用|コウエンセンヨウ|park occupancy
公園施設設置|コウエンシセツセッチ|park facility installation
河川占用|カセンセンヨウ|river occupancy
河川区域内工作物新築|カセンクイキナイコウサクブツシンチク|river structures
準用河川流水占用|ジュンヨウカセンリュウスイセンヨウ|river water use
水路占用|スイロセンヨウ|waterway occupancy
法定外公共物使用|ホウテイガイコウキョウブツシヨウ|minor public land use
屋外広告物表示|オクガイコウコクブツヒョウジ|outdoor advertising
特殊車両通行|トクシュシャリョウツウコウ|oversized vehicle transit
緑地保全地区内行為|リョクチホゼンチクナイコウイ|green conservation area works
風致地区内行為|フウチチクナイコウイ|scenic district works
保存樹木伐採|ホゾンジュモクバッサイ|protected tree felling`,
  },
  {
    family: 'permit',
    department: 'jogesuido.gesuido.gesuido-kanri',
    categories: ['water', 'construction'],
    lifeEvents: ['building'],
    filer: 'business',
    subjects: `下水道占用|ゲスイドウセンヨウ|sewer occupancy
排水設備工事|ハイスイセツビコウジ|drainage works
下水道一時使用|ゲスイドウイチジシヨウ|temporary sewer use
除害施設設置|ジョガイシセツセッチ|pre-treatment facility
公共下水道接続|コウキョウゲスイドウセツゾク|sewer connection`,
  },
  {
    family: 'permit',
    department: 'machizukuri.shido.takuchi',
    categories: ['construction', 'land'],
    lifeEvents: ['building'],
    filer: 'business',
    fee: 86000,
    subjects: `開発行為|カイハツコウイ|land development
宅地造成等工事|タクチゾウセイトウコウジ|land grading works
特定盛土等|トクテイモリドトウ|embankment works
市街化調整区域内建築|シガイカチョウセイクイキナイケンチク|building in an urbanisation control area
土砂等埋立て|ドシャトウウメタテ|landfill with soil
生産緑地内行為|セイサンリョクチナイコウイ|works in productive green land
都市計画施設区域内建築|トシケイカクシセツクイキナイケンチク|building on planned urban facility land
土地区画整理事業区域内建築行為|トチクカクセイリジギョウクイキナイケンチクコウイ|building in a land readjustment area`,
  },
  {
    family: 'permit',
    department: 'kankyo.shisetsu.shori-keikaku',
    categories: ['waste', 'business', 'environment'],
    lifeEvents: ['starting_business'],
    filer: 'business',
    fee: 81000,
    subjects: `一般廃棄物収集運搬業|イッパンハイキブツシュウシュウウンパンギョウ|municipal waste collection
一般廃棄物処分業|イッパンハイキブツショブンギョウ|municipal waste disposal
産業廃棄物収集運搬業|サンギョウハイキブツシュウシュウウンパンギョウ|industrial waste collection
産業廃棄物処分業|サンギョウハイキブツショブンギョウ|industrial waste disposal
特別管理産業廃棄物収集運搬業|トクベツカンリサンギョウハイキブツシュウシュウウンパンギョウ|hazardous industrial waste collection
産業廃棄物処理施設設置|サンギョウハイキブツショリシセツセッチ|waste treatment facility
浄化槽清掃業|ジョウカソウセイソウギョウ|septic tank cleaning`,
  },
  {
    family: 'permit',
    department: 'kowan.kanri-center.kowan-kanri',
    categories: ['port', 'business'],
    lifeEvents: ['starting_business'],
    filer: 'business',
    subjects: `港湾区域内水域占用|コウワンクイキナイスイイキセンヨウ|port water area occupancy
港湾施設使用|コウワンシセツシヨウ|port facility use
臨港地区内構築物建設|リンコウチクナイコウチクブツケンセツ|structures in a port district
岸壁使用|ガンペキシヨウ|quay use
上屋使用|ウワヤシヨウ|transit shed use
荷さばき地使用|ニサバキチシヨウ|cargo handling area use
港湾区域内土砂採取|コウワンクイキナイドシャサイシュ|dredging in the port`,
  },
  {
    family: 'permit',
    department: 'shobo.somu.shomu',
    categories: ['fire', 'business'],
    lifeEvents: ['starting_business', 'building'],
    filer: 'business',
    fee: 11000,
    subjects: `危険物製造所設置|キケンブツセイゾウショセッチ|hazardous materials plant
危険物貯蔵所設置|キケンブツチョゾウショセッチ|hazardous materials store
危険物取扱所設置|キケンブツトリアツカイショセッチ|hazardous materials handling site
危険物仮貯蔵・仮取扱い|キケンブツカリチョゾウ・カリトリアツカイ|temporary hazardous materials storage
圧縮アセチレンガス等貯蔵|アッシュクアセチレンガストウチョゾウ|compressed gas storage
高圧ガス製造|コウアツガスセイゾウ|high-pressure gas production
液化石油ガス販売事業|エキカセキユガスハンバイジギョウ|LPG sales
火薬類消費|カヤクルイショウヒ|explosives use`,
  },
  {
    family: 'notification',
    department: 'kankyo.shisetsu.shori-keikaku',
    categories: ['environment', 'business'],
    lifeEvents: ['starting_business', 'building'],
    filer: 'business',
    subjects: `騒音規制法に基づく特定施設設置|ソウオンキセイホウニモトヅクトクテイシセツセッチ|noise-regulated equipment
振動規制法に基づく特定施設設置|シンドウキセイホウニモトヅクトクテイシセツセッチ|vibration-regulated equipment
特定建設作業実施|トクテイケンセツサギョウジッシ|noisy construction work
水質汚濁防止法に基づく特定施設設置|スイシツオダクボウシホウニモトヅクトクテイシセツセッチ|water pollution regulated facility
ばい煙発生施設設置|バイエンハッセイシセツセッチ|smoke-emitting facility
一般粉じん発生施設設置|イッパンフンジンハッセイシセツセッチ|dust-emitting facility
揮発性有機化合物排出施設設置|キハツセイユウキカゴウブツハイシュツシセツセッチ|VOC-emitting facility
特定粉じん排出等作業実施|トクテイフンジンハイシュツトウサギョウジッシ|asbestos removal work
土壌汚染対策法に基づく土地の形質変更|ドジョウオセンタイサクホウニモトヅクトチノケイシツヘンコウ|soil disturbance
地下水採取|チカスイサイシュ|groundwater extraction
指定事業所設置|シテイジギョウショセッチ|designated workplace
フロン類充塡回収業者|フロンルイジュウテンカイシュウギョウシャ|fluorocarbon recovery
PCB廃棄物保管状況|ピーシービーハイキブツホカンジョウキョウ|PCB waste storage
産業廃棄物処理計画|サンギョウハイキブツショリケイカク|industrial waste plan
事業用大規模建築物廃棄物管理責任者選任|ジギョウヨウダイキボケンチクブツハイキブツカンリセキニンシャセンニン|waste manager for a large building
特定化学物質取扱量|トクテイカガクブッシツトリアツカイリョウ|chemical substances handled
温室効果ガス排出量|オンシツコウカガスハイシュツリョウ|greenhouse gas emissions
自動車排出ガス対策|ジドウシャハイシュツガスタイサク|vehicle emissions
解体工事等における石綿含有建材の事前調査結果|カイタイコウジトウニオケルセキメンガンユウケンザイノジゼンチョウサケッカ|asbestos survey for demolition
建設リサイクル法に基づく分別解体等|ケンセツリサイクルホウニモトヅクブンベツカイタイトウ|construction recycling`,
  },
  {
    family: 'notification',
    department: 'shobo.somu.shomu',
    categories: ['fire', 'business'],
    lifeEvents: ['starting_business', 'building'],
    filer: 'business',
    subjects: `火を使用する設備等の設置|ヒヲシヨウスルセツビトウノセッチ|fire-using equipment
防火管理者選任|ボウカカンリシャセンニン|fire prevention manager
統括防火管理者選任|トウカツボウカカンリシャセンニン|chief fire prevention manager
消防計画作成|ショウボウケイカクサクセイ|fire plan
自衛消防訓練実施|ジエイショウボウクンレンジッシ|fire drill
消防用設備等設置|ショウボウヨウセツビトウセッチ|fire equipment installation
消防用設備等点検結果|ショウボウヨウセツビトウテンケンケッカ|fire equipment inspection results
防火対象物点検結果|ボウカタイショウブツテンケンケッカ|fire safety inspection results
露店等の開設|ロテントウノカイセツ|street stall
催物開催|モヨオシモノカイサイ|event fire safety
煙火打上げ|エンカウチアゲ|fireworks display
少量危険物貯蔵取扱い|ショウリョウキケンブツチョゾウトリアツカイ|small hazardous materials storage
指定可燃物貯蔵取扱い|シテイカネンブツチョゾウトリアツカイ|designated combustibles storage
液化石油ガス貯蔵|エキカセキユガスチョゾウ|LPG storage
水道凍結防止用ヒーター等の設置|スイドウトウケツボウシヨウヒータートウノセッチ|frost heater installation
防炎物品使用|ボウエンブッピンシヨウ|flame-resistant materials
火災予防上必要な業務計画|カサイヨボウジョウヒツヨウナギョウムケイカク|fire prevention work plan
避難訓練実施|ヒナンクンレンジッシ|evacuation drill`,
  },
  {
    family: 'notification',
    department: 'machizukuri.shido.kenchiku-kanri',
    categories: ['construction', 'housing'],
    lifeEvents: ['building', 'housing'],
    filer: 'both',
    subjects: `建築工事届|ケンチクコウジトドケ|building works
建築物除却|ケンチクブツジョキャク|building demolition
定期報告（特定建築物）|テイキホウコク（トクテイケンチクブツ）|periodic building report
定期報告（建築設備）|テイキホウコク（ケンチクセツビ）|periodic equipment report
定期報告（昇降機）|テイキホウコク（ショウコウキ）|periodic lift report
定期報告（防火設備）|テイキホウコク（ボウカセツビ）|periodic fire door report
工事監理者変更|コウジカンリシャヘンコウ|change of works supervisor
建築主変更|ケンチクヌシヘンコウ|change of building owner
取りやめ|トリヤメ|cancelled building plan
景観計画区域内行為|ケイカンケイカククイキナイコウイ|landscape district works
地区計画区域内行為|チクケイカククイキナイコウイ|district plan area works
中高層建築物の建築計画|チュウコウソウケンチクブツノケンチクケイカク|medium and high-rise building plan
ワンルーム形式集合建築物|ワンルームケイシキシュウゴウケンチクブツ|studio apartment building
長期優良住宅建築等計画|チョウキユウリョウジュウタクケンチクトウケイカク|long-life quality housing plan
低炭素建築物新築等計画|テイタンソケンチクブツシンチクトウケイカク|low-carbon building plan
建築物エネルギー消費性能向上計画|ケンチクブツエネルギーショウヒセイノウコウジョウケイカク|building energy performance plan
福祉のまちづくり条例に基づく整備|フクシノマチヅクリジョウレイニモトヅクセイビ|barrier-free building
雨水流出抑制施設設置|ウスイリュウシュツヨクセイシセツセッチ|rainwater runoff control
既存建築物耐震診断結果|キソンケンチクブツタイシンシンダンケッカ|existing building earthquake assessment
空き家等の所有者|アキヤトウノショユウシャ|vacant house owner`,
  },
  {
    family: 'notification',
    department: 'zaisei.zeisei.zeisei',
    categories: ['tax', 'business'],
    lifeEvents: ['tax', 'starting_business'],
    filer: 'business',
    subjects: `法人設立・設置|ホウジンセツリツ・セッチ|company formation
法人異動|ホウジンイドウ|company changes
事業所税の事業所等新設・廃止|ジギョウショゼイノジギョウショトウシンセツ・ハイシ|business premises for business office tax
特別徴収義務者の所在地・名称変更|トクベツチョウシュウギムシャノショザイチ・メイショウヘンコウ|special tax collector details
給与所得者異動|キュウヨショトクシャイドウ|employee transfer for tax withholding
償却資産|ショウキャクシサン|depreciable assets
入湯税特別徴収義務者|ニュウトウゼイトクベツチョウシュウギムシャ|bathing tax collector
住宅用地|ジュウタクヨウチ|residential land for property tax
固定資産税の納税管理人|コテイシサンゼイノノウゼイカンリニン|property tax agent
市民税・県民税の納税管理人|シミンゼイ・ケンミンゼイノノウゼイカンリニン|resident tax agent
軽自動車税の種別割の身体障害者等減免|ケイジドウシャゼイノシュベツワリノシンタイショウガイシャトウゲンメン|light vehicle tax reduction for disability
家屋滅失|カオクメッシツ|house demolition for property tax
未登記家屋の所有者変更|ミトウキカオクノショユウシャヘンコウ|unregistered house ownership
相続人代表者指定|ソウゾクニンダイヒョウシャシテイ|heir representative for tax
現所有者申告|ゲンショユウシャシンコク|current owner declaration`,
  },
  {
    family: 'notification',
    department: 'kenko-fukushi.hoken-iryo',
    categories: ['health', 'business'],
    lifeEvents: ['starting_business'],
    filer: 'business',
    subjects: `食品衛生責任者設置|ショクヒンエイセイセキニンシャセッチ|food hygiene manager
営業届出|エイギョウトドケデ|food business registration
給食施設|キュウショクシセツ|catering facility
理容所開設|リヨウショカイセツ|barber shop
美容所開設|ビヨウショカイセツ|beauty salon
クリーニング所開設|クリーニングショカイセツ|dry cleaner
クリーニング業無店舗取次店営業|クリーニングギョウムテンポトリツギテンエイギョウ|cleaning pickup service
診療所の開設|シンリョウジョノカイセツ|clinic opening
エックス線装置備付|エックスセンソウチソナエツケ|X-ray equipment
医療機器修理業|イリョウキキシュウリギョウ|medical device repair
管理医療機器販売業|カンリイリョウキキハンバイギョウ|controlled medical device sales
犬猫等販売業者の定期報告|イヌネコトウハンバイギョウシャノテイキホウコク|pet seller report
特定給食施設栄養管理|トクテイキュウショクシセツエイヨウカンリ|catering nutrition management
温泉利用|オンセンリヨウ|hot spring use
毒物劇物業務上取扱者|ドクブツゲキブツギョウムジョウトリアツカイシャ|poisonous substances user
麻薬施用者免許|マヤクセヨウシャメンキョ|narcotics practitioner licence
家庭用品販売|カテイヨウヒンハンバイ|household goods sales
化製場等|カセイジョウトウ|rendering facility
死体解剖保存|シタイカイボウホゾン|anatomical specimens
医療法人役員変更|イリョウホウジンヤクインヘンコウ|medical corporation officers`,
  },
  {
    family: 'notification',
    department: 'ward.kumin',
    categories: ['registry'],
    lifeEvents: ['moving', 'marriage', 'birth'],
    filer: 'resident',
    subjects: `世帯変更|セタイヘンコウ|household change
世帯主変更|セタイヌシヘンコウ|change of head of household
外国人住民の住居地|ガイコクジンジュウミンノジュウキョチ|foreign resident address
本籍地変更（転籍）|ホンセキチヘンコウ（テンセキ）|change of registered domicile
氏の変更|ウジノヘンコウ|surname change
名の変更|ナノヘンコウ|given name change
養子縁組|ヨウシエングミ|adoption
養子離縁|ヨウシリエン|dissolution of adoption
認知|ニンチ|acknowledgement of paternity
分籍|ブンセキ|separate family register
入籍|ニュウセキ|entry into a family register
復氏|フクウジ|return to maiden name
姻族関係終了|インゾクカンケイシュウリョウ|ending in-law relationship
離婚の際に称していた氏を称する|リコンノサイニショウシテイタウジヲショウスル|keeping the married surname
外国人との婚姻による氏の変更|ガイコクジントノコンインニヨルウジノヘンコウ|surname change on marriage to a foreign national
不受理申出|フジュリモウシデ|request not to accept a registration
住民票コードの変更請求|ジュウミンヒョウコードノヘンコウセイキュウ|change of resident code
通称の記載|ツウショウノキサイ|alias registration
旧氏の併記|キュウウジノヘイキ|former surname on records
DV等支援措置の申出|ディーブイトウシエンソチノモウシデ|protection for abuse victims`,
  },
  {
    family: 'notification',
    department: 'ward.chiiki-shinko',
    categories: ['community'],
    lifeEvents: [],
    filer: 'both',
    subjects: `町内会・自治会の認可地縁団体告示事項変更|チョウナイカイ・ジチカイノニンカチエンダンタイコクジジコウヘンコウ|neighbourhood association details
区民祭参加団体|クミンサイサンカダンタイ|ward festival participation
地域活動団体|チイキカツドウダンタイ|community group
防災訓練実施|ボウサイクンレンジッシ|disaster drill
自主防災組織結成|ジシュボウサイソシキケッセイ|community disaster group
こども110番の家|コドモヒャクトオバンノイエ|child safety house
地域猫活動|チイキネコカツドウ|community cat programme
花壇づくり活動|カダンヅクリカツドウ|community flower bed
公園愛護会活動|コウエンアイゴカイカツドウ|park volunteers
道路美化活動|ドウロビカカツドウ|street cleaning volunteers`,
  },
  {
    family: 'registration',
    department: 'machizukuri.shido.kenchiku-kanri',
    categories: ['business', 'construction'],
    lifeEvents: ['starting_business'],
    filer: 'business',
    subjects: `建築士事務所|ケンチクシジムショ|architect office
解体工事業者|カイタイコウジギョウシャ|demolition contractor
指定給水装置工事事業者|シテイキュウスイソウチコウジジギョウシャ|licensed plumber
排水設備指定工事店|ハイスイセツビシテイコウジテン|licensed drainage contractor
屋外広告業|オクガイコウコクギョウ|outdoor advertising business
浄化槽工事業者|ジョウカソウコウジギョウシャ|septic tank installer
宅地建物取引業者の事務所|タクチタテモノトリヒキギョウシャノジムショ|real estate office
住宅宿泊事業|ジュウタクシュクハクジギョウ|private lodging
サービス付き高齢者向け住宅|サービスツキコウレイシャムケジュウタク|serviced senior housing
マンション管理計画|マンションカンリケイカク|condominium management plan`,
  },
  {
    family: 'registration',
    department: 'zaisei.shisan-kanri.keiyaku',
    categories: ['procurement', 'business'],
    lifeEvents: ['starting_business'],
    filer: 'business',
    subjects: `工事請負業者|コウジウケオイギョウシャ|works contractor
物品供給業者|ブッピンキョウキュウギョウシャ|goods supplier
業務委託業者|ギョウムイタクギョウシャ|service provider
建設コンサルタント業者|ケンセツコンサルタントギョウシャ|construction consultant
測量業者|ソクリョウギョウシャ|surveyor
小規模修繕契約希望者|ショウキボシュウゼンケイヤクキボウシャ|small repairs contractor
市内中小企業者|シナイチュウショウキギョウシャ|local SME
電子入札利用者|デンシニュウサツリヨウシャ|e-bidding user`,
  },
  {
    family: 'registration',
    department: 'kenko-fukushi.hoken-iryo',
    categories: ['health', 'pets'],
    lifeEvents: ['pets', 'starting_business'],
    filer: 'both',
    subjects: `特定犬|トクテイケン|large breed dog
第一種動物取扱業|ダイイッシュドウブツトリアツカイギョウ|commercial animal business
第二種動物取扱業|ダイニシュドウブツトリアツカイギョウ|non-commercial animal rescue
ふぐ処理者|フグショリシャ|pufferfish preparer
調理師免許|チョウリシメンキョ|cook licence
製菓衛生師免許|セイカエイセイシメンキョ|confectioner licence
登録販売者販売従事|トウロクハンバイシャハンバイジュウジ|registered drug seller
麻薬小売業者|マヤクコウリギョウシャ|narcotics retailer`,
  },
  {
    family: 'registration',
    department: 'shimin-bunka.shimin-seikatsu.kikaku',
    categories: ['community', 'business'],
    lifeEvents: [],
    filer: 'both',
    subjects: `市民活動団体|シミンカツドウダンタイ|civic group
ボランティア団体|ボランティアダンタイ|volunteer group
NPO法人の定款変更|エヌピーオーホウジンノテイカンヘンコウ|NPO articles change
NPO法人の役員変更|エヌピーオーホウジンノヤクインヘンコウ|NPO officers change
スポーツ施設予約システム利用団体|スポーツシセツヨヤクシステムリヨウダンタイ|sports booking group
文化施設利用者|ブンカシセツリヨウシャ|cultural facility user
生涯学習指導者|ショウガイガクシュウシドウシャ|lifelong learning instructor
国際交流ボランティア|コクサイコウリュウボランティア|international exchange volunteer`,
  },
  {
    family: 'benefit',
    department: 'ward.mimamori',
    categories: ['welfare', 'allowances'],
    lifeEvents: ['disability', 'care', 'childcare'],
    filer: 'resident',
    subjects: `特別児童扶養手当|トクベツジドウフヨウテアテ|special child rearing allowance
障害児福祉手当|ショウガイジフクシテアテ|disabled child welfare allowance
特別障害者手当|トクベツショウガイシャテアテ|special disability allowance
重度障害者福祉手当|ジュウドショウガイシャフクシテアテ|severe disability allowance
難病患者福祉手当|ナンビョウカンジャフクシテアテ|intractable disease allowance
在宅重度障害者介護者手当|ザイタクジュウドショウガイシャカイゴシャテアテ|carers' allowance
重度障害者医療費助成|ジュウドショウガイシャイリョウヒジョセイ|medical aid for severe disability
ひとり親家庭等医療費助成|ヒトリオヤカテイトウイリョウヒジョセイ|single-parent medical aid
自立支援医療（育成医療）|ジリツシエンイリョウ（イクセイイリョウ）|medical aid for children with disabilities
自立支援医療（更生医療）|ジリツシエンイリョウ（コウセイイリョウ）|rehabilitation medical aid
自立支援医療（精神通院医療）|ジリツシエンイリョウ（セイシンツウインイリョウ）|mental health outpatient aid
補装具費|ホソウグヒ|prosthetic and assistive devices
日常生活用具費|ニチジョウセイカツヨウグヒ|daily living aids
障害福祉サービス費|ショウガイフクシサービスヒ|disability services
紙おむつ給付|カミオムツキュウフ|incontinence supplies
高額介護サービス費|コウガクカイゴサービスヒ|high care costs refund
高額療養費|コウガクリョウヨウヒ|high medical costs refund
出産育児一時金|シュッサンイクジイチジキン|childbirth lump sum
葬祭費|ソウサイヒ|funeral expenses
未熟児養育医療給付|ミジュクジヨウイクイリョウキュウフ|premature infant medical aid
小児慢性特定疾病医療費|ショウニマンセイトクテイシッペイイリョウヒ|chronic childhood disease aid
指定難病医療費|シテイナンビョウイリョウヒ|designated intractable disease aid
妊婦健康診査費|ニンプケンコウシンサヒ|pregnancy check-up costs
産後ケア利用料|サンゴケアリヨウリョウ|postnatal care costs
不妊治療費|フニンチリョウヒ|fertility treatment costs
住居確保給付金|ジュウキョカクホキュウフキン|housing security benefit
ひとり親家庭高等職業訓練促進給付金|ヒトリオヤカテイコウトウショクギョウクンレンソクシンキュウフキン|single-parent training benefit
養育費確保支援|ヨウイクヒカクホシエン|child support recovery
被爆者見舞金|ヒバクシャミマイキン|atomic bomb survivors' aid
中国残留邦人等支援給付|チュウゴクザンリュウホウジントウシエンキュウフ|support for Japanese left in China
戦没者等の遺族特別弔慰金|センボツシャトウノイゾクトクベツチョウイキン|war bereavement benefit
出産・子育て応援給付金|シュッサン・コソダテオウエンキュウフキン|birth and childcare support payment
児童育成手当|ジドウイクセイテアテ|child upbringing allowance
重度心身障害者介護手当|ジュウドシンシンショウガイシャカイゴテアテ|severe disability care allowance
寝具乾燥消毒サービス|シングカンソウショウドクサービス|bedding cleaning service`,
  },
  {
    family: 'benefit',
    department: 'kodomo-mirai.jido-katei',
    categories: ['children', 'allowances'],
    lifeEvents: ['childcare', 'school_entry', 'birth'],
    filer: 'resident',
    subjects: `私立幼稚園等園児保護者補助金|シリツヨウチエントウエンジホゴシャホジョキン|private kindergarten fee support
認可外保育施設利用者補助|ニンカガイホイクシセツリヨウシャホジョ|unlicensed nursery fee support
多子世帯保育料軽減|タシセタイホイクリョウケイゲン|large family nursery fee reduction
副食費補助|フクショクヒホジョ|nursery meal support
ベビーシッター利用支援|ベビーシッターリヨウシエン|babysitter support
高等学校等奨学金|コウトウガッコウトウショウガクキン|high school scholarship
大学等奨学金|ダイガクトウショウガクキン|university scholarship
入学準備金|ニュウガクジュンビキン|school entry preparation grant
ファミリー・サポート・センター利用料助成|ファミリー・サポート・センターリヨウリョウジョセイ|family support centre fee aid
一時保育利用料助成|イチジホイクリヨウリョウジョセイ|occasional childcare fee aid`,
  },
  {
    family: 'certificate',
    department: 'zaisei.zeisei.zeisei',
    categories: ['tax', 'certificates'],
    lifeEvents: ['tax'],
    filer: 'both',
    fee: 300,
    subjects: `固定資産評価|コテイシサンヒョウカ|property valuation
固定資産課税台帳登録事項|コテイシサンカゼイダイチョウトウロクジコウ|property tax ledger entries
公課|コウカ|property tax assessment
名寄帳|ナヨセチョウ|property owner ledger
住宅用家屋|ジュウタクヨウカオク|residential building
軽自動車税納税（継続検査用）|ケイジドウシャゼイノウゼイ（ケイゾクケンサヨウ）|light vehicle tax paid (for inspection)
市民税・県民税特別徴収税額|シミンゼイ・ケンミンゼイトクベツチョウシュウゼイガク|withheld resident tax
法人市民税納税|ホウジンシミンゼイノウゼイ|corporate resident tax paid
事業所税納税|ジギョウショゼイノウゼイ|business office tax paid
滞納処分を受けたことがないこと|タイノウショブンヲウケタコトガナイコト|no tax arrears enforcement`,
  },
  {
    family: 'certificate',
    department: 'ward.kumin',
    categories: ['registry', 'certificates'],
    lifeEvents: ['marriage', 'death', 'moving'],
    filer: 'resident',
    fee: 300,
    subjects: `除票|ジョヒョウ|removed residence record
戸籍の附票|コセキノフヒョウ|family register address history
除籍|ジョセキ|closed family register
改製原戸籍|カイセイゲンコセキ|original family register
身分|ミブン|civil status
独身|ドクシン|single status
不在籍|フザイセキ|absence from the family register
不在住|フザイジュウ|absence from the residence record
届書記載事項|トドケショキサイジコウ|registration entries
受理|ジュリ|acceptance of a registration
印鑑登録廃止|インカントウロクハイシ|seal registration cancelled
住民票コード|ジュウミンヒョウコード|resident code`,
  },
  {
    family: 'certificate',
    department: 'machizukuri.shido.kenchiku-kanri',
    categories: ['construction', 'certificates'],
    lifeEvents: ['building', 'housing'],
    filer: 'both',
    fee: 400,
    subjects: `建築確認台帳記載事項|ケンチクカクニンダイチョウキサイジコウ|building confirmation ledger
道路位置指定|ドウロイチシテイ|designated road position
開発登録簿写し|カイハツトウロクボウツシ|development register copy
都市計画|トシケイカク|urban planning designation
住宅用家屋の耐震基準適合|ジュウタクヨウカオクノタイシンキジュンテキゴウ|earthquake standard compliance`,
  },
  {
    family: 'reduction',
    department: 'zaisei.zeisei.zeisei',
    categories: ['tax'],
    lifeEvents: ['tax'],
    filer: 'both',
    subjects: `市民税・県民税|シミンゼイ・ケンミンゼイ|resident tax
固定資産税・都市計画税|コテイシサンゼイ・トシケイカクゼイ|property and city planning tax
軽自動車税種別割|ケイジドウシャゼイシュベツワリ|light vehicle tax
法人市民税|ホウジンシミンゼイ|corporate resident tax
事業所税|ジギョウショゼイ|business office tax
入湯税|ニュウトウゼイ|bathing tax
特別土地保有税|トクベツトチホユウゼイ|special land holding tax`,
  },
  {
    family: 'reduction',
    department: 'ward.hoken-nenkin',
    categories: ['insurance', 'health'],
    lifeEvents: ['employment', 'tax'],
    filer: 'resident',
    subjects: `国民健康保険料|コクミンケンコウホケンリョウ|National Health Insurance premiums
後期高齢者医療保険料|コウキコウレイシャイリョウホケンリョウ|late-stage elderly insurance premiums
国民年金保険料|コクミンネンキンホケンリョウ|National Pension contributions
保育料|ホイクリョウ|nursery fees
市営住宅家賃|シエイジュウタクヤチン|municipal housing rent
下水道使用料|ゲスイドウシヨウリョウ|sewerage charges
水道料金|スイドウリョウキン|water charges
放課後児童クラブ利用料|ホウカゴジドウクラブリヨウリョウ|after-school club fees
学校給食費|ガッコウキュウショクヒ|school lunch fees`,
  },
  {
    family: 'application',
    department: 'kenko-fukushi.hoken-iryo',
    categories: ['health'],
    lifeEvents: ['turning_65', 'employment'],
    filer: 'resident',
    subjects: `特定健康診査|トクテイケンコウシンサ|health check-up
胃がん検診|イガンケンシン|stomach cancer screening
大腸がん検診|ダイチョウガンケンシン|colorectal cancer screening
肺がん検診|ハイガンケンシン|lung cancer screening
乳がん検診|ニュウガンケンシン|breast cancer screening
子宮がん検診|シキュウガンケンシン|cervical cancer screening
前立腺がん検診|ゼンリツセンガンケンシン|prostate cancer screening
骨粗しょう症検診|コツソショウショウケンシン|osteoporosis screening
歯周疾患検診|シシュウシッカンケンシン|gum disease check-up
肝炎ウイルス検診|カンエンウイルスケンシン|hepatitis screening
成人歯科健康診査|セイジンシカケンコウシンサ|adult dental check-up
高齢者インフルエンザ予防接種|コウレイシャインフルエンザヨボウセッシュ|flu vaccination for older people
高齢者肺炎球菌予防接種|コウレイシャハイエンキュウキンヨボウセッシュ|pneumococcal vaccination for older people
帯状疱疹予防接種|タイジョウホウシンヨボウセッシュ|shingles vaccination
風しん抗体検査|フウシンコウタイケンサ|rubella antibody test
HIV検査|エイチアイブイケンサ|HIV test
食生活相談|ショクセイカツソウダン|nutrition advice
禁煙相談|キンエンソウダン|stop smoking advice
こころの健康相談|ココロノケンコウソウダン|mental health advice
健康づくり教室|ケンコウヅクリキョウシツ|health class`,
  },
  {
    family: 'application',
    department: 'ward.mimamori',
    categories: ['children', 'care'],
    lifeEvents: ['birth', 'childcare', 'care', 'turning_65'],
    filer: 'resident',
    subjects: `両親学級|リョウシンガッキュウ|parents-to-be class
離乳食教室|リニュウショクキョウシツ|weaning class
乳幼児健康診査|ニュウヨウジケンコウシンサ|infant health check
新生児訪問|シンセイジホウモン|newborn home visit
産後ケア事業|サンゴケアジギョウ|postnatal care
子育て相談|コソダテソウダン|parenting advice
発達相談|ハッタツソウダン|child development advice
一時保育|イチジホイク|occasional childcare
子育て短期支援（ショートステイ）|コソダテタンキシエン（ショートステイ）|short-stay childcare
養育支援ヘルパー派遣|ヨウイクシエンヘルパーハケン|parenting helper
介護予防教室|カイゴヨボウキョウシツ|fall prevention class
認知症相談|ニンチショウソウダン|dementia advice
高齢者見守り|コウレイシャミマモリ|check-ins for older people
配食サービス|ハイショクサービス|meal delivery
緊急通報システム|キンキュウツウホウシステム|emergency alarm
訪問理美容サービス|ホウモンリビヨウサービス|home haircut service
福祉タクシー券|フクシタクシーケン|welfare taxi tickets
ひとり暮らし高齢者登録|ヒトリグラシコウレイシャトウロク|register of older people living alone
成年後見制度利用相談|セイネンコウケンセイドリヨウソウダン|adult guardianship advice
障害者就労相談|ショウガイシャシュウロウソウダン|disability employment advice
家庭児童相談|カテイジドウソウダン|family and child advice
女性相談|ジョセイソウダン|women's advice
生活困窮者自立相談|セイカツコンキュウシャジリツソウダン|hardship advice
ひきこもり相談|ヒキコモリソウダン|social withdrawal advice
就労準備支援|シュウロウジュンビシエン|work preparation support`,
  },
  {
    family: 'application',
    department: 'kankyo.shisetsu.shori-keikaku',
    categories: ['waste', 'living'],
    lifeEvents: ['moving', 'housing'],
    filer: 'both',
    subjects: `ふれあい収集|フレアイシュウシュウ|door-to-door waste collection
一時多量ごみの収集|イチジタリョウゴミノシュウシュウ|large one-off waste collection
ごみ処理施設への直接搬入|ゴミショリシセツヘノチョクセツハンニュウ|taking waste to a plant
資源集団回収団体|シゲンシュウダンカイシュウダンタイ|community recycling group
ごみ集積所の新設|ゴミシュウセキジョノシンセツ|new waste collection point
小型家電回収|コガタカデンカイシュウ|small appliance recycling
剪定枝の収集|センテイエダノシュウシュウ|garden waste collection
ごみ減量講座|ゴミゲンリョウコウザ|waste reduction course
環境学習出前講座|カンキョウガクシュウデマエコウザ|environmental education talk
動物の死体の収集|ドウブツノシタイノシュウシュウ|animal carcass collection`,
  },
  {
    family: 'application',
    department: 'kyoiku.shogai-gakushu.chiiki-kyoiku',
    categories: ['education', 'community'],
    lifeEvents: ['school_entry'],
    filer: 'resident',
    subjects: `市民館講座|シミンカンコウザ|civic centre course
市民アカデミー|シミンアカデミー|citizens' academy
親子体験教室|オヤコタイケンキョウシツ|parent and child class
日本語教室|ニホンゴキョウシツ|Japanese language class
成人の日を祝うつどい|セイジンノヒヲイワウツドイ|coming-of-age ceremony
学校施設開放|ガッコウシセツカイホウ|school facilities for the community
指定校変更|シテイコウヘンコウ|change of designated school
区域外就学|クイキガイシュウガク|schooling outside your district
特別支援教育相談|トクベツシエンキョウイクソウダン|special needs education advice
就学相談|シュウガクソウダン|school entry advice
学校給食試食会|ガッコウキュウショクシショクカイ|school lunch tasting
夜間学級入学|ヤカンガッキュウニュウガク|evening junior high school`,
  },
  {
    family: 'application',
    department: 'jogesuido.service.service-suishin',
    categories: ['water', 'living'],
    lifeEvents: ['moving', 'housing', 'building'],
    filer: 'both',
    subjects: `水道メーター口径変更|スイドウメーターコウケイヘンコウ|water meter size change
水道料金の口座振替|スイドウリョウキンノコウザフリカエ|water bill direct debit
水道料金のクレジットカード払い|スイドウリョウキンノクレジットカードバライ|water bill card payment
漏水修理後の料金減額|ロウスイシュウリゴノリョウキンゲンガク|leak repair bill reduction
水道使用者名義変更|スイドウシヨウシャメイギヘンコウ|water account name change
請求書送付先変更|セイキュウショソウフサキヘンコウ|bill address change
水質検査|スイシツケンサ|water quality test
貯水槽水道の点検|チョスイソウスイドウノテンケン|water tank check
給水装置工事の事前協議|キュウスイソウチコウジノジゼンキョウギ|plumbing works consultation
下水道排水設備の事前協議|ゲスイドウハイスイセツビノジゼンキョウギ|drainage works consultation
私道下水道管布設|シドウゲスイドウカンフセツ|sewer in a private road
井戸水等使用|イドミズトウシヨウ|well water use
浄水場見学|ジョウスイジョウケンガク|water plant visit
雨水浸透ます設置|ウスイシントウマスセッチ|rain infiltration basin`,
  },
  {
    family: 'application',
    department: 'gikai.giji-chosa.giji',
    categories: ['information', 'community'],
    lifeEvents: [],
    filer: 'both',
    subjects: `本会議傍聴|ホンカイギボウチョウ|council session attendance
委員会傍聴|イインカイボウチョウ|committee meeting attendance
請願|セイガン|petition
陳情|チンジョウ|submission to the council
議会見学|ギカイケンガク|council tour
会議録閲覧|カイギロクエツラン|minutes inspection`,
  },
  {
    family: 'designation',
    department: 'kenko-fukushi.choju-shakai.kaigo-hoken',
    categories: ['care', 'business'],
    lifeEvents: ['care', 'starting_business'],
    filer: 'business',
    subjects: `指定訪問介護事業者|シテイホウモンカイゴジギョウシャ|home help provider
指定訪問入浴介護事業者|シテイホウモンニュウヨクカイゴジギョウシャ|home bathing provider
指定訪問看護事業者|シテイホウモンカンゴジギョウシャ|home nursing provider
指定訪問リハビリテーション事業者|シテイホウモンリハビリテーションジギョウシャ|home rehabilitation provider
指定通所介護事業者|シテイツウショカイゴジギョウシャ|day care provider
指定通所リハビリテーション事業者|シテイツウショリハビリテーションジギョウシャ|day rehabilitation provider
指定短期入所生活介護事業者|シテイタンキニュウショセイカツカイゴジギョウシャ|short-stay provider
指定特定施設入居者生活介護事業者|シテイトクテイシセツニュウキョシャセイカツカイゴジギョウシャ|care in residential homes
指定福祉用具貸与事業者|シテイフクシヨウグタイヨジギョウシャ|care equipment rental
指定特定福祉用具販売事業者|シテイトクテイフクシヨウグハンバイジギョウシャ|care equipment sales
指定居宅介護支援事業者|シテイキョタクカイゴシエンジギョウシャ|care management provider
指定地域密着型通所介護事業者|シテイチイキミッチャクガタツウショカイゴジギョウシャ|community day care provider
指定認知症対応型通所介護事業者|シテイニンチショウタイオウガタツウショカイゴジギョウシャ|dementia day care provider
指定小規模多機能型居宅介護事業者|シテイショウキボタキノウガタキョタクカイゴジギョウシャ|small multi-function care provider
指定認知症対応型共同生活介護事業者|シテイニンチショウタイオウガタキョウドウセイカツカイゴジギョウシャ|dementia group home
指定定期巡回・随時対応型訪問介護看護事業者|シテイテイキジュンカイ・ズイジタイオウガタホウモンカイゴカンゴジギョウシャ|24-hour home care provider
指定看護小規模多機能型居宅介護事業者|シテイカンゴショウキボタキノウガタキョタクカイゴジギョウシャ|nursing multi-function care provider
指定介護老人福祉施設|シテイカイゴロウジンフクシシセツ|special nursing home
介護老人保健施設|カイゴロウジンホケンシセツ|geriatric health facility
指定介護予防支援事業者|シテイカイゴヨボウシエンジギョウシャ|preventive care management provider`,
  },
  {
    family: 'designation',
    department: 'ward.mimamori',
    categories: ['disability', 'business'],
    lifeEvents: ['disability', 'starting_business'],
    filer: 'business',
    subjects: `指定居宅介護事業者（障害）|シテイキョタクカイゴジギョウシャ（ショウガイ）|disability home help provider
指定重度訪問介護事業者|シテイジュウドホウモンカイゴジギョウシャ|severe disability home care
指定同行援護事業者|シテイドウコウエンゴジギョウシャ|guide help for visual impairment
指定行動援護事業者|シテイコウドウエンゴジギョウシャ|behavioural support provider
指定生活介護事業者|シテイセイカツカイゴジギョウシャ|day activity provider
指定短期入所事業者（障害）|シテイタンキニュウショジギョウシャ（ショウガイ）|disability short stay
指定共同生活援助事業者|シテイキョウドウセイカツエンジョジギョウシャ|disability group home
指定就労移行支援事業者|シテイシュウロウイコウシエンジギョウシャ|work transition support
指定就労継続支援A型事業者|シテイシュウロウケイゾクシエンエーガタジギョウシャ|sheltered employment type A
指定就労継続支援B型事業者|シテイシュウロウケイゾクシエンビーガタジギョウシャ|sheltered employment type B
指定就労定着支援事業者|シテイシュウロウテイチャクシエンジギョウシャ|job retention support
指定自立生活援助事業者|シテイジリツセイカツエンジョジギョウシャ|independent living support
指定計画相談支援事業者|シテイケイカクソウダンシエンジギョウシャ|disability care planning
指定児童発達支援事業者|シテイジドウハッタツシエンジギョウシャ|child development support
指定放課後等デイサービス事業者|シテイホウカゴトウデイサービスジギョウシャ|after-school day service
指定保育所等訪問支援事業者|シテイホイクショトウホウモンシエンジギョウシャ|nursery visiting support
指定障害児相談支援事業者|シテイショウガイジソウダンシエンジギョウシャ|child disability care planning
指定自立訓練事業者|シテイジリツクンレンジギョウシャ|independence training provider
指定移動支援事業者|シテイイドウシエンジギョウシャ|mobility support provider
指定日中一時支援事業者|シテイニッチュウイチジシエンジギョウシャ|daytime respite provider`,
  },
  {
    family: 'designation',
    department: 'kodomo-mirai.somu.kikaku',
    categories: ['children', 'business'],
    lifeEvents: ['childcare', 'starting_business'],
    filer: 'business',
    subjects: `特定教育・保育施設|トクテイキョウイク・ホイクシセツ|licensed early education facility
特定地域型保育事業者|トクテイチイキガタホイクジギョウシャ|community nursery provider
特定子ども・子育て支援施設|トクテイコドモ・コソダテシエンシセツ|childcare support facility
家庭的保育事業者|カテイテキホイクジギョウシャ|home-based nursery
小規模保育事業者|ショウキボホイクジギョウシャ|small-scale nursery
事業所内保育事業者|ジギョウショナイホイクジギョウシャ|workplace nursery
居宅訪問型保育事業者|キョタクホウモンガタホイクジギョウシャ|in-home nursery
川崎認定保育園|カワサキニンテイホイクエン|Kawasaki certified nursery`,
  },
];

/** Facilities each ward has, booked through the ward office (`ward.chiiki-shinko`) or the city. */
export const wardFacilities: string[] = [
  '市民館大ホール|シミンカンダイホール|civic centre main hall',
  '市民館会議室|シミンカンカイギシツ|civic centre meeting room',
  '市民館和室|シミンカンワシツ|civic centre tatami room',
  '市民館料理室|シミンカンリョウリシツ|civic centre kitchen',
  '市民館音楽室|シミンカンオンガクシツ|civic centre music room',
  'スポーツセンター体育室|スポーツセンタータイイクシツ|sports centre gym',
  'スポーツセンター武道室|スポーツセンターブドウシツ|sports centre martial arts room',
  'スポーツセンタープール|スポーツセンタープール|sports centre pool',
  '図書館集会室|トショカンシュウカイシツ|library meeting room',
  'こども文化センターホール|コドモブンカセンターホール|children’s culture centre hall',
  '老人いこいの家集会室|ロウジンイコイノイエシュウカイシツ|senior centre meeting room',
  '区民会議室|クミンカイギシツ|ward meeting room',
  '公園運動広場|コウエンウンドウヒロバ|park sports field',
  '公園テニスコート|コウエンテニスコート|park tennis court',
  '公園野球場|コウエンヤキュウジョウ|park baseball ground',
  '公園バーベキュー場|コウエンバーベキュージョウ|park barbecue area',
  '河川敷グラウンド|カセンジキグラウンド|riverside ground',
  '区役所前広場|クヤクショマエヒロバ|ward office plaza',
  '市民館視聴覚室|シミンカンシチョウカクシツ|civic centre audiovisual room',
  '市民館工芸室|シミンカンコウゲイシツ|civic centre craft room',
  '市民館体育室|シミンカンタイイクシツ|civic centre activity hall',
  '市民館ギャラリー|シミンカンギャラリー|civic centre gallery',
  '市民館保育室|シミンカンホイクシツ|civic centre crèche room',
  'スポーツセンタートレーニング室|スポーツセンタートレーニングシツ|sports centre training room',
  'スポーツセンター多目的室|スポーツセンタータモクテキシツ|sports centre multi-purpose room',
  'こども文化センター集会室|コドモブンカセンターシュウカイシツ|children’s culture centre meeting room',
  'こども文化センター工作室|コドモブンカセンターコウサクシツ|children’s culture centre craft room',
  '老人いこいの家和室|ロウジンイコイノイエワシツ|senior centre tatami room',
  '公園多目的広場|コウエンタモクテキヒロバ|park multi-purpose field',
  '公園ゲートボール場|コウエンゲートボールジョウ|park gateball court',
  '市民館第2会議室|シミンカンダイニカイギシツ|civic centre meeting room 2',
  '市民館ロビー|シミンカンロビー|civic centre lobby',
  '公園サッカー場|コウエンサッカージョウ|park football pitch',
];
