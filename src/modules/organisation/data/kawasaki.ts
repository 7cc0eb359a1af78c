// Kawasaki's wards, and the bureaus, departments and sections that the DX Promotion Plan (川崎市DX推進プラン,
// shared/seed/000_61f52a3c3a766de5.txt) names as responsible for its projects: the 所管課 column of its list
// of projects (関連事業一覧). A unit appears only down to the level the plan names. `sourceLines` are the
// lines of that file that name the unit, so a reviewer can check each entry (kawasaki.test.ts does).
// Not taken: 川崎市情報化推進本部 (a council chaired by the mayor, not a unit of the organisation) and the
// generic 情報管理部門 / 業務所管課; the last page of the project list has lost its 所管課 column.

export interface WardData {
  /** 全国地方公共団体コード of the ward (5 digits and a check digit). */
  code: string;
  nameJa: string;
  /** Reading in full-width katakana. */
  nameKana: string;
  nameEn: string;
}

export type DepartmentKind = 'bureau' | 'department' | 'section' | 'ward_office';

export interface DepartmentData {
  /** Stable ASCII code: the parent's code, a dot, then this unit's own part ('somu-kikaku.digital'). */
  code: string;
  parent: string | null;
  kind: DepartmentKind;
  nameJa: string;
  nameKana: string;
  nameEn: string;
  /** The ward a 区役所 (and its sections) serves; null for the city's bureaus. */
  wardCode: string | null;
  /** Lines of the plan that name this unit. */
  sourceLines: number[];
  /** The words the plan uses when they are not nameJa itself (each ward's office is just 「区役所」). */
  seedName?: string;
}

/** In the city's own order (宮前区 before 多摩区), not in code order. */
export const wards: WardData[] = [
  { code: '141313', nameJa: '川崎区', nameKana: 'カワサキク', nameEn: 'Kawasaki Ward' },
  { code: '141321', nameJa: '幸区', nameKana: 'サイワイク', nameEn: 'Saiwai Ward' },
  { code: '141330', nameJa: '中原区', nameKana: 'ナカハラク', nameEn: 'Nakahara Ward' },
  { code: '141348', nameJa: '高津区', nameKana: 'タカツク', nameEn: 'Takatsu Ward' },
  { code: '141364', nameJa: '宮前区', nameKana: 'ミヤマエク', nameEn: 'Miyamae Ward' },
  { code: '141356', nameJa: '多摩区', nameKana: 'タマク', nameEn: 'Tama Ward' },
  { code: '141372', nameJa: '麻生区', nameKana: 'アサオク', nameEn: 'Asao Ward' },
];

type Unit = [code: string, nameJa: string, nameKana: string, nameEn: string, lines: number[], children?: Unit[]];

// 局 (and 会計室, 議会局, 委員会事務局) → 部・室・センター → 課・担当.
const bureaus: Unit[] = [
  [
    'somu-kikaku',
    '総務企画局',
    'ソウムキカクキョク',
    'General Affairs and Planning Bureau',
    [1445, 1453, 1467, 1468, 1472, 1473, 1487, 1488, 1489, 1494, 1495, 1496, 1533],
    [
      [
        'digital',
        'デジタル化施策推進室',
        'デジタルカシサクスイシンシツ',
        'Digital Policy Promotion Office',
        [1445, 1453, 1467, 1468, 1472, 1473, 1487, 1488, 1489, 1494, 1495, 1496],
      ],
      [
        'toshi-seisaku',
        '都市政策部',
        'トシセイサクブ',
        'Urban Policy Department',
        [1533],
        [['kikaku-chosei', '企画調整課', 'キカクチョウセイカ', 'Planning and Coordination Section', [1533]]],
      ],
      [
        'gyosei-joho-kanri',
        'コンプライアンス推進・行政情報管理部',
        'コンプライアンススイシン・ギョウセイジョウホウカンリブ',
        'Compliance and Administrative Information Department',
        [1494],
        [['gyosei-joho', '行政情報課', 'ギョウセイジョウホウカ', 'Administrative Information Section', [1494]]],
      ],
    ],
  ],
  [
    'zaisei',
    '財政局',
    'ザイセイキョク',
    'Finance Bureau',
    [1446, 1447, 1474],
    [
      [
        'zaisei',
        '財政部',
        'ザイセイブ',
        'Budget Department',
        [1474],
        [['zaisei', '財政課', 'ザイセイカ', 'Budget Section', [1474]]],
      ],
      [
        'zeisei',
        '税制部',
        'ゼイセイブ',
        'Tax Department',
        [1447],
        [['zeisei', '税制課', 'ゼイセイカ', 'Tax Policy Section', [1447]]],
      ],
      [
        'shisan-kanri',
        '資産管理部',
        'シサンカンリブ',
        'Asset Management Department',
        [1446],
        [['keiyaku', '契約課', 'ケイヤクカ', 'Contracts Section', [1446]]],
      ],
    ],
  ],
  [
    'shimin-bunka',
    '市民文化局',
    'シミンブンカキョク',
    'Civic Affairs and Culture Bureau',
    [1448, 1469],
    [
      [
        'shimin-seikatsu',
        '市民生活部',
        'シミンセイカツブ',
        'Civic Life Department',
        [1448, 1469],
        [
          ['kikaku', '企画課', 'キカクカ', 'Planning Section', [1448]],
          ['chiiki-anzen', '地域安全推進課', 'チイキアンゼンスイシンカ', 'Community Safety Section', [1469]],
        ],
      ],
    ],
  ],
  [
    'kodomo-mirai',
    'こども未来局',
    'コドモミライキョク',
    "Children's Future Bureau",
    [1454, 1457, 1466],
    [
      [
        'somu',
        '総務部',
        'ソウムブ',
        'General Affairs Department',
        [1466],
        [['kikaku', '企画課', 'キカクカ', 'Planning Section', [1466]]],
      ],
      [
        'jido-katei',
        '児童家庭支援・虐待対策室',
        'ジドウカテイシエン・ギャクタイタイサクシツ',
        'Child and Family Support Office',
        [1454, 1457],
      ],
    ],
  ],
  [
    'kenko-fukushi',
    '健康福祉局',
    'ケンコウフクシキョク',
    'Health and Welfare Bureau',
    [1454, 1455, 1456],
    [
      [
        'hoken-iryo',
        '保健医療政策部',
        'ホケンイリョウセイサクブ',
        'Health and Medical Policy Department',
        [1455],
        [['yobo-sesshu', '予防接種担当', 'ヨボウセッシュタントウ', 'Immunisation Unit', [1455]]],
      ],
      [
        'choju-shakai',
        '長寿社会部',
        'チョウジュシャカイブ',
        'Ageing Society Department',
        [1456],
        [['kaigo-hoken', '介護保険課', 'カイゴホケンカ', 'Long-term Care Insurance Section', [1456]]],
      ],
    ],
  ],
  [
    'machizukuri',
    'まちづくり局',
    'マチヅクリキョク',
    'Urban Development Bureau',
    [1449, 1507, 1509],
    [
      [
        'jutaku-seisaku',
        '住宅政策部',
        'ジュウタクセイサクブ',
        'Housing Policy Department',
        [1449],
        [['shiei-jutaku', '市営住宅管理課', 'シエイジュウタクカンリカ', 'Municipal Housing Section', [1449]]],
      ],
      [
        'shido',
        '指導部',
        'シドウブ',
        'Building Guidance Department',
        [1507, 1509],
        [
          ['kenchiku-shinsa', '建築審査課', 'ケンチクシンサカ', 'Building Review Section', [1507]],
          ['kenchiku-kanri', '建築管理課', 'ケンチクカンリカ', 'Building Management Section', [1507]],
          ['takuchi', '宅地企画指導課', 'タクチキカクシドウカ', 'Residential Land Guidance Section', [1509]],
        ],
      ],
    ],
  ],
  [
    'kensetsu-ryokusei',
    '建設緑政局',
    'ケンセツリョクセイキョク',
    'Construction and Green Bureau',
    [1510],
    [
      [
        'somu',
        '総務部',
        'ソウムブ',
        'General Affairs Department',
        [1510],
        [['kikaku', '企画課', 'キカクカ', 'Planning Section', [1510]]],
      ],
    ],
  ],
  [
    'kankyo',
    '環境局',
    'カンキョウキョク',
    'Environment Bureau',
    [1508],
    [
      [
        'shisetsu',
        '施設部',
        'シセツブ',
        'Facilities Department',
        [1508],
        [['shori-keikaku', '処理計画課', 'ショリケイカクカ', 'Waste Treatment Planning Section', [1508]]],
      ],
    ],
  ],
  [
    'kowan',
    '港湾局',
    'コウワンキョク',
    'Port and Harbor Bureau',
    [1511, 1512],
    [
      [
        'kowan-shinko',
        '港湾振興部',
        'コウワンシンコウブ',
        'Port Promotion Department',
        [1511, 1512],
        [['shomu', '庶務課', 'ショムカ', 'General Affairs Section', [1511, 1512]]],
      ],
      [
        'kanri-center',
        '川崎港管理センター',
        'カワサキコウカンリセンター',
        'Kawasaki Port Management Center',
        [1511, 1512],
        [['kowan-kanri', '港湾管理課', 'コウワンカンリカ', 'Port Management Section', [1511, 1512]]],
      ],
    ],
  ],
  [
    'jogesuido',
    '上下水道局',
    'ジョウゲスイドウキョク',
    'Waterworks Bureau',
    [1452, 1490, 1491, 1513, 1514, 1515, 1516, 1525, 1526, 1527, 1528, 1529, 1530, 1531, 1532],
    [
      [
        'keiei-senryaku',
        '経営戦略・危機管理室',
        'ケイエイセンリャク・キキカンリシツ',
        'Management Strategy and Crisis Office',
        [1513],
      ],
      [
        'somu',
        '総務部',
        'ソウムブ',
        'General Affairs Department',
        [1452, 1490],
        [
          ['zaimu', '財務課', 'ザイムカ', 'Finance Section', [1452]],
          ['joho-kanri', '情報管理課', 'ジョウホウカンリカ', 'Information Management Section', [1490]],
        ],
      ],
      [
        'service',
        'サービス推進部',
        'サービススイシンブ',
        'Customer Service Department',
        [1452, 1491, 1531, 1532],
        [
          ['eigyo', '営業課', 'エイギョウカ', 'Billing Section', [1452, 1531]],
          ['service-suishin', 'サービス推進課', 'サービススイシンカ', 'Customer Service Section', [1491, 1531]],
          ['kyusui-sochi', '給水装置課', 'キュウスイソウチカ', 'Water Supply Installations Section', [1532]],
        ],
      ],
      [
        'suido',
        '水道部',
        'スイドウブ',
        'Water Supply Department',
        [1514, 1515, 1530],
        [
          ['suido-keikaku', '水道計画課', 'スイドウケイカクカ', 'Water Supply Planning Section', [1514, 1515, 1530]],
          ['suido-kanri', '水道管理課', 'スイドウカンリカ', 'Water Supply Management Section', [1530]],
        ],
      ],
      [
        'gesuido',
        '下水道部',
        'ゲスイドウブ',
        'Sewerage Department',
        [1513, 1525, 1526, 1527, 1528, 1529, 1530, 1532],
        [
          ['gesuido-keikaku', '下水道計画課', 'ゲスイドウケイカクカ', 'Sewerage Planning Section', [1525, 1526, 1527]],
          [
            'kanro-hozen',
            '管路保全課',
            'カンロホゼンカ',
            'Sewer Pipe Maintenance Section',
            [1513, 1528, 1529, 1530, 1532],
          ],
          ['gesuido-kanri', '下水道管理課', 'ゲスイドウカンリカ', 'Sewerage Management Section', [1532]],
        ],
      ],
      ['mizu-kanri-center', '水管理センター', 'ミズカンリセンター', 'Water Management Center', [1516]],
    ],
  ],
  [
    'shobo',
    '消防局',
    'ショウボウキョク',
    'Fire Bureau',
    [1475, 1478, 1493, 1497],
    [
      [
        'somu',
        '総務部',
        'ソウムブ',
        'General Affairs Department',
        [1493],
        [['shomu', '庶務課', 'ショムカ', 'General Affairs Section', [1493]]],
      ],
      [
        'keibo',
        '警防部',
        'ケイボウブ',
        'Fire Defense Department',
        [1475, 1478, 1497],
        [
          ['shirei', '指令課', 'シレイカ', 'Command Section', [1475, 1497]],
          ['kyukyu', '救急課', 'キュウキュウカ', 'Emergency Medical Services Section', [1478]],
        ],
      ],
    ],
  ],
  [
    'kyoiku',
    '教育委員会事務局',
    'キョウイクイインカイジムキョク',
    'Board of Education Secretariat',
    [1470, 1476, 1492, 1498],
    [
      [
        'shogai-gakushu',
        '生涯学習部',
        'ショウガイガクシュウブ',
        'Lifelong Learning Department',
        [1498],
        [['chiiki-kyoiku', '地域教育推進課', 'チイキキョウイクスイシンカ', 'Community Education Section', [1498]]],
      ],
      [
        'sogo-kyoiku-center',
        '総合教育センター',
        'ソウゴウキョウイクセンター',
        'Education Center',
        [1476, 1492],
        [
          [
            'joho-shichokaku',
            '情報・視聴覚センター',
            'ジョウホウ・シチョウカクセンター',
            'Information and Audiovisual Center',
            [1476, 1492],
          ],
        ],
      ],
      ['nakahara-library', '中原図書館', 'ナカハラトショカン', 'Nakahara Library', [1470]],
    ],
  ],
  [
    'senkyo',
    '選挙管理委員会事務局',
    'センキョカンリイインカイジムキョク',
    'Election Commission Secretariat',
    [1477],
    [
      [
        'senkyo',
        '選挙部',
        'センキョブ',
        'Elections Department',
        [1477],
        [['senkyo', '選挙課', 'センキョカ', 'Elections Section', [1477]]],
      ],
    ],
  ],
  [
    'gikai',
    '議会局',
    'ギカイキョク',
    'City Council Secretariat',
    [1471],
    [
      [
        'giji-chosa',
        '議事調査部',
        'ギジチョウサブ',
        'Proceedings and Research Department',
        [1471],
        [['giji', '議事課', 'ギジカ', 'Proceedings Section', [1471]]],
      ],
    ],
  ],
  // 会計室 is not part of any 局 (it serves the 会計管理者), so it stands at the top like one.
  [
    'kaikei',
    '会計室',
    'カイケイシツ',
    'Accounting Office',
    [1450, 1451],
    [['suito', '出納課', 'スイトウカ', 'Treasury Section', [1450, 1451]]],
  ],
];

/** Top level: bureau. Below it: a 部・室・センター is a department, a 課・担当 a section, and so is anything
 * under a department (情報・視聴覚センター sits where a 課 would). */
function kindAt(depth: number, nameJa: string): DepartmentKind {
  if (depth === 0) return 'bureau';
  return depth >= 2 || /(課|担当)$/.test(nameJa) ? 'section' : 'department';
}

function flatten(units: Unit[], parent: string | null, depth: number, out: DepartmentData[]): DepartmentData[] {
  for (const [own, nameJa, nameKana, nameEn, sourceLines, children] of units) {
    const code = parent ? `${parent}.${own}` : own;
    out.push({ code, parent, kind: kindAt(depth, nameJa), nameJa, nameKana, nameEn, wardCode: null, sourceLines });
    if (children) flatten(children, code, depth + 1, out);
  }
  return out;
}

// The plan speaks of 区役所 and their 区民課 in general (書かない窓口, 窓口の改革): every ward has both.
const wardOfficeLines = [35, 240, 241, 242, 327, 756, 766, 767, 768, 920, 931, 1496];
const kuminkaLines = [240, 241, 766, 767, 1453];

const wardOffices: DepartmentData[] = wards.flatMap((w): DepartmentData[] => {
  const office = `ward-${w.code}`;
  return [
    {
      code: office,
      parent: null,
      kind: 'ward_office',
      nameJa: `${w.nameJa}役所`,
      nameKana: `${w.nameKana}ヤクショ`,
      nameEn: `${w.nameEn} Office`,
      wardCode: w.code,
      sourceLines: wardOfficeLines,
      seedName: '区役所',
    },
    {
      code: `${office}.kumin`,
      parent: office,
      kind: 'section',
      nameJa: '区民課',
      nameKana: 'クミンカ',
      nameEn: "Ward Residents' Section",
      wardCode: w.code,
      sourceLines: kuminkaLines,
    },
  ];
});

/** Parents always come before their children: the bureaus in the plan's order, then the 7 ward offices. */
export const departments: DepartmentData[] = [...flatten(bureaus, null, 0, []), ...wardOffices];
