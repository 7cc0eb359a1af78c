// お知らせメール: when staff open a consultation (event public_comment.opened), every confirmed subscriber
// who has not stopped gets exactly one mail about it. The event handler only lists who is due and queues
// one job per subscriber; the job sends.
//
// Exactly once, with nothing but pc_notices to lean on: the job inserts the (subscriber, consultation) row
// and sends the mail INSIDE the same transaction, and commits only after the mail server accepted it.
// - A committed row means sent: a job that finds one (a retry, a duplicate job, the handler run twice)
//   does nothing.
// - Sending fails (the mail server is down, the worker throws): the transaction rolls back, the row is
//   gone, pg-boss retries the job and it sends then. Nothing is lost, as it would be if the row were
//   committed first and the send came after.
// - Two runs at the same time (a job taken over after its lease expired): the second insert waits on the
//   first one's uncommitted row, then sees the commit (does nothing) or the rollback (sends itself). A
//   lease or "sending" flag would instead have to guess when the first run is dead.
// The one window left is a crash after the mail server said yes and before COMMIT reached the database;
// the retry then sends again. No protocol closes it without the receiving side's help, so the notice
// carries a Message-ID made from the subscriber and the consultation, which lets mail programs that
// de-duplicate by Message-ID show that rare second copy as the same message.
import { publicOrigin } from '../../../platform/config/config.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { DomainEvent } from '../../../platform/events/events.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { type OpenedConsultation, openNoticeMessage, subscriptionLinks } from './emails.ts';
import { activeSubscription, cityName, claimNotice, recipientsOf } from './queries.ts';
import { tokenForMail } from './tokens.ts';

export const sendOpenNoticeJob = 'public-comment.send-open-notice';

export interface OpenNoticeJob extends OpenedConsultation {
  tenantId: string;
  consultationId: string;
  subscriptionId: string;
}

// Jobs go to the queue in slices: one INSERT per slice keeps each statement a sensible size.
const slice = 500;

/** Handler of `public_comment.opened`. May run more than once for one event: it only queues jobs. */
export async function enqueueOpenNotices(deps: PlatformDeps, event: DomainEvent): Promise<void> {
  const data = event.data as unknown as OpenedConsultation;
  // A handler retried long after the event must not tell people to comment on a closed consultation.
  if (data.closesOn < japanToday()) return;
  await withTenant(deps.db, event.tenantId, async (trx) => {
    const due = await recipientsOf(trx, event.subjectId);
    for (let i = 0; i < due.length; i += slice) {
      await deps.jobs.enqueueMany(
        trx,
        sendOpenNoticeJob,
        due.slice(i, i + slice).map(
          (subscriptionId) =>
            ({
              tenantId: event.tenantId,
              consultationId: event.subjectId,
              subscriptionId,
              number: data.number,
              title: data.title,
              opensOn: data.opensOn,
              closesOn: data.closesOn,
            }) satisfies OpenNoticeJob,
        ),
      );
    }
  });
}

/** Job handler: one notice to one subscriber (see the header for why it never sends twice nor loses one). */
export async function sendOpenNotice(deps: PlatformDeps, data: OpenNoticeJob): Promise<void> {
  if (data.closesOn < japanToday()) return;
  await withTenant(deps.db, data.tenantId, async (trx) => {
    // Stopped (or never confirmed) by now: nothing to send, and no row, so the record stays true.
    const subscriber = await activeSubscription(trx, data.subscriptionId);
    if (!subscriber) return;
    const claimed = await claimNotice(trx, data);
    if (!claimed) return;
    const token = await tokenForMail(trx, deps.secrets, data.tenantId, subscriber);
    const base = publicOrigin(deps.config);
    const stop = subscriptionLinks(base, token).stop;
    const messageId = `<pc-notice.${data.tenantId}.${data.consultationId}.${data.subscriptionId}@${new URL(base).hostname}>`;
    await deps.mail.send(
      openNoticeMessage(subscriber.email, await cityName(trx, data.tenantId), base, data, stop, messageId),
    );
  });
}
