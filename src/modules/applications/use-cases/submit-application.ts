// 申請の提出: the whole answer set is validated by the form's schema, the identity level and (where the
// procedure needs it) the My Number Card signature are checked, and in one transaction the application
// gets its receipt number (受付番号), due date and fee, the timeline and audit rows are written, and the
// event and the receipt e-mail are queued. Retrying with the same idempotency key (or submitting the
// same draft twice) returns the first result; reusing a key for different content is refused.

import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type pg from 'pg';
import { auditValues } from '../../../platform/audit/audit.ts';
import type { Config } from '../../../platform/config/config.ts';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { readWithTenant, withTenant } from '../../../platform/db/tenant.ts';
import { type Events, eventValues } from '../../../platform/events/events.ts';
import { type FieldError, findBadText, topProperties, uiOf, validateAnswers } from '../../../platform/forms/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/i18n/i18n.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import {
  type ActingParty,
  requireAssurance,
  resolveActingParty,
  type Session,
  verifySubmissionSignature,
} from '../../identity/index.ts';
import type { Procedure } from '../../procedures/definition.ts';
import { type Application, type Channel, rowToApplication } from '../model.ts';
import { loadApplication } from '../queries.ts';
import { encryptSecrets, splitSecrets } from '../secrets.ts';
import { wardOf } from './prefill.ts';
import { assertCanFile } from './start-application.ts';

export interface SubmitDeps {
  db: Kysely<any>;
  pool: pg.Pool;
  fieldCrypto: FieldCrypto;
  events: Events;
  config: Pick<Config, 'jpki'>;
}

export interface SubmitResult {
  application: Application;
  /** False when this call found an earlier identical submission (a retry or a double click). */
  created: boolean;
}

/** Fee in yen for these answers (手数料): fixed, or per unit (¥300 × 通数). */
export function feeFor(procedure: Procedure, answers: Record<string, unknown>): number {
  const fee = procedure.fee;
  if (fee.kind === 'fixed') return fee.amount;
  if (fee.kind === 'per_unit') {
    const units = answers[fee.unitField];
    return fee.amount * (typeof units === 'number' && Number.isInteger(units) && units > 0 ? units : 1);
  }
  return 0;
}

/** What the applicant signs with the card: the application id and a digest of exactly these answers. */
export function signedContentFor(applicationId: string, answers: Record<string, unknown>): string {
  return `申請:${applicationId}:${createHash('sha256').update(canonicalJson(answers)).digest('hex')}`;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function resolveDepartment(procedure: Procedure, wardCode: string | null): string {
  if (!procedure.department.startsWith('ward.')) return procedure.department;
  // Applications to a ward office go to the applicant's ward; without a known ward, to 川崎区 (the
  // city hall's own ward office), where staff forward it.
  return `ward-${wardCode ?? '141313'}.${procedure.department.slice('ward.'.length)}`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Deeper than any form goes, checked without recursion (a hostile body could nest thousands deep). */
function tooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

export function validationError(errors: FieldError[]): AppError {
  return new AppError('validation_failed', '入力内容に誤りがあります。', {
    errors: errors.map((e) => ({ field: e.field, message: e.message })),
  });
}

function checkAnswers(procedure: Procedure, answers: Record<string, unknown>, lang: Lang): void {
  const bad = findBadText(answers, lang);
  if (bad.length > 0) throw validationError(bad);
  const properties = topProperties(procedure.form!);
  // Values for fields the form does not have, or that only staff fill in, are refused rather than ignored.
  const unknown = Object.keys(answers).filter((k) => !properties[k] || uiOf(properties[k]).internal);
  if (unknown.length > 0) {
    throw validationError(
      unknown.map((field) => ({ field, message: `「${field}」はこの手続の入力項目ではありません。` })),
    );
  }
  const errors = validateAnswers(procedure.form!, answers, { lang });
  if (errors.length > 0) throw validationError(errors);
}

interface Finalize {
  tenantId: string;
  procedure: Procedure;
  party: ActingParty;
  actorKind: 'resident' | 'business' | 'staff';
  channel: Channel;
  answers: Record<string, unknown>;
  applicantName: string;
  notifyEmail: string | null;
  residentId: string | null;
  signature: { issuer: string; serialNumber: string } | null;
  meta: { ip: string; requestId: string };
}

/**
 * The submission as ONE statement (data-modifying CTEs), sent with its tenant setting as one message: the
 * application row (the draft updated, or a new row unless the idempotency key was used), its receipt
 * number from the database, the timeline row, the audit row and the domain event commit or fail
 * together in one round trip. Reactions (the receipt e-mail, webhooks) follow from the event.
 * Returns undefined when nothing was written (the draft was already submitted, or the key was used).
 */
async function finalize(
  deps: SubmitDeps,
  f: Finalize,
  row: { id: string } | { insert: Record<string, unknown> },
): Promise<Application | undefined> {
  const ward = await wardOf({ db: deps.db }, f.tenantId, f.residentId);
  const today = japanToday();
  const fee = feeFor(f.procedure, f.answers);
  const { masked, secrets } = splitSecrets(f.procedure.form!, f.answers);
  const blob = await encryptSecrets(deps.fieldCrypto, f.tenantId, secrets);
  const department = resolveDepartment(f.procedure, ward);
  const dueDate = addDays(today, f.procedure.processingDays);
  const values = {
    receipt_number: sql`application_receipt_number(nextval('application_receipt_seq'))`,
    department,
    ward_code: ward,
    status: 'submitted',
    channel: f.channel,
    answers: JSON.stringify(masked),
    secret_answers: blob ? sql`decode(${blob.toString('hex')}, 'hex')` : null,
    fee_amount: fee,
    payment_status: fee > 0 ? 'pending' : 'none',
    due_date: dueDate,
    notify_email: f.notifyEmail,
    jpki_signature: f.signature ? JSON.stringify(f.signature) : null,
    submitted_at: sql`now()`,
    updated_at: sql`now()`,
  };
  const audit = auditValues({
    tenantId: f.tenantId,
    action: 'application.submit',
    actor: f.party.actor,
    actorKind: f.actorKind,
    onBehalfOf: f.party.onBehalfOf === f.party.actor ? null : f.party.onBehalfOf,
    resourceType: 'application',
    department,
    dataClass: Object.keys(secrets).length > 0 ? 'my_number' : 'personal',
    decision: 'allow',
    reason: null,
    ip: f.meta.ip,
    requestId: f.meta.requestId,
  });
  const event = eventValues({
    tenantId: f.tenantId,
    type: 'application.submitted',
    subjectType: 'application',
    subjectId: '',
    department,
    data: {},
  });
  const text = (v: unknown) => sql`${v}::text`;
  const query = deps.db
    .with('app', (q) =>
      'id' in row
        ? q
            .updateTable('applications')
            .set(values)
            .where('id', '=', row.id)
            .where('status', '=', 'draft')
            .returningAll()
        : q
            .insertInto('applications')
            .values({ ...row.insert, ...values })
            .onConflict((oc) => oc.columns(['tenant_id', 'actor_id', 'idempotency_key']).doNothing())
            .returningAll(),
    )
    .with('history', (q) =>
      q
        .insertInto('application_history')
        .columns(['tenant_id', 'application_id', 'actor_id', 'actor_kind', 'from_status', 'to_status', 'details'])
        .expression((eb) =>
          eb
            .selectFrom('app')
            .select([
              'app.tenant_id',
              'app.id',
              text(f.party.actor).as('actor_id'),
              text(f.actorKind).as('actor_kind'),
              text('id' in row ? 'draft' : null).as('from_status'),
              text('submitted').as('to_status'),
              sql`jsonb_build_object('channel', ${f.channel}::text, 'viaProxyGrant', ${f.party.viaProxyGrant}::text)`.as(
                'details',
              ),
            ]),
        ),
    )
    .with('audit', (q) =>
      q
        .insertInto('audit_log')
        .columns([
          ...Object.keys(audit).filter((k) => k !== 'details' && k !== 'resource_id'),
          'resource_id',
          'details',
        ] as never)
        .expression((eb) =>
          eb.selectFrom('app').select([
            ...Object.entries(audit)
              .filter(([k]) => k !== 'details' && k !== 'resource_id')
              .map(([k, v]) => text(v).as(k)),
            sql`app.id::text`.as('resource_id'),
            sql`jsonb_build_object('procedure', ${f.procedure.code}::text, 'receiptNumber', app.receipt_number, 'channel', ${f.channel}::text, 'fee', ${fee}::int)`.as(
              'details',
            ),
          ] as never),
        ),
    )
    .with('event', (q) =>
      q
        .insertInto('domain_events')
        .columns(['tenant_id', 'type', 'subject_type', 'subject_id', 'department', 'data'])
        .expression((eb) =>
          eb
            .selectFrom('app')
            .select([
              'app.tenant_id',
              text(event.type).as('type'),
              text(event.subject_type).as('subject_type'),
              sql`app.id::text`.as('subject_id'),
              text(department).as('department'),
              sql`jsonb_build_object('receiptNumber', app.receipt_number, 'procedureCode', ${f.procedure.code}::text, 'channel', ${f.channel}::text, 'fee', ${fee}::int, 'dueDate', ${dueDate}::text, 'viaProxy', ${f.party.viaProxyGrant !== null}::boolean, 'business', ${f.party.business}::text)`.as(
                'data',
              ),
            ]),
        ),
    )
    .selectFrom('app')
    .selectAll();
  const rows = await readWithTenant(deps.pool, f.tenantId, query);
  return rows[0] ? rowToApplication(rows[0] as Record<string, unknown>) : undefined;
}

/** Submits a draft made on the pages (the check-your-answers page's button). */
export async function submitDraft(
  deps: SubmitDeps,
  input: {
    tenantId: string;
    session: Session;
    applicationId: string;
    procedure: Procedure;
    answers: Record<string, unknown>;
    signature?: string | undefined;
    lang: Lang;
    meta: { ip: string; requestId: string };
  },
): Promise<SubmitResult> {
  const { procedure, session } = input;
  const current = await withTenant(deps.db, input.tenantId, (trx) => loadApplication(trx, input.applicationId));
  if (!current) throw new AppError('not_found', '申請が見つかりません。');
  // A double click or a reload: the first submission stands and the receipt is shown again.
  if (current.status !== 'draft') return { application: current, created: false };
  assertCanFile(procedure, session);
  const party = await resolveActingParty(deps, {
    tenantId: input.tenantId,
    session,
    procedureCode: procedure.code,
    procedureAllowsProxy: procedure.proxyAllowed,
  });
  checkAnswers(procedure, input.answers, input.lang);
  let signature: Finalize['signature'] = null;
  if (procedure.jpkiSignature) {
    if (!input.signature?.trim()) {
      throw new AppError(
        'assurance_required',
        'この手続は、マイナンバーカードの署名用電子証明書で署名して提出してください。',
        {
          errors: [{ field: 'signature', message: '署名を貼り付けてください。' }],
        },
      );
    }
    const verified = await verifySubmissionSignature(deps, {
      tenantId: input.tenantId,
      signature: input.signature,
      content: signedContentFor(current.id, input.answers),
      residentId: session.actingFor ? null : session.residentId,
    });
    signature = { issuer: verified.issuer, serialNumber: verified.serialNumber };
  }
  requireAssurance(
    session,
    procedure.assurance === 'jpki_signature' && !procedure.jpkiSignature ? 'jpki_identity' : procedure.assurance,
    {
      submissionSignedWithJpki: signature !== null,
    },
  );
  const application = await finalize(
    deps,
    {
      tenantId: input.tenantId,
      procedure,
      party,
      actorKind: party.business ? 'business' : 'resident',
      channel: 'online',
      answers: input.answers,
      applicantName: current.applicantName,
      notifyEmail: session.email,
      residentId: session.actingFor ? null : session.residentId,
      signature,
      meta: input.meta,
    },
    { id: current.id },
  );
  if (application) return { application, created: true };
  // Two clicks racing: the loser finds the winner's submission.
  const after = await withTenant(deps.db, input.tenantId, (trx) => loadApplication(trx, input.applicationId));
  if (after && after.status !== 'draft') return { application: after, created: false };
  throw new AppError('conflict', 'この申請は既に提出されています。');
}

/**
 * Submits a whole application in one request (API for residents' apps, business systems and counter
 * staff entering a paper form: channel counter / post). `idempotencyKey` is required.
 */
export async function submitApplication(
  deps: SubmitDeps,
  input: {
    tenantId: string;
    session: Session;
    procedure: Procedure;
    answers: Record<string, unknown>;
    idempotencyKey: string;
    channel: Channel;
    lang: Lang;
    meta: { ip: string; requestId: string };
  },
): Promise<SubmitResult> {
  const { procedure, session } = input;
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(input.idempotencyKey)) {
    throw new AppError('bad_request', 'Idempotency-Key は16〜128文字の英数字・-・_ で指定してください。', {
      errors: [{ field: 'Idempotency-Key', message: '形式が正しくありません。' }],
    });
  }
  if (tooDeep(input.answers, 32)) {
    throw validationError([{ field: '(answers)', message: '回答の入れ子が深すぎます（32階層まで）。' }]);
  }
  const requestHash = createHash('sha256')
    .update(canonicalJson({ procedure: procedure.code, answers: input.answers, channel: input.channel }))
    .digest('hex');
  const actorId = session.accountId;
  const earlier = async () =>
    withTenant(deps.db, input.tenantId, async (trx) => {
      const row = await trx
        .selectFrom('applications')
        .select(['id', 'request_hash'])
        .where('actor_id', '=', actorId)
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirst();
      return row
        ? { id: row.id as string, hash: row.request_hash as string, app: await loadApplication(trx, row.id as string) }
        : undefined;
    });
  if (input.channel === 'online') assertCanFile(procedure, session);
  else if (session.kind !== 'staff') throw new AppError('forbidden', '窓口・郵送の申請は職員だけが登録できます。');
  if (!procedure.form) throw new AppError('not_found', `「${procedure.name}」は、このサイトからは申請できません。`);
  if (procedure.jpkiSignature && input.channel === 'online') {
    throw new AppError(
      'assurance_required',
      'この手続はマイナンバーカードでの署名が必要です。申請ページから署名して提出してください。',
    );
  }
  const party =
    input.channel === 'online'
      ? await resolveActingParty(deps, {
          tenantId: input.tenantId,
          session,
          procedureCode: procedure.code,
          procedureAllowsProxy: procedure.proxyAllowed,
        })
      : { actor: session.accountId, onBehalfOf: session.accountId, viaProxyGrant: null, business: null };
  if (input.channel === 'online')
    requireAssurance(session, procedure.assurance === 'jpki_signature' ? 'jpki_identity' : procedure.assurance);
  checkAnswers(procedure, input.answers, input.lang);
  // No look-up first: the unique key decides (one round trip for a new submission). Nothing written
  // means the key was used before: the same content returns that application, other content is refused.
  const application = await finalize(
    deps,
    {
      tenantId: input.tenantId,
      procedure,
      party,
      actorKind: input.channel === 'online' ? (party.business ? 'business' : 'resident') : 'staff',
      channel: input.channel,
      answers: input.answers,
      applicantName: session.actingFor?.name ?? session.displayName,
      notifyEmail: input.channel === 'online' ? session.email : null,
      residentId: input.channel === 'online' && !session.actingFor ? session.residentId : null,
      signature: null,
      meta: input.meta,
    },
    {
      insert: {
        tenant_id: input.tenantId,
        procedure_code: procedure.code,
        procedure_name: procedure.name,
        actor_id: party.actor,
        on_behalf_of: party.onBehalfOf,
        via_proxy_grant: party.viaProxyGrant,
        business_id: party.business,
        applicant_name: session.actingFor?.name ?? session.displayName,
        prefilled: '{}',
        idempotency_key: input.idempotencyKey,
        request_hash: requestHash,
      },
    },
  );
  if (application) return { application, created: true };
  const found = await earlier();
  if (found && found.hash === requestHash) return { application: found.app!, created: false };
  throw new AppError('conflict', 'この Idempotency-Key は別の内容の申請に使われています。新しいキーで送ってください。');
}
