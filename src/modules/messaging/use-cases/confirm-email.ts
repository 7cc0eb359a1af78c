// メールの確認 (double opt-in): the owner of an address opened the mailed link and pressed 「登録する」.
// Only the POST changes anything, so a mail scanner following links confirms nothing. The link's token is
// an HMAC over the subscriber, the account that asked (if any) and when it expires: nothing secret is
// stored, and a link stops working after 24 hours, or once the address was stopped after the request.
// Confirming for an account links the address to it (personal notices may then come by e-mail) and takes
// the account's topics, ward and language.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { RequestMeta } from '../../../platform/http/respond.ts';
import { auditSubscriber } from '../audit.ts';
import type { Language } from '../delivery/segment.ts';

export const confirmPath = '/notifications/email/confirm';
export const confirmHours = 24;

interface Secrets {
  derive(purpose: string): Buffer;
}

export interface ConfirmClaim {
  subscriberId: string;
  /** The signed-in resident who asked; null for an anonymous visitor. */
  accountId: string | null;
  expiresAt: Date;
}

function mac(secrets: Secrets, tenantId: string, body: string): string {
  return createHmac('sha256', secrets.derive('messaging-email-confirm'))
    .update(`${tenantId}/${body}`)
    .digest('base64url')
    .slice(0, 22);
}

// Ids as 22 base64url characters instead of 36: the token is one path segment, which Fastify caps at 100.
const shortId = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
const longId = (short: string) =>
  Buffer.from(short, 'base64url')
    .toString('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** `<subscriber>.<account or ->.<expiry, seconds in base 36>.<mac>`, ids in base64url. */
export function confirmToken(secrets: Secrets, tenantId: string, claim: ConfirmClaim): string {
  const account = claim.accountId ? shortId(claim.accountId) : '-';
  const body = `${shortId(claim.subscriberId)}.${account}.${Math.floor(claim.expiresAt.getTime() / 1000).toString(36)}`;
  return `${body}.${mac(secrets, tenantId, body)}`;
}

const id22 = '[A-Za-z0-9_-]{21}[AQgw]';
const tokenPattern = new RegExp(`^(${id22})\\.(${id22}|-)\\.([0-9a-z]{1,10})\\.([A-Za-z0-9_-]{22})$`);

/** The claim of a token this server made for this tenant (expired or not), or undefined. */
export function readConfirmToken(secrets: Secrets, tenantId: string, token: unknown): ConfirmClaim | undefined {
  if (typeof token !== 'string') return undefined;
  const m = tokenPattern.exec(token);
  if (!m) return undefined;
  const body = `${m[1]}.${m[2]}.${m[3]}`;
  const expected = Buffer.from(mac(secrets, tenantId, body));
  const given = Buffer.from(m[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return {
    subscriberId: longId(m[1]!),
    accountId: m[2] === '-' ? null : longId(m[2]!),
    expiresAt: new Date(Number.parseInt(m[3]!, 36) * 1000),
  };
}

/**
 * pending: the button confirms it; already: nothing to do; stopped: stopped after the request;
 * expired: too late; unknown: not a link of ours.
 */
export type ConfirmState = 'pending' | 'already' | 'stopped' | 'expired' | 'unknown';

interface SubscriberRow {
  id: string;
  address: string;
  status: string;
  account_id: string | null;
  topics: string[];
  ward_code: string | null;
  language: Language;
}

function stateOf(claim: ConfirmClaim | undefined, row: SubscriberRow | undefined): ConfirmState {
  if (!claim) return 'unknown';
  if (claim.expiresAt.getTime() < Date.now()) return 'expired';
  if (!row) return 'unknown';
  if (row.status === 'pending') return 'pending';
  if (row.status === 'active') return claim.accountId && row.account_id !== claim.accountId ? 'pending' : 'already';
  return 'stopped';
}

export interface EmailConfirmation {
  state: ConfirmState;
  address?: string;
  topics?: string[];
  wardCode?: string | null;
  language?: Language;
  /** Confirming links the address to the account that asked. */
  forAccount: boolean;
}

/** What the confirm page shows before the button. */
export async function readEmailConfirmation(
  deps: { db: Kysely<any>; secrets: Secrets },
  input: { tenantId: string; token: unknown },
): Promise<EmailConfirmation> {
  const claim = readConfirmToken(deps.secrets, input.tenantId, input.token);
  if (!claim) return { state: 'unknown', forAccount: false };
  const row = (await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('msg_subscribers')
      .select(['id', 'address', 'status', 'account_id', 'topics', 'ward_code', 'language'])
      .where('id', '=', claim.subscriberId)
      .where('channel', '=', 'email')
      .executeTakeFirst(),
  )) as SubscriberRow | undefined;
  const state = stateOf(claim, row);
  if (state !== 'pending' || !row) return { state, forAccount: false };
  return {
    state,
    address: row.address,
    topics: row.topics,
    wardCode: row.ward_code,
    language: row.language,
    forAccount: claim.accountId !== null,
  };
}

export type ConfirmOutcome = 'confirmed' | Exclude<ConfirmState, 'pending'>;

export async function confirmEmail(
  deps: { db: Kysely<any>; secrets: Secrets },
  input: { tenantId: string; token: unknown; meta: RequestMeta },
): Promise<ConfirmOutcome> {
  const claim = readConfirmToken(deps.secrets, input.tenantId, input.token);
  if (!claim) return 'unknown';
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const row = (await trx
      .selectFrom('msg_subscribers')
      .select(['id', 'address', 'status', 'account_id', 'topics', 'ward_code', 'language'])
      .where('id', '=', claim.subscriberId)
      .where('channel', '=', 'email')
      .forUpdate()
      .executeTakeFirst()) as SubscriberRow | undefined;
    const state = stateOf(claim, row);
    if (state !== 'pending' || !row) return state as ConfirmOutcome;
    if (claim.accountId) {
      // The account's settings (kept on its inbox row) decide what this address gets from now on.
      await sql`update msg_subscribers s set status = 'active', account_id = ${claim.accountId}::uuid,
          topics = coalesce(i.topics, s.topics), ward_code = case when i.id is null then s.ward_code else i.ward_code end,
          language = coalesce(i.language, s.language),
          birth_year = case when i.id is null then s.birth_year else i.birth_year end, updated_at = now()
        from (select 1) one
        left join msg_subscribers i on i.channel = 'inbox' and i.address = ${claim.accountId}
        where s.id = ${row.id}::uuid`.execute(trx);
    } else {
      await trx
        .updateTable('msg_subscribers')
        .set({ status: 'active', updated_at: new Date() })
        .where('id', '=', row.id)
        .execute();
    }
    await auditSubscriber(
      trx,
      { tenantId: input.tenantId, accountId: claim.accountId ?? null, meta: input.meta },
      { action: 'messaging.email.confirmed', resourceId: row.id },
    );
    return 'confirmed';
  });
}
