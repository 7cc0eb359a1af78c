// A demo LINE user acts on /demo/line: follows the city's account, blocks it, or sends it a text. Each goes
// the way LINE's would: the stand-in signs a webhook with the channel secret and POSTs it to our own
// /webhooks/line, which checks the signature and handles it (use-cases/handle-line-events.ts). The answer
// says what the city made of it, read back from the subscriber row, so the page can tell the user (LINE
// itself would show nothing for a wrong code).
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { lineStopWords } from '../use-cases/handle-line-events.ts';
import { linkCodePattern } from '../use-cases/issue-line-link-code.ts';
import { type DemoLine, type DemoLineUserKey, demoLineUserId } from './channel.ts';
import { demoLineStates } from './read-demo-phones.ts';

export type DemoLineAct = { kind: 'follow' } | { kind: 'unfollow' } | { kind: 'text'; text: string };
export type DemoLineOutcome = 'follow' | 'unfollow' | 'linked' | 'codeRejected' | 'stopped' | 'sent';

/** LINE's limit for a text message (UTF-16 units). */
export const demoTextMax = 5000;

export async function sendAsDemoUser(
  deps: PlatformDeps,
  input: { tenantId: string; line: DemoLine; webhookUrl: string; user: DemoLineUserKey; act: DemoLineAct },
): Promise<DemoLineOutcome> {
  const { line, act } = input;
  const userId = demoLineUserId(deps, input.user);
  const before = (await demoLineStates(deps, { tenantId: input.tenantId, userIds: [userId] })).get(userId);
  const { standIn } = line;
  let event: object;
  if (act.kind === 'follow') {
    // Following again after a block is LINE's "unblocked" follow; the stand-in delivers to them again.
    event = standIn.events.follow(userId, { isUnblocked: before?.status === 'blocked' });
    standIn.unblock(userId);
  } else if (act.kind === 'unfollow') {
    event = standIn.events.unfollow(userId);
    standIn.block(userId);
  } else {
    event = standIn.events.text(userId, act.text);
  }
  let status: number;
  const sentAt = new Date();
  try {
    status = await standIn.sendWebhook(input.webhookUrl, [event]);
  } catch (error) {
    throw new AppError(
      'unavailable',
      `市の LINE の受け口（/webhooks/line）に届けられませんでした（${(error as Error).message}）。`,
    );
  }
  if (status !== 200) {
    throw new AppError('unavailable', `市の LINE の受け口（/webhooks/line）が ${status} を返しました。`);
  }
  line.actions.push({ userId, at: new Date(), kind: act.kind, ...(act.kind === 'text' ? { text: act.text } : {}) });
  if (act.kind !== 'text') return act.kind;
  // Read as handle-line-events.ts reads it.
  const said = act.text.normalize('NFKC').trim();
  if (lineStopWords.includes(said)) return 'stopped';
  if (!linkCodePattern.test(said.toUpperCase())) return 'sent';
  // A live code is marked used by this LINE user when it links them.
  const used = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('msg_link_codes')
      .select('used_at')
      .where('used_by', '=', userId)
      .where('used_at', '>=', sentAt)
      .executeTakeFirst(),
  );
  return used ? 'linked' : 'codeRejected';
}
