// A browser's Web Push subscription, sent by the island on /notifications after the person allowed
// notifications. The endpoint is the subscriber's address (a capability URL only that browser's push
// service knows), so sending it again updates the same row. A signed-in resident's device follows their
// account's settings; an anonymous visitor's takes the topics, ward and language on the form beside the
// button. The push service tells us when it ends (404/410: the row becomes 'gone').
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { enforceRateLimits } from '../../../platform/http/rate-limit.ts';
import type { RequestMeta } from '../../../platform/http/respond.ts';
import { listWards } from '../../organisation/index.ts';
import { auditSubscriber } from '../audit.ts';
import { readSubscription } from '../channels/web-push.ts';
import { parsePreferences, validationError } from './save-preferences.ts';

export interface PushSubscriptionBody {
  subscription?: unknown;
  topics?: unknown;
  ward?: unknown;
  language?: unknown;
  birthYear?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

export async function savePushSubscription(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string | null; body: PushSubscriptionBody; meta: RequestMeta },
): Promise<{ id: string }> {
  const subscription = readSubscription(input.body.subscription);
  const wards = await listWards(deps, { tenantId: input.tenantId });
  const parsed = parsePreferences(
    {
      topics: Array.isArray(input.body.topics) ? input.body.topics.filter((v) => typeof v === 'string') : [],
      ward: text(input.body.ward),
      language: text(input.body.language),
      birthYear: text(input.body.birthYear),
    },
    wards.map((w) => w.code),
  );
  if (parsed.problems.length > 0) throw validationError(parsed.problems);
  // Anyone may register a browser: a limit keeps a script from filling the table.
  await enforceRateLimits(deps.db, input.tenantId, [
    { key: `msg-push:ip:${input.meta.ip}`, limit: 30, windowSeconds: 3600 },
  ]);
  const p = parsed.value;
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const account = input.accountId
      ? await trx
          .selectFrom('msg_subscribers')
          .select(['topics', 'ward_code', 'language', 'birth_year'])
          .where('channel', '=', 'inbox')
          .where('address', '=', input.accountId)
          .executeTakeFirst()
      : undefined;
    const topics = account ? (account.topics as string[]) : p.topics;
    const row = await sql<{ id: string }>`insert into msg_subscribers (tenant_id, channel, address, keys, account_id,
        topics, ward_code, language, birth_year, status)
      values (${input.tenantId}, 'webpush', ${subscription.endpoint}, ${JSON.stringify(subscription.keys)}::jsonb,
        ${input.accountId}::uuid, ${topics}::text[], ${account ? account.ward_code : p.wardCode},
        ${account ? account.language : p.language}, ${account ? account.birth_year : p.birthYear}::integer, 'active')
      on conflict (tenant_id, channel, address) do update set keys = excluded.keys, account_id = excluded.account_id,
        topics = excluded.topics, ward_code = excluded.ward_code, language = excluded.language,
        birth_year = excluded.birth_year, status = 'active', updated_at = now()
      returning id`.execute(trx);
    const id = row.rows[0]!.id;
    await auditSubscriber(
      trx,
      { tenantId: input.tenantId, accountId: input.accountId ?? null, meta: input.meta },
      { action: 'messaging.webpush.subscribed', resourceId: id },
    );
    return { id };
  });
}
