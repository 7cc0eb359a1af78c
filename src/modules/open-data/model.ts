// The catalogue as the rest of the module sees it. Field names follow CKAN's where CKAN has the field, so
// the CKAN dictionaries (ckan/) are a plain mapping and DCAT (dcat/) reads the same objects.

export const licenses = {
  'cc-by-4.0': {
    title: 'クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
  },
  'pdl-1.0': {
    title: '公共データ利用規約（第1.0版）(PDL1.0)',
    url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
  },
} as const;
export type LicenseId = keyof typeof licenses;

export const frequencies = {
  daily: '毎日',
  weekly: '毎週',
  monthly: '毎月',
  quarterly: '四半期ごと',
  annual: '毎年',
  irregular: '不定期',
} as const;
export type Frequency = keyof typeof frequencies;

/** Formats a resource may have; uploads are checked against their file signature (platform/files). */
export const uploadFormats = ['CSV', 'JSON', 'GeoJSON', 'XLSX', 'PDF'] as const;
export type UploadFormat = (typeof uploadFormats)[number];

export interface Column {
  name: string;
  /** What the values are: integer, number, date, time, boolean, latitude, longitude, or text. */
  type: string;
}

export interface Resource {
  id: string;
  datasetId: string;
  name: string;
  description: string;
  format: string;
  urlType: 'upload' | 'link';
  /** For a link, where it is; for an upload, empty (the public URL is built from the request's origin). */
  url: string;
  fileName: string | null;
  mimetype: string | null;
  size: number | null;
  sha256: string | null;
  columns: Column[] | null;
  rowCount: number | null;
  datastoreActive: boolean;
  latColumn: string | null;
  lonColumn: string | null;
  sourceEncoding: string | null;
  position: number;
  createdAt: string;
  modifiedAt: string;
}

export interface GroupRef {
  id: string;
  name: string;
  title: string;
  description: string;
}

export interface OrganizationRef {
  /** Department code, used as CKAN's organization name and id. */
  name: string;
  title: string;
  titleEn: string;
}

export interface Dataset {
  id: string;
  name: string;
  title: string;
  notes: string;
  organization: OrganizationRef;
  licenseId: LicenseId;
  frequency: Frequency;
  spatial: string;
  temporalStart: string | null;
  temporalEnd: string | null;
  contactName: string;
  contactEmail: string;
  standard: string | null;
  private: boolean;
  state: 'draft' | 'active' | 'deleted';
  revision: number;
  tags: string[];
  groups: GroupRef[];
  resources: Resource[];
  createdBy: string;
  createdAt: string;
  modifiedAt: string;
}
