// My Number answers never rest in the answers column: they are encrypted together under the tenant's
// data key (secret_answers) and the answers keep only the mask (**** **** 1234) for display.

import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskMyNumber } from '../../platform/crypto/my-number.ts';
import { pathsWithWidget } from '../../platform/forms/index.ts';
import type { FormDefinition } from '../../platform/forms/types.ts';

type Answers = Record<string, unknown>;

function expand(answers: unknown, pattern: string[], prefix: (string | number)[] = []): (string | number)[][] {
  if (pattern.length === 0) return [prefix];
  const [head, ...rest] = pattern;
  if (answers === null || typeof answers !== 'object') return [];
  if (head === '*') {
    return Array.isArray(answers) ? answers.flatMap((item, i) => expand(item, rest, [...prefix, i])) : [];
  }
  return expand((answers as Answers)[head!], rest, [...prefix, head!]);
}

export function getAt(answers: unknown, path: (string | number)[]): unknown {
  let current = answers;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

export function setAt(answers: Answers, path: (string | number)[], value: unknown): void {
  let current: any = answers;
  for (const [i, part] of path.entries()) {
    if (i === path.length - 1) {
      current[part] = value;
      return;
    }
    if (current[part] === null || typeof current[part] !== 'object')
      current[part] = typeof path[i + 1] === 'number' ? [] : {};
    current = current[part];
  }
}

/** Splits the real numbers out (path key → number) and leaves masks in a copy of the answers. */
export function splitSecrets(
  form: FormDefinition,
  answers: Answers,
): { masked: Answers; secrets: Record<string, string> } {
  const masked = structuredClone(answers);
  const secrets: Record<string, string> = {};
  for (const pattern of pathsWithWidget(form, 'my-number')) {
    for (const path of expand(answers, pattern)) {
      const value = getAt(answers, path);
      if (typeof value === 'string' && /^\d{12}$/.test(value)) {
        secrets[path.join('.')] = value;
        setAt(masked, path, maskMyNumber(value));
      }
    }
  }
  return { masked, secrets };
}

/** The answers with the real numbers back in place, for validation and for staff with the right to see them. */
export function mergeSecrets(answers: Answers, secrets: Record<string, string>): Answers {
  const merged = structuredClone(answers);
  for (const [key, value] of Object.entries(secrets)) {
    setAt(
      merged,
      key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      value,
    );
  }
  return merged;
}

export async function encryptSecrets(
  crypto: FieldCrypto,
  tenantId: string,
  secrets: Record<string, string>,
): Promise<Buffer | null> {
  return Object.keys(secrets).length === 0 ? null : crypto.encrypt(tenantId, JSON.stringify(secrets));
}

export async function decryptSecrets(
  crypto: FieldCrypto,
  tenantId: string,
  blob: Buffer | null | undefined,
): Promise<Record<string, string>> {
  return blob ? (JSON.parse(await crypto.decrypt(tenantId, blob)) as Record<string, string>) : {};
}
