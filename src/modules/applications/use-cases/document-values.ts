// The values of an issued document's placeholders ({{applicant.familyName}}, {{case.receiptNumber}} …),
// resolved from the answers and the case, as people read them (dates in 和暦, options by label). A My
// Number placeholder prints the mask (**** **** 1234), never the number.
import { displayValue, type JsonSchema, parsePathKey, schemaAt } from '../../../platform/forms/index.ts';
import { toWareki } from '../../../platform/ja/wareki.ts';
import type { Procedure } from '../../procedures/definition.ts';
import type { Application } from '../model.ts';
import { getAt } from '../secrets.ts';

const wardMayors: Record<string, string> = {
  '141313': '川崎市川崎区長',
  '141321': '川崎市幸区長',
  '141330': '川崎市中原区長',
  '141348': '川崎市高津区長',
  '141364': '川崎市宮前区長',
  '141356': '川崎市多摩区長',
  '141372': '川崎市麻生区長',
};

function japanDate(at: Date): string {
  return toWareki(new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)).text;
}

export function placeholdersOf(procedure: Procedure): string[] {
  const doc = procedure.document;
  if (!doc) return [];
  const text = [...doc.body, doc.issuer, doc.title, ...(doc.table ?? []).flatMap((r) => [r.label, r.value])].join('\n');
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g)].map((m) => m[1]!))];
}

export function documentValues(
  procedure: Procedure,
  answers: Record<string, unknown>,
  app: Pick<Application, 'receiptNumber' | 'applicantName' | 'wardCode' | 'submittedAt'> & { decidedAt: Date | null },
): Record<string, string> {
  const values: Record<string, string> = {};
  const root = procedure.form?.schema as JsonSchema | undefined;
  for (const key of placeholdersOf(procedure)) {
    if (key.startsWith('case.')) {
      const name = key.slice(5);
      values[key] =
        name === 'receiptNumber'
          ? (app.receiptNumber ?? '')
          : name === 'applicantName'
            ? app.applicantName
            : name === 'decidedAt'
              ? japanDate(app.decidedAt ?? new Date())
              : name === 'submittedAt'
                ? japanDate(app.submittedAt ?? new Date())
                : name === 'wardMayor'
                  ? (wardMayors[app.wardCode ?? ''] ?? '川崎市長')
                  : '';
      continue;
    }
    const path = parsePathKey(key);
    const value = getAt(answers, path);
    const schema = root ? schemaAt(root, path) : undefined;
    values[key] =
      value === undefined
        ? ''
        : schema
          ? displayValue({ lang: 'ja', form: procedure.form!, answers, errors: [] }, schema, value)
          : typeof value === 'object'
            ? ''
            : String(value);
  }
  // Issuance masks this name for the public verification page, whether or not the template prints it.
  values['case.applicantName'] ??= app.applicantName;
  return values;
}
