// Saves one step of a draft (or of a correction): parse the posted fields, store new files (checked for
// type, size and content), look up an address from its postal code, and validate the step by the form's
// schema. What was typed is always saved, valid or not, so nothing the person wrote is lost.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { createBuiltinScanner, type FileStorage } from '../../../platform/files/index.ts';
import {
  type Body,
  type FieldError,
  type FormStep,
  labelOf,
  parsePathKey,
  parseStep,
  type StepAction,
  schemaAt,
  stepById,
  uiOf,
  validateAnswers,
} from '../../../platform/forms/index.ts';
import type { JsonSchema } from '../../../platform/forms/schema.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/i18n/i18n.ts';
import { lookupPostalCode } from '../../../platform/ja/postal.ts';
import type { Session } from '../../identity/index.ts';
import type { Procedure } from '../../procedures/definition.ts';
import { encryptSecrets, getAt, setAt, splitSecrets } from '../secrets.ts';
import { openApplication } from './open-application.ts';

const scanner = createBuiltinScanner();

export interface SavedStep {
  errors: FieldError[];
  action: StepAction;
  answers: Record<string, unknown>;
  procedure: Procedure;
  step: FormStep;
  fileNames: Record<string, string>;
}

export async function saveStep(
  deps: { db: Kysely<any>; fieldCrypto: FieldCrypto; files: FileStorage },
  input: {
    tenantId: string;
    session: Session;
    applicationId: string;
    stepId: string;
    body: Body;
    lang: Lang;
    /** During a correction (補正) only the fields staff marked may change. */
    onlyFields?: string[];
  },
): Promise<SavedStep> {
  const opened = await openApplication(deps, input);
  const { application, procedure } = opened;
  const editable = input.onlyFields ? application.status === 'correction_requested' : application.status === 'draft';
  if (!editable) throw new AppError('conflict', 'この申請はもう変更できません。申請の状況ページをご覧ください。');
  const form = procedure.form!;
  const step = stepById(form, input.stepId);
  if (!step) throw new AppError('not_found', '入力のページが見つかりません。');
  const parsed = parseStep(form, step.id, input.body, opened.answers, input.lang);
  let answers = parsed.answers;
  if (input.onlyFields) {
    // Only the marked top-level fields take the new values; everything else stays as submitted.
    const kept = { ...opened.answers };
    for (const field of input.onlyFields) {
      const top = String(parsePathKey(field)[0]);
      if (top in answers) kept[top] = answers[top];
      else delete kept[top];
    }
    answers = kept;
  }
  const inCorrection = (field: string) =>
    !input.onlyFields || input.onlyFields.includes(String(parsePathKey(field)[0]));
  // During a correction, whatever was posted for other fields is ignored, errors included.
  const errors = parsed.errors.filter((e) => inCorrection(e.field));
  const fileNames = { ...opened.fileNames };
  for (const { field, file } of parsed.files.filter((f) => inCorrection(f.field))) {
    const path = parsePathKey(field);
    const schema = schemaAt(form.schema as JsonSchema, path);
    const spec = procedure.attachments.find((a) => a.key === uiOf(schema).attachment);
    const label = labelOf(form.schema as JsonSchema, path);
    if (!spec) {
      errors.push({ field, message: `${label}は添付できません。` });
      continue;
    }
    if (!spec.types.includes(file.mimetype)) {
      errors.push({
        field,
        message: `${label}は ${spec.types.map(typeLabel).join('・')} のファイルを選んでください。`,
      });
      continue;
    }
    if (file.data.length > spec.maxBytes) {
      errors.push({
        field,
        message: `${label}は ${Math.floor(spec.maxBytes / 1_048_576)}MB 以下のファイルにしてください。`,
      });
      continue;
    }
    const scan = await scanner.scan(file.data, { declaredType: file.mimetype, name: file.filename });
    if (!scan.ok) {
      errors.push({ field, message: `${label}：${scan.message}` });
      continue;
    }
    const id = randomUUID();
    const stored = await deps.files.put(`${input.tenantId}/attachments/${id}`, file.data, {
      contentType: file.mimetype,
    });
    await withTenant(deps.db, input.tenantId, (trx) =>
      trx
        .insertInto('application_attachments')
        .values({
          tenant_id: input.tenantId,
          id,
          application_id: application.id,
          field,
          filename: file.filename.slice(0, 200) || 'file',
          content_type: file.mimetype,
          bytes: stored.bytes,
          sha256: stored.sha256,
          storage_key: stored.key,
        })
        .execute(),
    );
    setAt(answers, path, id);
    fileNames[id] = file.filename;
  }
  if (parsed.action.kind === 'lookup') {
    const path = parsePathKey(parsed.action.field);
    const postal = getAt(answers, [...path, 'postalCode']);
    if (typeof postal === 'string' && /^\d{7}$/.test(postal)) {
      const found = lookupPostalCode(postal);
      if (found.length === 0) {
        errors.push({
          field: `${parsed.action.field}.postalCode`,
          message: `郵便番号 ${postal} の住所が見つかりません。住所を直接入力してください。`,
        });
      } else {
        const first = found[0]!;
        const current = getAt(answers, [...path, 'address']);
        // Keep what the person typed after the town (番地・建物名) when it starts with the same town.
        const base = `${first.prefecture}${first.city}${found.length === 1 ? first.town : ''}`;
        if (typeof current !== 'string' || !current.startsWith(base)) setAt(answers, [...path, 'address'], base);
      }
    }
  }
  if (parsed.action.kind === 'next') {
    const failed = new Set(errors.map((e) => e.field));
    for (const e of validateAnswers(form, answers, { lang: input.lang, only: step.fields })) {
      if (
        !failed.has(e.field) &&
        !(input.onlyFields && !input.onlyFields.some((f) => e.field.startsWith(String(parsePathKey(f)[0]))))
      ) {
        errors.push(e);
      }
    }
  }
  const { masked, secrets } = splitSecrets(form, answers);
  const blob = await encryptSecrets(deps.fieldCrypto, input.tenantId, secrets);
  await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .updateTable('applications')
      .set({ answers: JSON.stringify(masked), secret_answers: blob, updated_at: new Date() })
      .where('id', '=', application.id)
      .where('status', '=', application.status)
      .execute(),
  );
  return { errors, action: parsed.action, answers, procedure, step, fileNames };
}

function typeLabel(mime: string): string {
  return (
    (
      { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/heic': 'HEIC' } as Record<
        string,
        string
      >
    )[mime] ?? mime
  );
}
