// Notices when a consultation opens, on a real database and a real SMTP stand-in: one mail per confirmed,
// not-stopped subscriber, however often the event handler and the jobs run (one after the other or at the
// same time); none to pending or stopped addresses or to another city's; a failed send is retried, not lost.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { DomainEvent } from '../../../platform/events/events.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import type { Mailer, MailMessage } from '../../../platform/mail/mailer.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { confirmSubscription } from './confirm-subscription.ts';
import { enqueueOpenNotices, type OpenNoticeJob, sendOpenNotice } from './send-open-notices.ts';
import { subscribe } from './subscribe.ts';
import { addConsultation, type NoticeCity, startNoticeCity } from './test-city.ts';
import { subscriptionToken } from './tokens.ts';
import { unsubscribe } from './unsubscribe.ts';

let city: NoticeCity;
before(async () => {
  city = await startNoticeCity();
});
after(async () => {
  await city.close();
});

const tenantId = 'kawasaki';
const base = 'https://city.example.jp';
let ip = 1;
const meta = () => ({ ip: `192.0.2.${ip++}`, requestId: 'test', userAgent: 'test' });

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A subscriber in the state a test needs, through the use cases; returns its id. */
async function subscriber(tenant: string, email: string, state: 'pending' | 'confirmed' | 'stopped'): Promise<string> {
  await subscribe(city.deps, { tenantId: tenant, email, baseUrl: base, meta: meta() });
  const { id } = await withTenant(city.deps.db, tenant, (trx) =>
    trx.selectFrom('pc_subscriptions').select('id').where('email', '=', email).executeTakeFirstOrThrow(),
  );
  const token = subscriptionToken(city.deps.secrets, tenant, id);
  if (state !== 'pending') await confirmSubscription(city.deps, { tenantId: tenant, token, meta: meta() });
  if (state === 'stopped') await unsubscribe(city.deps, { tenantId: tenant, token, meta: meta() });
  return id;
}

/** What the module's open-consultation use case does: the status change and the event in one transaction. */
async function open(tenant: string, title: string): Promise<DomainEvent> {
  const today = japanToday();
  const c = await addConsultation(city, tenant, {
    status: 'open',
    opensOn: today,
    closesOn: addDays(today, 30),
    title,
  });
  return withTenant(city.deps.db, tenant, (trx) =>
    city.deps.events.emit(trx, {
      tenantId: tenant,
      type: 'public_comment.opened',
      subjectType: 'consultation',
      subjectId: c.id,
      department: 'soumu.dx',
      data: { number: c.number, title: c.title, opensOn: today, closesOn: addDays(today, 30) },
    }),
  );
}

/** An open consultation and its event as the handler would get it, not emitted: no worker acts on it. */
async function openQuietly(title: string, period: { opensOn: string; closesOn: string } = currentPeriod()) {
  const c = await addConsultation(city, tenantId, { status: 'open', ...period, title });
  const event: DomainEvent = {
    id: randomUUID(),
    seq: 0,
    tenantId,
    type: 'public_comment.opened',
    subjectType: 'consultation',
    subjectId: c.id,
    department: 'soumu.dx',
    data: { number: c.number, title: c.title, ...period },
    occurredAt: new Date(),
  };
  return event;
}

const currentPeriod = () => ({ opensOn: japanToday(), closesOn: addDays(japanToday(), 30) });

const noticesOf = (title: string) => city.smtp.messages.filter((m) => (m.subject ?? '').includes(title));
const recipients = (mails: ParsedMail[]) => mails.map((m) => (m.to as { text: string }).text).sort();

async function noticeRows(tenant: string, consultationId: string) {
  return withTenant(city.deps.db, tenant, (trx) =>
    trx.selectFrom('pc_notices').select('subscription_id').where('consultation_id', '=', consultationId).execute(),
  );
}

const jobOf = (event: DomainEvent, subscriptionId: string): OpenNoticeJob => ({
  tenantId: event.tenantId,
  consultationId: event.subjectId,
  subscriptionId,
  ...(event.data as { number: number; title: string; opensOn: string; closesOn: string }),
});

const settle = (ms = 1500) => new Promise((r) => setTimeout(r, ms));

test('an opened consultation reaches each confirmed subscriber once, however often handler and jobs run', async () => {
  const a = await subscriber(tenantId, 'notice-a@example.jp', 'confirmed');
  const b = await subscriber(tenantId, 'notice-b@example.jp', 'confirmed');
  await subscriber(tenantId, 'notice-pending@example.jp', 'pending');
  await subscriber(tenantId, 'notice-stopped@example.jp', 'stopped');
  await subscriber('yokohama', 'notice-yokohama@example.jp', 'confirmed');

  const title = '川崎市自転車活用推進計画（改定案）';
  // Through the outbox: relay → event job → enqueueOpenNotices → one job per subscriber → SMTP.
  const event = await open(tenantId, title);
  await city.smtp.waitForMessage(() => noticesOf(title).length >= 2, 15_000);

  // The event job retried, and each job run again, one after the other and two at a time.
  await enqueueOpenNotices(city.deps, event);
  await enqueueOpenNotices(city.deps, event);
  await sendOpenNotice(city.deps, jobOf(event, a));
  await Promise.all([sendOpenNotice(city.deps, jobOf(event, b)), sendOpenNotice(city.deps, jobOf(event, b))]);
  await settle();

  assert.deepEqual(recipients(noticesOf(title)), ['notice-a@example.jp', 'notice-b@example.jp']);
  assert.deepEqual((await noticeRows(tenantId, event.subjectId)).map((r) => r.subscription_id).sort(), [a, b].sort());
  assert.equal((await noticeRows('yokohama', event.subjectId)).length, 0);
});

test('the notice names the consultation and its period and carries a one-step stop link, also as List-Unsubscribe', async () => {
  const id = await subscriber(tenantId, 'notice-headers@example.jp', 'confirmed');
  const title = '多摩川プラン改定素案 & <資料>';
  const event = await open(tenantId, title);
  const mail = await city.smtp.waitForMessage(
    (m) => (m.subject ?? '').includes(title) && (m.to as { text: string }).text === 'notice-headers@example.jp',
    15_000,
  );
  const token = subscriptionToken(city.deps.secrets, tenantId, id);
  const stop = `${base}/public-comments/unsubscribe?token=${token}`;
  const data = event.data as { number: number; opensOn: string };
  assert.equal(mail.subject, `【川崎市】意見募集を始めました：${title}`);
  assert.ok(mail.text?.includes(`${base}/public-comments/${data.number}`));
  assert.match(mail.text ?? '', /募集期間: 令和\d+年\d+月\d+日〜令和\d+年\d+月\d+日/);
  assert.ok(mail.text?.includes(stop));
  const header = (name: string) =>
    mail.headerLines
      .find((h) => h.key === name)
      ?.line.replace(/^[^:]+:\s*/, '')
      .replace(/\r?\n\s+/g, '');
  assert.equal(header('list-unsubscribe'), `<${stop}>`);
  assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
  assert.equal(mail.messageId, `<pc-notice.${tenantId}.${event.subjectId}.${id}@city.example.jp>`);
});

test('after stopping, the next consultation sends nothing to that address', async () => {
  const id = await subscriber(tenantId, 'notice-leaver@example.jp', 'confirmed');
  const first = await open(tenantId, '第一の案（停止前）');
  await city.smtp.waitForMessage(
    (m) =>
      (m.subject ?? '').includes('第一の案（停止前）') &&
      (m.to as { text: string }).text === 'notice-leaver@example.jp',
    15_000,
  );
  const token = subscriptionToken(city.deps.secrets, tenantId, id);
  assert.equal(await unsubscribe(city.deps, { tenantId, token, oneClick: true, meta: meta() }), 'stopped');
  const second = await open(tenantId, '第二の案（停止後）');
  // A job queued before the stop and run after it sends nothing either.
  await sendOpenNotice(city.deps, jobOf(second, id));
  await settle();
  assert.equal(
    city.smtp.messages.filter(
      (m) => (m.subject ?? '').includes('第二の案') && (m.to as { text: string }).text === 'notice-leaver@example.jp',
    ).length,
    0,
  );
  assert.equal(
    (await noticeRows(tenantId, first.subjectId)).some((r) => r.subscription_id === id),
    true,
  );
  assert.equal(
    (await noticeRows(tenantId, second.subjectId)).some((r) => r.subscription_id === id),
    false,
  );
});

/** The city's mailer behind a gate the test opens, or a failure. */
function gatedMail(real: Mailer) {
  let reached!: () => void;
  let release!: (ok: boolean) => void;
  const atSend = new Promise<void>((r) => {
    reached = r;
  });
  const decision = new Promise<boolean>((r) => {
    release = r;
  });
  const mail: Mailer = {
    async send(message: MailMessage) {
      reached();
      if (!(await decision)) throw new Error('SMTP 421 service not available (test)');
      await real.send(message);
    },
    close() {},
  };
  return { mail, atSend, release };
}

// These two run the job directly on consultations whose event was never emitted, so no worker job races
// the test's own runs and the test decides what each run meets.
test('a send that fails leaves no record, so the retry sends; a run that waits on a send in progress does not send again', async () => {
  const event = await openQuietly('失敗と再試行の案');
  const id = await subscriber(tenantId, 'notice-retry@example.jp', 'confirmed');
  const title = '失敗と再試行の案';
  const mine = () => noticesOf(title).filter((m) => (m.to as { text: string }).text === 'notice-retry@example.jp');

  // The mail server refuses: the job fails, nothing is recorded (pg-boss will retry it).
  const failing = gatedMail(city.deps.mail);
  failing.release(false);
  await assert.rejects(
    sendOpenNotice({ ...city.deps, mail: failing.mail } as PlatformDeps, jobOf(event, id)),
    /SMTP 421/,
  );
  assert.equal(
    (await noticeRows(tenantId, event.subjectId)).some((r) => r.subscription_id === id),
    false,
  );

  // The retry is slow to hear back from SMTP, and meanwhile the job is taken over by another worker.
  const slow = gatedMail(city.deps.mail);
  const first = sendOpenNotice({ ...city.deps, mail: slow.mail } as PlatformDeps, jobOf(event, id));
  await slow.atSend;
  let secondDone = false;
  const second = sendOpenNotice(city.deps, jobOf(event, id)).then(() => {
    secondDone = true;
  });
  await settle(500);
  assert.equal(secondDone, false, 'the second run waits on the first one’s uncommitted record');
  slow.release(true);
  await Promise.all([first, second]);
  await settle(500);
  assert.equal(mine().length, 1);
  await sendOpenNotice(city.deps, jobOf(event, id));
  await settle(500);
  assert.equal(mine().length, 1);
});

test('when the first run fails while a second waits, the second sends: the notice is not lost', async () => {
  const event = await openQuietly('待っていた側が送る案');
  const id = await subscriber(tenantId, 'notice-takeover@example.jp', 'confirmed');
  const failing = gatedMail(city.deps.mail);
  const first = sendOpenNotice({ ...city.deps, mail: failing.mail } as PlatformDeps, jobOf(event, id));
  await failing.atSend;
  const second = sendOpenNotice(city.deps, jobOf(event, id));
  await settle(300);
  failing.release(false);
  await assert.rejects(first, /SMTP 421/);
  await second;
  await settle(500);
  assert.equal(
    noticesOf('待っていた側が送る案').filter((m) => (m.to as { text: string }).text === 'notice-takeover@example.jp')
      .length,
    1,
  );
  assert.equal(
    (await noticeRows(tenantId, event.subjectId)).some((r) => r.subscription_id === id),
    true,
  );
});

test('a consultation whose period is over by the time the handler or a job runs sends nothing', async () => {
  const id = await subscriber(tenantId, 'notice-late@example.jp', 'confirmed');
  const yesterday = addDays(japanToday(), -1);
  const late = await openQuietly('期間が過ぎた案', { opensOn: addDays(yesterday, -14), closesOn: yesterday });
  await enqueueOpenNotices(city.deps, late);
  await sendOpenNotice(city.deps, jobOf(late, id));
  await settle();
  assert.equal(noticesOf('期間が過ぎた案').length, 0);
  assert.equal((await noticeRows(tenantId, late.subjectId)).length, 0);
});

test('a stored token hash that no longer matches (the server secret changed) is renewed, so the stop link in the notice works', async () => {
  const id = await subscriber(tenantId, 'notice-rotated@example.jp', 'confirmed');
  await withTenant(city.deps.db, tenantId, (trx) =>
    trx
      .updateTable('pc_subscriptions')
      .set({ token_hash: Buffer.alloc(32, 7) })
      .where('id', '=', id)
      .execute(),
  );
  const event = await openQuietly('秘密鍵が変わった後の案');
  await sendOpenNotice(city.deps, jobOf(event, id));
  const mail = await city.smtp.waitForMessage((m) => (m.subject ?? '').includes('秘密鍵が変わった後の案'), 10_000);
  const token = /unsubscribe\?token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')![1]!;
  assert.equal(await unsubscribe(city.deps, { tenantId, token, meta: meta() }), 'stopped');
});
