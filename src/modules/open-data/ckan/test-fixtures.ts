// A synthetic dataset for the CKAN shape tests: one uploaded CSV in the datastore, one link, Japanese
// tags, a group, and a department code with a dot (which CKAN names may not hold).
import type { Dataset } from '../model.ts';

export const baseUrl = 'https://city.example.jp';

export function sampleDataset(overrides: Partial<Dataset> = {}): Dataset {
  return {
    id: '1f0c2a9e-8d6b-4c1e-9a57-3b2d4e6f8a10',
    name: 'aed-locations',
    title: 'AED設置箇所一覧',
    notes: '市内の公共施設に設置しているAEDの場所です。',
    organization: { name: 'kenko-fukushi.iryo', title: '健康福祉局 医療政策課', titleEn: 'Medical Policy Section' },
    licenseId: 'cc-by-4.0',
    frequency: 'monthly',
    spatial: '川崎市全域',
    temporalStart: '2024-04-01',
    temporalEnd: '2025-03-31',
    contactName: '医療政策課 オープンデータ担当',
    contactEmail: 'iryo-opendata@city.example.jp',
    standard: 'aed',
    private: false,
    state: 'active',
    revision: 3,
    tags: ['防災', 'AED', '医療'],
    groups: [
      {
        id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        name: 'health',
        title: '健康・医療',
        description: '健康と医療のデータ',
      },
    ],
    resources: [
      {
        id: 'a3bb189e-8bf9-4888-9912-ace4e6543002',
        datasetId: '1f0c2a9e-8d6b-4c1e-9a57-3b2d4e6f8a10',
        name: 'AED設置箇所（CSV）',
        description: '標準データセットの形式です。',
        format: 'CSV',
        urlType: 'upload',
        url: '',
        fileName: 'aed.csv',
        mimetype: 'text/csv',
        size: 20480,
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        columns: [
          { name: '名称', type: 'text' },
          { name: '緯度', type: 'latitude' },
          { name: '経度', type: 'longitude' },
          { name: '設置台数', type: 'integer' },
        ],
        rowCount: 2,
        datastoreActive: true,
        latColumn: '緯度',
        lonColumn: '経度',
        sourceEncoding: 'shift_jis',
        position: 0,
        createdAt: '2024-04-02T01:02:03.456Z',
        modifiedAt: '2024-05-01T00:00:00.000Z',
      },
      {
        id: '9b2f1c7e-2d3a-4b5c-8d9e-0f1a2b3c4d5e',
        datasetId: '1f0c2a9e-8d6b-4c1e-9a57-3b2d4e6f8a10',
        name: '国の AED 情報',
        description: '',
        format: 'HTML',
        urlType: 'link',
        url: 'https://www.example.go.jp/aed/',
        fileName: null,
        mimetype: null,
        size: null,
        sha256: null,
        columns: null,
        rowCount: null,
        datastoreActive: false,
        latColumn: null,
        lonColumn: null,
        sourceEncoding: null,
        position: 1,
        createdAt: '2024-04-02T01:05:00.000Z',
        modifiedAt: '2024-04-02T01:05:00.000Z',
      },
    ],
    createdBy: 'staff-0001',
    createdAt: '2024-04-02T01:00:00.000Z',
    modifiedAt: '2024-05-01T00:00:00.250Z',
    ...overrides,
  };
}

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export function jsonType(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as JsonType;
}

/**
 * The contract: the dict has exactly these keys, each with one of the allowed JSON types. Returns the
 * problems (empty when it holds) so a failing test names every wrong key at once.
 */
export function shapeProblems(dict: unknown, shape: Record<string, JsonType | JsonType[]>): string[] {
  const problems: string[] = [];
  const obj = JSON.parse(JSON.stringify(dict)) as Record<string, unknown>;
  for (const [key, allowed] of Object.entries(shape)) {
    if (!(key in obj)) {
      problems.push(`missing ${key}`);
      continue;
    }
    const types = Array.isArray(allowed) ? allowed : [allowed];
    const actual = jsonType(obj[key]);
    if (!types.includes(actual)) problems.push(`${key}: ${actual}, expected ${types.join('|')}`);
  }
  for (const key of Object.keys(obj)) if (!(key in shape)) problems.push(`unexpected ${key}`);
  return problems;
}
