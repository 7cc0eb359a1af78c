// What /demo/line shows for each demo LINE user: whether they follow the city (their subscriber row), whether
// a resident's code linked them to an account, and their chat, newest first: what the city delivered to them
// through the stand-in and what they did on the page.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { type DemoLine, type DemoLineUserKey, demoLineUserId, demoLineUserKeys } from './channel.ts';

export type DemoLineStatus = 'none' | 'active' | 'blocked' | 'unsubscribed' | 'gone';

export type ChatEntry =
  | { at: Date; from: 'city'; text: string }
  | { at: Date; from: 'you'; kind: 'follow' | 'unfollow' | 'text'; text?: string };

export interface DemoPhone {
  key: DemoLineUserKey;
  userId: string;
  status: DemoLineStatus;
  linked: boolean;
  chat: ChatEntry[];
}

/** Each demo user's subscriber row as the city's LINE account knows them. */
export async function demoLineStates(
  deps: { db: Kysely<any> },
  input: { tenantId: string; userIds: string[] },
): Promise<Map<string, { status: DemoLineStatus; linked: boolean }>> {
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('msg_subscribers')
      .select(['address', 'status', 'account_id'])
      .where('channel', '=', 'line')
      .where('address', 'in', input.userIds)
      .execute(),
  );
  return new Map(
    rows.map((r) => [r.address as string, { status: r.status as DemoLineStatus, linked: r.account_id !== null }]),
  );
}

export async function readDemoPhones(
  deps: PlatformDeps,
  input: { tenantId: string; line: DemoLine },
): Promise<DemoPhone[]> {
  const users = demoLineUserKeys.map((key) => ({ key, userId: demoLineUserId(deps, key) }));
  const states = await demoLineStates(deps, { tenantId: input.tenantId, userIds: users.map((u) => u.userId) });
  return users.map(({ key, userId }) => {
    const fromCity: ChatEntry[] = input.line.standIn.delivered
      .filter((d) => d.userId === userId && d.message.type === 'text')
      .map((d) => ({ at: d.at, from: 'city', text: String(d.message.text) }));
    const fromYou: ChatEntry[] = input.line.actions
      .filter((a) => a.userId === userId)
      .map((a) => ({ at: a.at, from: 'you', kind: a.kind, ...(a.text === undefined ? {} : { text: a.text }) }));
    const chat = [...fromCity, ...fromYou].sort((a, b) => b.at.getTime() - a.at.getTime());
    return { key, userId, ...(states.get(userId) ?? { status: 'none', linked: false }), chat };
  });
}
