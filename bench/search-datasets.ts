// `npm run bench -- search-datasets`: CKAN package_search over 1,000 synthetic datasets of one city, as the
// catalogue's pages and CKAN clients search it (one and two Japanese words, hiragana for katakana words,
// English words, filter queries, all five facets, later pages, sort orders), each through withTenant on the
// app role so row-level security applies. Next to it, the floor measured in the same run through the same
// pool: a bare `select 1`, and `select 1` inside withTenant (its begin, set_config and commit).
import { sql } from 'kysely';
import { type DatasetSearchQuery, searchDatasets } from '../src/modules/open-data/search/search-datasets.ts';
import { insertSearchDataset } from '../src/modules/open-data/search/test-support.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { loadMigrations, migrate, platformMigrations } from '../src/platform/db/migrate.ts';
import { appUrlFrom, createDatabase } from '../src/platform/db/pool.ts';
import { ensureAppRole, grantAppRole } from '../src/platform/db/roles.ts';
import { withTenant } from '../src/platform/db/tenant.ts';
import { ensureTenant, kawasaki } from '../src/platform/tenancy/tenants.ts';
import { benchServer, scratchDatabase } from './lib/database.ts';

const datasetCount = Number(process.env.BENCH_DATASETS ?? 1000);
const queryCount = Number(process.env.BENCH_QUERIES ?? 2400);
const warmup = 200;
const tenantId = kawasaki.id;

// A small deterministic generator, so every run searches the same catalogue with the same queries.
let seed = 20240401;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x80000000;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], min: number, max: number): T[] => {
  const n = min + Math.floor(random() * (max - min + 1));
  return [...new Set(Array.from({ length: n }, () => pick(list)))];
};

const organizations: [code: string, title: string][] = [
  ['somu-kikaku', '総務企画局'],
  ['somu-kikaku.digital', 'デジタル化施策推進室'],
  ['zaisei', '財政局'],
  ['shimin-bunka', '市民文化局'],
  ['keizai-rodo', '経済労働局'],
  ['kankyo', '環境局'],
  ['kenko-fukushi', '健康福祉局'],
  ['kodomo-mirai', 'こども未来局'],
  ['machizukuri', 'まちづくり局'],
  ['kensetsu-ryokusei', '建設緑政局'],
  ['kowan', '港湾局'],
  ['kiki-kanri', '危機管理本部'],
  ['shobo', '消防局'],
  ['suido', '上下水道局'],
  ['kotsu', '交通局'],
  ['byoin', '病院局'],
  ['kyoiku', '教育委員会事務局'],
  ['senkyo', '選挙管理委員会事務局'],
  ['kawasaki-ku', '川崎区役所'],
  ['saiwai-ku', '幸区役所'],
  ['nakahara-ku', '中原区役所'],
  ['takatsu-ku', '高津区役所'],
  ['miyamae-ku', '宮前区役所'],
  ['tama-ku', '多摩区役所'],
  ['asao-ku', '麻生区役所'],
];
const groups = [
  { name: 'bosai', title: '防災・安全' },
  { name: 'kosodate', title: '子育て・教育' },
  { name: 'kenko', title: '健康・福祉' },
  { name: 'kanko', title: '観光・文化' },
  { name: 'kankyo', title: '環境・ごみ' },
  { name: 'machi', title: 'まちづくり・交通' },
  { name: 'gyosei', title: '行政・財政' },
  { name: 'tokei', title: '人口・統計' },
  { name: 'sangyo', title: '産業・雇用' },
  { name: 'kurashi', title: '暮らし' },
];
const subjects = [
  '指定緊急避難場所',
  '避難所',
  'AED設置箇所',
  '公共施設',
  '介護サービス事業所',
  '医療機関',
  '文化財',
  '観光施設',
  'イベント',
  '子育て施設',
  '保育所',
  '幼稚園',
  '小学校',
  '中学校',
  '図書館',
  '公園',
  '公衆トイレ',
  '駐輪場',
  'ごみ収集日',
  '粗大ごみ',
  '資源回収',
  '人口',
  '世帯数',
  '出生数',
  '転入者数',
  '外国人住民数',
  '年齢別人口',
  '地価',
  '都市計画',
  '道路工事',
  '橋梁点検',
  '河川水位',
  '雨量',
  '洪水浸水想定区域',
  '土砂災害警戒区域',
  '救急出動件数',
  '火災件数',
  '交通事故',
  '犯罪発生件数',
  '投票所',
  '選挙結果',
  '予算',
  '決算',
  '入札結果',
  '職員数',
  '市営住宅',
  '空き家',
  '商店街',
  '観光客数',
  '宿泊施設',
  'Wi-Fiスポット',
  'バリアフリートイレ',
  '健康診断',
  '予防接種',
  '介護認定者数',
  '児童館',
  '放課後児童クラブ',
  '待機児童数',
  '学校給食',
  '図書貸出冊数',
  '市民意識調査',
  '防犯灯',
  'バス停',
  '水道管',
  '下水道',
  '街路樹',
  'スポーツ施設',
  '体育館',
  '証明書発行件数',
] as const;
const qualifiers = ['一覧', '位置情報', '統計', '推移', '年報', '月報', '集計', '状況', '調査結果', '台帳', 'マップ'];
const wards = ['川崎区', '幸区', '中原区', '高津区', '宮前区', '多摩区', '麻生区'];
const periods = ['', '', '', '令和5年度', '令和6年度', '2024年', '市内'];
const tags = [
  '防災',
  '避難',
  '子育て',
  '医療',
  '福祉',
  '介護',
  '教育',
  '観光',
  '文化',
  '環境',
  'ごみ',
  '人口',
  '統計',
  '交通',
  '道路',
  '安全',
  '財政',
  '選挙',
  '健康',
  '住宅',
  '産業',
  '施設',
  '地図',
  '位置情報',
  'バリアフリー',
  'スポーツ',
  'イベント',
  '水道',
  '公園',
  '防犯',
  '消防',
  '高齢者',
  '障害者',
  '外国人',
  '都市計画',
  '気象',
  '河川',
  'オープンデータ',
  '標準データセット',
  '子育て 支援',
];
const formats = ['CSV', 'CSV', 'CSV', 'XLSX', 'JSON', 'GeoJSON', 'PDF', 'HTML'];
const sentences = [
  (s: string, w: string) => `${w}における${s}のデータです。`,
  (s: string) => `${s}の所在地、名称、電話番号、緯度経度を掲載しています。`,
  () => '毎月末時点の情報に更新しています。',
  () => '自治体標準オープンデータセットの項目定義に準拠しています。',
  (_s: string, w: string) => `${w}の地域ごとに集計しました。`,
  () => '市民の皆さまや事業者の方が二次利用しやすいよう、機械判読に適した形式で公開しています。',
  (s: string) => `${s}について、過去5年間の推移を掲載しています。`,
  () => '数値は速報値であり、後日修正されることがあります。',
  () => 'Latitude and longitude are in WGS84 (JGD2011).',
  () => '地図で表示するときは GeoJSON 形式をご利用ください。',
];

function syntheticDataset(i: number) {
  const subject = pick(subjects);
  const qualifier = pick(qualifiers);
  const ward = pick(wards);
  const [organization, organizationTitle] = pick(organizations);
  const title = `${pick(periods)}${random() < 0.3 ? ward : ''}${subject}${qualifier}`;
  let notes = some(sentences, 2, 6)
    .map((f) => f(subject, ward))
    .join('');
  // A few long descriptions, as datasets with detailed column notes have.
  if (random() < 0.05) notes = Array.from({ length: 15 }, () => notes).join('\n');
  const state = random();
  return {
    tenantId,
    name: `ds-${String(i).padStart(4, '0')}`,
    title,
    notes,
    organization,
    organizationTitle,
    licenseId: random() < 0.7 ? ('cc-by-4.0' as const) : ('pdl-1.0' as const),
    tags: some(tags, 2, 5),
    groups: some(groups, 1, 2),
    resources: Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
      name: `${subject}${pick(qualifiers)}（${pick(wards)}）`,
      format: pick(formats),
    })),
    private: state < 0.03,
    state: state > 0.95 ? ('deleted' as const) : state > 0.93 ? ('draft' as const) : ('active' as const),
    createdAt: new Date(Date.UTC(2021, 0, 1) + random() * 3 * 365 * 86_400_000).toISOString(),
    modifiedAt: new Date(Date.UTC(2024, 0, 1) + random() * 365 * 86_400_000).toISOString(),
  };
}

const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const allFacets = ['organization', 'groups', 'tags', 'res_format', 'license_id'];

/** The mix: what the search page, the catalogue's home and CKAN clients ask. */
function syntheticQuery(i: number): Partial<DatasetSearchQuery> {
  const facets = { facetFields: allFacets, facetLimit: 50 };
  switch (i % 12) {
    case 0:
      return { q: pick(subjects), ...facets };
    case 1:
      return { q: `${pick(subjects)} ${pick(wards)}`, ...facets };
    case 2:
      return { q: pick(tags), fq: `organization:${pick(organizations)[0]}`, ...facets };
    case 3:
      return { q: toHiragana(pick(['イベント', 'マップ', 'バス停', 'ごみ収集日', 'スポーツ施設'])), ...facets };
    case 4:
      return { fq: `tags:${pick(tags.slice(0, 39))} res_format:CSV`, ...facets };
    case 5:
      return { q: '', ...facets, start: 20 * Math.floor(random() * 5) };
    case 6:
      return { q: pick(qualifiers), fq: `groups:${pick(groups).name} -res_format:PDF`, start: 20 };
    case 7:
      return { q: 'population OR latitude', fq: 'license_id:(cc-by-4.0 OR pdl-1.0)', ...facets };
    case 8:
      return { q: `${pick(subjects)}${pick(qualifiers)}`, sort: 'metadata_modified desc', ...facets };
    case 9:
      return { q: 'tags:防災', sort: 'name asc', rows: 100, facetFields: ['res_format'], facetLimit: -1 };
    case 10:
      return { q: pick(wards), fq: 'metadata_modified:[2024-06-01T00:00:00Z TO *]', ...facets };
    default:
      return { q: pick(subjects).slice(0, 2), fq: `res_format:${pick(formats)}`, start: 40, ...facets };
  }
}

const percentile = (sorted: number[], f: number) =>
  Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * f))]!.toFixed(3));

export async function run() {
  const server = await benchServer();
  const scratch = await scratchDatabase(server.url, 'bench_search_datasets');
  const config = loadConfig({ DATABASE_URL: scratch.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const owner = createDatabase(scratch.url, { max: 2 });
  // Same pool settings as the app's (pool.ts defaults), on the app role, so RLS applies as in production.
  const app = createDatabase(appUrlFrom(scratch.url, config.appDbRole, config.appDbPassword));
  try {
    // Only the platform's tables and the catalogue's (what the search reads), not the whole product; the
    // same steps as the runtime's prepareDatabase.
    const openDataMigrations = {
      module: 'open-data',
      dir: new URL('../src/modules/open-data/migrations/', import.meta.url),
    };
    await ensureAppRole(owner.pool, config.appDbRole, config.appDbPassword);
    await migrate(owner.pool, await loadMigrations([platformMigrations, openDataMigrations]));
    await grantAppRole(owner.pool, config.appDbRole);
    await ensureTenant(owner.db, kawasaki);
    await withTenant(app.db, tenantId, async (trx) => {
      for (let i = 0; i < datasetCount; i++) await insertSearchDataset(trx, syntheticDataset(i));
    });
    await owner.pool.query('vacuum analyze');

    const base: DatasetSearchQuery = {
      rows: 20,
      start: 0,
      facetFields: [],
      facetLimit: 50,
      includePrivate: false,
      includeDrafts: false,
      organizationTitles: Object.fromEntries(organizations),
    };
    const queries = Array.from({ length: warmup + queryCount }, (_, i) => ({ ...base, ...syntheticQuery(i) }));
    const latencies: number[] = [];
    const floor: number[] = [];
    const tenantFloor: number[] = [];
    let matches = 0;
    let empty = 0;
    for (const [i, query] of queries.entries()) {
      let started = performance.now();
      const found = await withTenant(app.db, tenantId, (trx) => searchDatasets(trx, query));
      const took = performance.now() - started;
      // The floor, interleaved so that a neighbour's burst on this machine touches both alike.
      started = performance.now();
      await sql`select 1`.execute(app.db);
      const bare = performance.now() - started;
      started = performance.now();
      await withTenant(app.db, tenantId, (trx) => sql`select 1`.execute(trx));
      const inTenant = performance.now() - started;
      if (i < warmup) continue;
      latencies.push(took);
      floor.push(bare);
      tenantFloor.push(inTenant);
      matches += found.count;
      if (found.count === 0) empty++;
    }
    for (const list of [latencies, floor, tenantFloor]) list.sort((a, b) => a - b);
    return {
      p95_ms: percentile(latencies, 0.95),
      p50_ms: percentile(latencies, 0.5),
      max_ms: Number(latencies.at(-1)!.toFixed(3)),
      floor_p95_ms: percentile(floor, 0.95),
      floor_p50_ms: percentile(floor, 0.5),
      tenant_floor_p95_ms: percentile(tenantFloor, 0.95),
      datasets: datasetCount,
      queries: latencies.length,
      mean_matches: Math.round(matches / latencies.length),
      empty_results: empty,
    };
  } finally {
    await Promise.all([app.db.destroy(), owner.db.destroy()]);
    await scratch.drop();
    await server.stop();
  }
}
