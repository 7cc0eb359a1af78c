// JSON Schemas of this module's API, and the types they describe.
export const wardSchema = {
  $id: 'Ward',
  type: 'object',
  required: ['code', 'nameJa', 'nameKana', 'nameEn'],
  properties: {
    code: { type: 'string', pattern: '^[0-9]{6}$', description: '全国地方公共団体コード' },
    nameJa: { type: 'string' },
    nameKana: { type: 'string' },
    nameEn: { type: 'string' },
  },
} as const;

export const departmentSchema = {
  $id: 'Department',
  type: 'object',
  required: ['code', 'parentCode', 'kind', 'nameJa', 'nameKana', 'nameEn', 'wardCode'],
  properties: {
    code: { type: 'string' },
    parentCode: { type: ['string', 'null'] },
    kind: { type: 'string', enum: ['bureau', 'department', 'section', 'ward_office'] },
    nameJa: { type: 'string' },
    nameKana: { type: 'string' },
    nameEn: { type: 'string' },
    wardCode: { type: ['string', 'null'] },
  },
} as const;

export interface Ward {
  code: string;
  nameJa: string;
  nameKana: string;
  nameEn: string;
}

export interface Department {
  code: string;
  parentCode: string | null;
  kind: 'bureau' | 'department' | 'section' | 'ward_office';
  nameJa: string;
  nameKana: string;
  nameEn: string;
  wardCode: string | null;
}
