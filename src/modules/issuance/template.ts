// Filling a DocumentTemplate: every `{{path}}` takes its value from the resolved values the caller hands
// over (answers and case facts, already formatted). A placeholder without a value stops the issue rather
// than printing "{{…}}" on a certificate.
import type { DocumentTemplate } from '../procedures/definition.ts';

export interface FilledDocument {
  kind: DocumentTemplate['kind'];
  title: string;
  issuer: string;
  body: string[];
  table: { label: string; value: string }[];
}

const placeholder = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

export class MissingValuesError extends Error {
  override name = 'MissingValuesError';
  readonly missing: string[];
  constructor(missing: string[]) {
    super(`差し込む値がありません: ${missing.join(', ')}`);
    this.missing = missing;
  }
}

export function fillTemplate(template: DocumentTemplate, values: Record<string, string>): FilledDocument {
  const missing = new Set<string>();
  const fill = (text: string) =>
    text.replace(placeholder, (_whole, path: string) => {
      const value = Object.hasOwn(values, path) ? values[path] : undefined;
      if (value === undefined) {
        missing.add(path);
        return '';
      }
      return value;
    });
  const filled: FilledDocument = {
    kind: template.kind,
    title: fill(template.title),
    issuer: fill(template.issuer),
    body: template.body.map(fill),
    table: (template.table ?? []).map((row) => ({ label: fill(row.label), value: fill(row.value) })),
  };
  if (missing.size > 0) throw new MissingValuesError([...missing]);
  return filled;
}

/** 川崎 花子 → 川＊ 花＊: enough for a verifier to recognise the person, not to learn the name. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/[\s　]+/)
    .filter(Boolean)
    .map((part) => {
      const chars = [...part];
      return `${chars[0]}${'＊'.repeat(Math.max(1, chars.length - 1))}`;
    })
    .join(' ');
}
