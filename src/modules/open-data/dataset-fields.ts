// The metadata of a dataset as staff give it (form or CKAN API), checked together so every problem is
// reported at once. Field names are CKAN's, so an API client sees its own field named in the error.
import type { FieldError } from '../../platform/http/errors.ts';
import { type Frequency, frequencies, type LicenseId, licenses } from './model.ts';

export interface DatasetFields {
  name?: string;
  title?: string;
  notes?: string;
  organization?: string;
  licenseId?: string;
  frequency?: string;
  spatial?: string;
  temporalStart?: string | null;
  temporalEnd?: string | null;
  contactName?: string;
  contactEmail?: string;
  standard?: string | null;
  private?: boolean;
  tags?: string[];
  groups?: string[];
}

export interface DatasetValues {
  name: string;
  title: string;
  notes: string;
  organization: string;
  licenseId: LicenseId;
  frequency: Frequency;
  spatial: string;
  temporalStart: string | null;
  temporalEnd: string | null;
  contactName: string;
  contactEmail: string;
  standard: string | null;
  private: boolean;
  tags: string[];
  groups: string[];
}

// Control characters other than tab and newline never belong in metadata.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const namePattern = /^[a-z0-9_-]{2,100}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(
  value: string | undefined,
  errors: FieldError[],
  field: string,
  label: string,
  options: { required?: boolean; max: number },
): string {
  const v = (value ?? '').normalize('NFC').trim();
  if (options.required && v === '') errors.push({ field, message: `${label}を入力してください。` });
  else if (v.length > options.max) {
    errors.push({ field, message: `${label}は${options.max}文字以内で入力してください（いま${v.length}文字）。` });
  } else if (controlCharacters.test(v)) {
    errors.push({ field, message: `${label}に使えない制御文字が含まれています。` });
  }
  return v;
}

function isRealDate(v: string): boolean {
  if (!datePattern.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Tags from a list or from one string separated by commas, 、 or new lines; trimmed, unique, in order. */
export function splitTags(value: string | string[] | undefined): string[] {
  const parts = Array.isArray(value) ? value : (value ?? '').split(/[,、，\n]/);
  return [...new Set(parts.map((t) => t.normalize('NFKC').trim()).filter((t) => t !== ''))];
}

export function checkDatasetFields(
  fields: DatasetFields,
  known: { organizations: ReadonlySet<string>; standards: ReadonlySet<string> },
): { errors: FieldError[]; value: DatasetValues } {
  const errors: FieldError[] = [];
  const name = (fields.name ?? '').trim();
  if (name === '') errors.push({ field: 'name', message: 'URL名を入力してください。' });
  else if (!namePattern.test(name)) {
    errors.push({
      field: 'name',
      message:
        'URL名は半角の英小文字・数字・ハイフン（-）・下線（_）で、2〜100文字にしてください（例: aed-locations）。',
    });
  }
  const title = text(fields.title, errors, 'title', 'タイトル', { required: true, max: 200 });
  const notes = text(fields.notes, errors, 'notes', '説明', { max: 20000 });
  const organization = (fields.organization ?? '').trim();
  if (organization === '') errors.push({ field: 'owner_org', message: '公開する組織（所属）を選んでください。' });
  else if (!known.organizations.has(organization)) {
    errors.push({ field: 'owner_org', message: `組織「${organization.slice(0, 80)}」はこの自治体にありません。` });
  }
  const licenseId = (fields.licenseId ?? 'cc-by-4.0').trim();
  if (!(licenseId in licenses)) {
    errors.push({
      field: 'license_id',
      message: 'ライセンスは CC BY 4.0（cc-by-4.0）か公共データ利用規約 PDL1.0（pdl-1.0）から選んでください。',
    });
  }
  const frequency = (fields.frequency ?? 'irregular').trim() || 'irregular';
  if (!(frequency in frequencies)) {
    errors.push({ field: 'frequency', message: '更新頻度は一覧から選んでください。' });
  }
  const spatial = text(fields.spatial, errors, 'spatial', '対象地域', { max: 200 });
  const temporalStart = (fields.temporalStart ?? '').trim() || null;
  const temporalEnd = (fields.temporalEnd ?? '').trim() || null;
  if (temporalStart !== null && !isRealDate(temporalStart)) {
    errors.push({ field: 'temporal_start', message: '対象期間の開始日は 2025-04-01 のように入力してください。' });
  }
  if (temporalEnd !== null && !isRealDate(temporalEnd)) {
    errors.push({ field: 'temporal_end', message: '対象期間の終了日は 2026-03-31 のように入力してください。' });
  }
  if (
    temporalStart &&
    temporalEnd &&
    isRealDate(temporalStart) &&
    isRealDate(temporalEnd) &&
    temporalStart > temporalEnd
  ) {
    errors.push({ field: 'temporal_end', message: '対象期間の終了日は開始日より後にしてください。' });
  }
  const contactName = text(fields.contactName, errors, 'maintainer', '問い合わせ先', { max: 200 });
  const contactEmail = (fields.contactEmail ?? '').trim();
  if (contactEmail !== '' && (!emailPattern.test(contactEmail) || contactEmail.length > 254)) {
    errors.push({ field: 'maintainer_email', message: '問い合わせ先のメールアドレスの形式が正しくありません。' });
  }
  const standard = (fields.standard ?? '').trim() || null;
  if (standard !== null && !known.standards.has(standard)) {
    errors.push({
      field: 'standard',
      message: `標準データセット「${standard.slice(0, 80)}」はありません。一覧から選んでください。`,
    });
  }
  const tags = splitTags(fields.tags);
  if (tags.length > 50) errors.push({ field: 'tags', message: 'タグは50個までです。' });
  for (const tag of tags) {
    if (tag.length > 100 || controlCharacters.test(tag)) {
      errors.push({ field: 'tags', message: `タグ「${tag.slice(0, 30)}」は100文字以内の文字にしてください。` });
      break;
    }
  }
  const groups = [...new Set((fields.groups ?? []).map((g) => g.trim()).filter((g) => g !== ''))];
  return {
    errors,
    value: {
      name,
      title,
      notes,
      organization,
      licenseId: licenseId as LicenseId,
      frequency: frequency as Frequency,
      spatial,
      temporalStart,
      temporalEnd,
      contactName,
      contactEmail,
      standard,
      private: fields.private ?? false,
      tags,
      groups,
    },
  };
}
