// Demo catalogue for `npm start`: the nine standard datasets (自治体標準オープンデータセット) with synthetic
// rows, a few other datasets and groups, and a year of synthetic download counts so the KPI figures have a
// history. Everything goes through the same use cases staff use (checked, converted, published); some
// files are written in Shift_JIS as many cities still publish them. No real facility or person is named.
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { toCsv } from '../../../platform/ja/csv.ts';
import type { PlatformDeps, SeedOptions } from '../../../platform/module.ts';
import type { OpenDataActor } from '../actor.ts';
import type { DatasetFields } from '../dataset-fields.ts';
import { boundsOf, wardOf, wardOutlines } from '../geo/wards.ts';
import { getStandardSchema, type SchemaColumn } from '../ingest/index.ts';
import { seedDataRequests } from '../requests/demo.ts';
import { addLinkResource } from '../use-cases/add-link-resource.ts';
import { createDataset } from '../use-cases/create-dataset.ts';
import { publishUpload } from '../use-cases/publish-upload.ts';
import { uploadResource } from '../use-cases/upload-resource.ts';

const actor: OpenDataActor = { accountId: 'demo-seed', roles: ['dx_admin'], departments: [] };

/** A small deterministic PRNG (mulberry32): the same seed always gives the same catalogue. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const groups = [
  { name: 'bousai', title: '防災・安全', description: '避難場所、AED など、災害と救急に備える情報' },
  { name: 'kosodate', title: '子育て・教育', description: '保育所、子育て支援施設、学校などの情報' },
  { name: 'kenko-fukushi', title: '健康・福祉', description: '医療機関、介護サービスなどの情報' },
  { name: 'kanko-bunka', title: '観光・文化', description: '観光施設、文化財、イベントの情報' },
  { name: 'gyosei', title: '行政・統計', description: '人口、公共施設、市政の統計' },
];

interface StandardDemo {
  name: string;
  standard: string;
  title: string;
  notes: string;
  organization: string;
  tags: string[];
  group: string;
  rows: number;
  /** What the synthetic places are called: 「{ward}{kind}{n}」. */
  kind: string;
  shiftJis: boolean;
}

const standards: StandardDemo[] = [
  {
    name: 'aed',
    standard: 'aed',
    title: 'AED設置箇所一覧',
    notes: '市の施設などに設置しているAED（自動体外式除細動器）の場所です。',
    organization: 'shobo',
    tags: ['AED', '救急', '防災'],
    group: 'bousai',
    rows: 40,
    kind: '地区会館',
    shiftJis: true,
  },
  {
    name: 'evacuation-sites',
    standard: 'evacuation-site',
    title: '指定緊急避難場所一覧',
    notes: '災害の種類ごとに指定している緊急避難場所です。',
    organization: 'somu-kikaku',
    tags: ['避難場所', '防災'],
    group: 'bousai',
    rows: 35,
    kind: '公園',
    shiftJis: true,
  },
  {
    name: 'public-facilities',
    standard: 'public-facility',
    title: '公共施設一覧',
    notes: '区役所、市民館、図書館などの公共施設の所在地です。',
    organization: 'somu-kikaku',
    tags: ['公共施設'],
    group: 'gyosei',
    rows: 30,
    kind: '市民館',
    shiftJis: false,
  },
  {
    name: 'childcare-facilities',
    standard: 'childcare-facility',
    title: '子育て施設一覧',
    notes: '保育所、地域子育て支援センターなどの施設です。',
    organization: 'kodomo-mirai',
    tags: ['子育て', '保育所'],
    group: 'kosodate',
    rows: 30,
    kind: '保育園',
    shiftJis: true,
  },
  {
    name: 'medical-institutions',
    standard: 'medical-institution',
    title: '医療機関一覧',
    notes: '市内の病院・診療所の一覧です（デモ用の架空のデータ）。',
    organization: 'kenko-fukushi.hoken-iryo',
    tags: ['医療', '病院'],
    group: 'kenko-fukushi',
    rows: 30,
    kind: 'クリニック',
    shiftJis: false,
  },
  {
    name: 'care-services',
    standard: 'care-service',
    title: '介護サービス事業所一覧',
    notes: '介護保険の指定を受けた事業所です（デモ用の架空のデータ）。',
    organization: 'kenko-fukushi.choju-shakai.kaigo-hoken',
    tags: ['介護', '高齢者'],
    group: 'kenko-fukushi',
    rows: 25,
    kind: 'デイサービス',
    shiftJis: false,
  },
  {
    name: 'cultural-properties',
    standard: 'cultural-property',
    title: '文化財一覧',
    notes: '市指定の文化財です（デモ用の架空のデータ）。',
    organization: 'kyoiku.shogai-gakushu',
    tags: ['文化財', '歴史'],
    group: 'kanko-bunka',
    rows: 15,
    kind: '古民家',
    shiftJis: true,
  },
  {
    name: 'tourist-facilities',
    standard: 'tourist-facility',
    title: '観光施設一覧',
    notes: '市内の観光施設です（デモ用の架空のデータ）。',
    organization: 'shimin-bunka',
    tags: ['観光'],
    group: 'kanko-bunka',
    rows: 15,
    kind: '展望広場',
    shiftJis: false,
  },
  {
    name: 'events',
    standard: 'event',
    title: 'イベント一覧',
    notes: '市や区が開くイベントの予定です（デモ用の架空のデータ）。',
    organization: 'shimin-bunka',
    tags: ['イベント'],
    group: 'kanko-bunka',
    rows: 20,
    kind: 'ふれあいまつり',
    shiftJis: false,
  },
];

const towns = ['本町', '中央', '東町', '西町', '南町', '北町', '新町', '緑が丘', '桜台', '若葉'];

function pointIn(code: string, next: () => number): [number, number] {
  const ward = wardOutlines.find((w) => w.code === code) ?? wardOutlines[0]!;
  const b = boundsOf(ward.polygon);
  for (let i = 0; i < 200; i++) {
    const lon = b.minLon + (b.maxLon - b.minLon) * next();
    const lat = b.minLat + (b.maxLat - b.minLat) * next();
    if (wardOf(lon, lat)?.code === code) return [Number(lon.toFixed(6)), Number(lat.toFixed(6))];
  }
  return [(b.minLon + b.maxLon) / 2, (b.minLat + b.maxLat) / 2];
}

/** A synthetic value for a column of a standard schema; optional columns mostly stay empty, as in real lists. */
function valueFor(
  column: SchemaColumn,
  row: { n: number; ward: string; name: string; lon: number; lat: number; next: () => number },
): string {
  const { name } = column;
  const pad = (v: number) => String(v).padStart(2, '0');
  if (column.type === 'local-government-code') return '141305';
  if (column.type === 'latitude') return String(row.lat);
  if (column.type === 'longitude') return String(row.lon);
  if (name === 'ID' || name === 'NO') return `141305${String(row.n).padStart(4, '0')}`;
  if (name === '地方公共団体名') return '川崎市';
  if (name === '名称' || name === 'イベント名') return row.name;
  if (name === '所在地_連結表記')
    return `神奈川県川崎市${row.ward}${towns[row.n % towns.length]}${1 + (row.n % 5)}-${1 + (row.n % 17)}`;
  if (name === '所在地_都道府県') return '神奈川県';
  if (name === '所在地_市区町村') return `川崎市${row.ward}`;
  if (column.type === 'phone' && name === '電話番号')
    return `044-${200 + (row.n % 700)}-${String(1000 + row.n * 37).slice(-4)}`;
  if (column.type === 'code' && column.codes && (column.required || column.codes.length > 0)) {
    return column.required ? (column.codes[row.n % column.codes.length] ?? '') : '';
  }
  if (column.type === 'date') {
    if (!column.required && !/開始|終了/.test(name)) return '';
    const day = 1 + (row.n % 28);
    return `2026-${pad(4 + (row.n % 8))}-${pad(day)}`;
  }
  if (column.type === 'time' && /開始/.test(name)) return '09:00';
  if (column.type === 'time' && /終了/.test(name)) return '17:00';
  if (column.type === 'yesno' && /小児/.test(name)) return row.n % 3 === 0 ? '有' : '無';
  if (name === '設置位置') return ['1階 正面玄関', '1階 受付横', '2階 ロビー', '体育室入口'][row.n % 4]!;
  if (name === '利用可能曜日') return '月火水木金';
  if (column.required && column.type === 'text') return ['一般', '地域', '市指定', '保育所'][row.n % 4]!;
  if (column.required && column.type === 'integer') return String(1 + (row.n % 50));
  return '';
}

function standardCsv(demo: StandardDemo, seed: number): Buffer {
  const schema = getStandardSchema(demo.standard);
  if (!schema) throw new Error(`no standard schema ${demo.standard}`);
  const next = random(seed);
  const rows: string[][] = [];
  for (let n = 1; n <= demo.rows; n++) {
    const ward = wardOutlines[n % wardOutlines.length]!;
    const [lon, lat] = pointIn(ward.code, next);
    const name = `${ward.nameJa.replace('区', '')}${demo.kind}${n}`;
    rows.push(schema.columns.map((c) => valueFor(c, { n, ward: ward.nameJa, name, lon, lat, next })));
  }
  const text = toCsv([schema.columns.map((c) => c.name), ...rows]);
  return demo.shiftJis ? iconv.encode(text, 'cp932') : Buffer.from(text, 'utf8');
}

function populationCsv(): Buffer {
  const next = random(7);
  const rows: (string | number)[][] = [['年月', '区名', '世帯数', '人口総数', '男', '女']];
  for (let m = 0; m < 12; m++) {
    const month = `2025-${String(((m + 3) % 12) + 1).padStart(2, '0')}`;
    for (const w of wardOutlines) {
      const people = 150_000 + Math.floor(next() * 120_000);
      const men = Math.floor(people * (0.49 + next() * 0.02));
      rows.push([month, w.nameJa, Math.floor(people / 2.1), people, men, people - men]);
    }
  }
  return Buffer.from(toCsv(rows), 'utf8');
}

async function publish(
  deps: PlatformDeps,
  tenantId: string,
  dataset: string,
  fileName: string,
  data: Buffer,
  name: string,
) {
  const checked = await uploadResource(deps, {
    tenantId,
    actor,
    datasetIdOrName: dataset,
    fileName,
    name,
    file: Readable.from([data]),
  });
  if (!checked.ok)
    throw new Error(`demo ${dataset}: ${checked.report.summary} ${JSON.stringify(checked.report.issues.slice(0, 3))}`);
  return (await publishUpload(deps, { tenantId, actor, uploadId: checked.uploadId })).resourceId;
}

function base(fields: DatasetFields): DatasetFields {
  return {
    licenseId: 'cc-by-4.0',
    frequency: 'annual',
    spatial: '川崎市',
    contactName: '総務企画局 デジタル化施策推進室',
    contactEmail: 'opendata@city.kawasaki.example',
    ...fields,
  };
}

export async function seedOpenData(deps: PlatformDeps, options: SeedOptions): Promise<void> {
  const { tenantId } = options;
  const exists = await withTenant(deps.db, tenantId, (trx) =>
    trx.selectFrom('od_datasets').select('id').limit(1).executeTakeFirst(),
  );
  if (exists) {
    await seedDataRequests(deps, { tenantId });
    return;
  }
  await withTenant(deps.db, tenantId, async (trx) => {
    await trx
      .insertInto('od_groups')
      .values(groups.map((g) => ({ tenant_id: tenantId, ...g })))
      .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
      .execute();
  });

  const resourceIds: string[] = [];
  for (const [i, demo] of standards.entries()) {
    await createDataset(deps, {
      tenantId,
      actor,
      fields: base({
        name: demo.name,
        title: demo.title,
        notes: `${demo.notes}デジタル庁の「自治体標準オープンデータセット」の項目で公開しています。`,
        organization: demo.organization,
        standard: demo.standard,
        frequency: demo.standard === 'event' ? 'monthly' : 'quarterly',
        tags: demo.tags,
        groups: [demo.group],
      }),
    });
    resourceIds.push(
      await publish(deps, tenantId, demo.name, `${demo.name}.csv`, standardCsv(demo, options.seed + i), demo.title),
    );
  }

  await createDataset(deps, {
    tenantId,
    actor,
    fields: base({
      name: 'population-by-ward',
      title: '区別の人口と世帯数（月別）',
      notes: '住民基本台帳による区別の人口と世帯数です（デモ用の合成データ）。',
      organization: 'somu-kikaku',
      frequency: 'monthly',
      temporalStart: '2025-04-01',
      temporalEnd: '2026-03-31',
      tags: ['人口', '統計'],
      groups: ['gyosei'],
    }),
  });
  resourceIds.push(
    await publish(deps, tenantId, 'population-by-ward', 'population.csv', populationCsv(), '区別人口（2025年度）'),
  );

  await createDataset(deps, {
    tenantId,
    actor,
    fields: base({
      name: 'gomi-calendar',
      title: 'ごみ収集日カレンダー',
      notes: '区ごと・地区ごとのごみの収集曜日です。',
      organization: 'kankyo',
      licenseId: 'pdl-1.0',
      tags: ['ごみ', '環境'],
    }),
  });
  await addLinkResource(deps, {
    tenantId,
    actor,
    datasetIdOrName: 'gomi-calendar',
    url: 'https://www.city.kawasaki.jp/',
    name: '収集日の案内ページ',
    format: 'HTML',
  });

  await createDataset(deps, {
    tenantId,
    actor,
    fields: base({
      name: 'dx-plan-kpi',
      title: 'DX推進プランの成果指標（KPI）',
      notes: '川崎市DX推進プランの成果指標の基準値と目標値です（作成中のため非公開）。',
      organization: 'somu-kikaku.digital',
      tags: ['DX', '統計'],
      groups: ['gyosei'],
      private: true,
    }),
  });

  // A year of synthetic downloads, so the downloads KPI and the popular list have a history to show.
  const next = random(options.seed + 99);
  await withTenant(deps.db, tenantId, async (trx) => {
    for (const [i, resourceId] of resourceIds.entries()) {
      for (let m = 1; m <= 12; m++) {
        const count = Math.floor((40 + next() * 260) * (1 + (resourceIds.length - i) / 5));
        await sql`insert into od_downloads (tenant_id, resource_id, month, count)
          values (${tenantId}, ${resourceId}, date_trunc('month', (now() at time zone 'Asia/Tokyo') - make_interval(months => ${m}))::date, ${count})
          on conflict do nothing`.execute(trx);
      }
    }
  });
  await seedDataRequests(deps, { tenantId });
}
