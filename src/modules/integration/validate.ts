// Checks of the integration forms, with Japanese messages tied to their fields.
import type { FieldError } from '../../platform/http/errors.ts';
import { type SystemScope, systemScopes } from './tokens.ts';

const departmentPattern = /^[a-z0-9][a-z0-9.-]{1,62}$/;

export { failValidation as fail } from '../../platform/http/errors.ts';

/** '' or undefined: city-wide (null). */
export function parseDepartment(value: string | undefined | null, errors: FieldError[]): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return null;
  if (!departmentPattern.test(trimmed)) {
    errors.push({
      field: 'department',
      message: '部署コードは英小文字・数字・.・- で入力してください（例: ward-141313.kumin）。',
    });
  }
  return trimmed;
}

export function parseScopes(values: string[], errors: FieldError[]): SystemScope[] {
  const unknown = values.filter((v) => !(systemScopes as readonly string[]).includes(v));
  if (values.length === 0) errors.push({ field: 'scopes', message: '権限（スコープ）を1つ以上選んでください。' });
  else if (unknown.length > 0) errors.push({ field: 'scopes', message: `不明な権限です: ${unknown.join(', ')}` });
  return [...new Set(values)] as SystemScope[];
}

export function parseName(value: string | undefined, errors: FieldError[]): string {
  const name = (value ?? '').trim();
  if (name === '') errors.push({ field: 'name', message: '名前を入力してください（例: 福祉システム連携）。' });
  else if (name.length > 100) errors.push({ field: 'name', message: '名前は100文字以内で入力してください。' });
  return name;
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https only; plain http is accepted for the loopback address (a receiver on the same host, tests). */
export function parseWebhookUrl(value: string | undefined, errors: FieldError[]): string {
  const raw = (value ?? '').trim();
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || raw.length > 2000) {
    errors.push({ field: 'url', message: '送信先の URL を https:// から入力してください。' });
  } else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback.has(url.hostname))) {
    errors.push({ field: 'url', message: '送信先の URL は https:// で始めてください（通信を暗号化するため）。' });
  } else if (url.username || url.password) {
    errors.push({ field: 'url', message: '送信先の URL に利用者名やパスワードを含めないでください。' });
  }
  return raw;
}

export function parseEventTypes(value: string | undefined, errors: FieldError[]): string[] {
  const types = (value ?? '')
    .split(/[\s,、]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  const bad = types.filter((t) => !/^[a-z][a-z_]*\.[a-z][a-z_.]*$/.test(t));
  if (bad.length > 0) {
    errors.push({
      field: 'eventTypes',
      message: `イベントの種類の書き方が違います: ${bad.join(', ')}（例: application.submitted）`,
    });
  }
  return [...new Set(types)];
}
