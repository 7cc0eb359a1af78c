// JSON Schemas of this module's API, and the types they describe.
export const wardSchema = {
  $id: 'Ward',
  type: 'object',
  description: '区',
  required: ['code', 'nameJa', 'nameKana', 'nameEn'],
  properties: {
    code: {
      type: 'string',
      pattern: '^[0-9]{6}$',
      description: '全国地方公共団体コード（検査数字を含む6桁）',
      examples: ['141330'],
    },
    nameJa: { type: 'string', description: '区名', examples: ['中原区'] },
    nameKana: { type: 'string', description: '読み（全角カタカナ）', examples: ['ナカハラク'] },
    nameEn: { type: 'string', description: '英語名', examples: ['Nakahara Ward'] },
  },
} as const;

export const departmentSchema = {
  $id: 'Department',
  type: 'object',
  description: '部署（局・部・課、区役所）',
  required: ['code', 'parentCode', 'kind', 'nameJa', 'nameKana', 'nameEn', 'wardCode'],
  properties: {
    code: {
      type: 'string',
      description: '部署コード（上位部署のコード、ドット、自分の部分）',
      examples: ['somu-kikaku.digital'],
    },
    parentCode: { type: ['string', 'null'], description: '上位部署のコード（局と区役所は null）' },
    kind: {
      type: 'string',
      enum: ['bureau', 'department', 'section', 'ward_office'],
      description: 'bureau: 局・室など最上位 / department: 部・室・センター / section: 課・担当 / ward_office: 区役所',
    },
    nameJa: { type: 'string', description: '名称', examples: ['デジタル化施策推進室'] },
    nameKana: { type: 'string', description: '読み（全角カタカナ）', examples: ['デジタルカシサクスイシンシツ'] },
    nameEn: { type: 'string', description: '英語名', examples: ['Digital Policy Promotion Office'] },
    wardCode: {
      type: ['string', 'null'],
      description: '区役所とその課が受け持つ区の全国地方公共団体コード（市の局は null）',
    },
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
