// Staff register an opinion that came by post, FAX or in person: the text as transcribed, the day it
// arrived (for post, the postmark: 当日消印有効), name and contact if given, and the scan of the paper.
// The form's random id makes a double click one registration.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { createBuiltinScanner, type FileStorage } from '../../../platform/files/index.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { bodyLimit, contactLimit, nameLimit, receiptNumber, type SubmissionMethod } from '../model.ts';
import { loadConsultation } from '../queries.ts';
import { contentHash } from '../submission-text.ts';
import { fail, parseDay, parseText } from '../validate.ts';

const scanLimitBytes = 20 * 1024 * 1024;
const scanner = createBuiltinScanner(['application/pdf', 'image/jpeg', 'image/png']);

export async function registerSubmission(
  deps: { db: Kysely<any>; files: FileStorage },
  input: {
    tenantId: string;
    actor: StaffActor;
    consultationId: string;
    channel: string | undefined;
    receivedOn: string | undefined;
    body: string | undefined;
    name?: string | undefined;
    contact?: string | undefined;
    scan?: { filename: string; mimetype: string; data: Buffer } | undefined;
    idempotencyKey?: string | undefined;
  },
): Promise<{ id: string; receiptNumber: string; repeated: boolean }> {
  const errors: FieldError[] = [];
  const channel = input.channel as SubmissionMethod;
  if (!['post', 'fax', 'in_person'].includes(channel)) {
    errors.push({ field: 'channel', message: '受け付けた方法（郵送・FAX・持参）を選んでください。' });
  }
  const receivedOn = parseDay(input.receivedOn, errors, 'receivedOn', channel === 'post' ? '消印の日付' : '受付日');
  const body = parseText(input.body, errors, 'body', '御意見（書き起こし）', { required: true, max: bodyLimit });
  const name = parseText(input.name, errors, 'name', 'お名前', { max: nameLimit });
  const contact = parseText(input.contact, errors, 'contact', '連絡先', { max: contactLimit });
  const scan = input.scan && input.scan.data.length > 0 ? input.scan : undefined;
  if (scan) {
    if (scan.data.length > scanLimitBytes) {
      errors.push({ field: 'scan', message: `読み取り画像は${scanLimitBytes / 1024 / 1024}MB以内にしてください。` });
    } else {
      const result = await scanner.scan(scan.data, { declaredType: scan.mimetype, name: scan.filename });
      if (!result.ok) errors.push({ field: 'scan', message: result.message });
    }
  }
  const c = await withTenant(deps.db, input.tenantId, (trx) => loadConsultation(trx, { id: input.consultationId }));
  if (!c) throw new AppError('not_found', 'パブリックコメントが見つかりません。');
  if (c.status === 'draft' || c.status === 'published') {
    throw new AppError('conflict', '募集を始める前と結果の公表後は、意見を登録できません。');
  }
  if (channel && !c.methods.includes(channel) && errors.every((e) => e.field !== 'channel')) {
    errors.push({ field: 'channel', message: 'この案では、その方法での提出を受け付けていません。' });
  }
  if (receivedOn && (receivedOn < c.opensOn || receivedOn > c.closesOn)) {
    errors.push({
      field: 'receivedOn',
      message: `${receivedOn} は募集期間（${c.opensOn}〜${c.closesOn}）の外です。期間外の意見は件数に含められません。`,
    });
  }
  if (errors.length > 0) fail(errors);

  const key = input.idempotencyKey?.trim() || null;
  const id = randomUUID();
  const stored = scan
    ? await deps.files.put(`${input.tenantId}/public-comment/${id}`, scan.data, { contentType: scan.mimetype })
    : undefined;
  const hash = contentHash(body);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`pc_submissions:${c.id}`}))`.execute(trx);
    if (key) {
      const same = await trx
        .selectFrom('pc_submissions')
        .select(['id', 'seq'])
        .where('consultation_id', '=', c.id)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      if (same) return { id: same.id as string, receiptNumber: receiptNumber(c.number, same.seq), repeated: true };
    }
    const duplicate = await trx
      .selectFrom('pc_submissions')
      .select('id')
      .where('consultation_id', '=', c.id)
      .where('content_hash', '=', hash)
      .orderBy('seq')
      .executeTakeFirst();
    const { rows } = await sql<{ n: number }>`
      select coalesce(max(seq), 0) + 1 as n from pc_submissions where consultation_id = ${c.id}`.execute(trx);
    const seq = rows[0]!.n;
    await trx
      .insertInto('pc_submissions')
      .values({
        tenant_id: input.tenantId,
        id,
        consultation_id: c.id,
        seq,
        channel,
        received_on: receivedOn,
        body,
        name: name || null,
        contact: contact || null,
        scan_file_key: stored?.key ?? null,
        scan_file_name: scan?.filename.slice(0, 200) ?? null,
        scan_content_type: scan?.mimetype ?? null,
        content_hash: hash,
        idempotency_key: key,
        duplicate_of: duplicate?.id ?? null,
        registered_by: input.actor.accountId,
      })
      .execute();
    await auditStaff(trx, input, {
      action: 'public_comment.submission.registered',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { submissionId: id, channel, receivedOn, scan: stored?.sha256 ?? null },
    });
    return { id, receiptNumber: receiptNumber(c.number, seq), repeated: false };
  });
}
