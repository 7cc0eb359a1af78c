// The demo's LINE users A and B follow the city from the start, with topics, a ward and a language, so
// staff's audience counts include LINE and the seeded 防災 notice reaches their phones on /demo/line. Written
// directly as the rows a follow makes (the seed runs before the server can take webhooks); C is left for a
// visitor to add as a friend. Rows that exist are kept, so a block or a link made in the demo stays.
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { demoLineUserId } from './channel.ts';

const followers = [
  { key: 'A', topics: ['bosai', 'kosodate'], ward: '141313', language: 'ja' },
  { key: 'B', topics: ['bosai', 'gomi', 'event'], ward: '141321', language: 'ja-easy' },
] as const;

export async function seedDemoLineFollowers(deps: PlatformDeps, input: { tenantId: string }): Promise<void> {
  await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .insertInto('msg_subscribers')
      .values(
        followers.map((f) => ({
          tenant_id: input.tenantId,
          channel: 'line',
          address: demoLineUserId(deps, f.key),
          topics: [...f.topics],
          ward_code: f.ward,
          language: f.language,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute(),
  );
}
