// The event feed as a business system sees it: after its cursor, at most `limit`, optionally only some
// types, and for a department-scoped token only that department's events.
import type { Kysely } from 'kysely';
import { parseCursor, readEventFeed } from '../../../platform/events/events.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { SystemCaller } from './authenticate-system-token.ts';

export interface FeedEvent {
  id: string;
  cursor: string;
  type: string;
  subjectType: string;
  subjectId: string;
  department: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
}

export async function readFeedForSystem(
  deps: { db: Kysely<any> },
  input: { caller: SystemCaller; after: string | undefined; limit: number; types: string[] },
): Promise<{ events: FeedEvent[]; next: string }> {
  const after = parseCursor(input.after);
  if (!after) {
    throw new AppError(
      'bad_request',
      'after（カーソル）の形式が違います。前回の応答の next をそのまま指定してください。',
      {
        errors: [{ field: 'after', message: '「数字.数字」の形式で指定してください（最初から読むときは 0）。' }],
      },
    );
  }
  const feed = await readEventFeed(deps.db, {
    tenantId: input.caller.tenantId,
    after,
    limit: input.limit,
    ...(input.caller.department !== null ? { department: input.caller.department } : {}),
    types: input.types,
  });
  return {
    events: feed.events.map((e) => ({
      id: e.id,
      cursor: e.cursor,
      type: e.type,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      department: e.department,
      data: e.data,
      occurredAt: e.occurredAt.toISOString(),
    })),
    next: feed.next,
  };
}
