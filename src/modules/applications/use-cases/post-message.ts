// Messages on an application: between the applicant and staff, or a staff-only internal note (内部メモ).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { sendApplicationEmailJob } from '../emails.ts';
import { loadApplication } from '../queries.ts';

export async function postMessage(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: {
    tenantId: string;
    applicationId: string;
    authorId: string;
    authorKind: 'resident' | 'staff';
    internal: boolean;
    body: string;
    /** Checks the author may write here (own application / staff scope); throws when not. */
    guard: (app: NonNullable<Awaited<ReturnType<typeof loadApplication>>>) => void;
  },
): Promise<void> {
  const body = input.body.replace(/\r\n/g, '\n').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(body)) {
    throw new AppError('validation_failed', '使えない制御文字が含まれています。', {
      errors: [{ field: 'body', message: '使えない制御文字が含まれています。' }],
    });
  }
  if (body.length === 0 || body.length > 4000) {
    throw new AppError('validation_failed', 'メッセージを入力してください。', {
      errors: [{ field: 'body', message: 'メッセージは1〜4000文字で入力してください。' }],
    });
  }
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const app = await loadApplication(trx, input.applicationId);
    if (!app || app.status === 'draft') throw new AppError('not_found', '申請が見つかりません。');
    input.guard(app);
    await trx
      .insertInto('application_messages')
      .values({
        tenant_id: input.tenantId,
        application_id: app.id,
        author_id: input.authorId,
        author_kind: input.authorKind,
        internal: input.authorKind === 'staff' && input.internal,
        body,
      })
      .execute();
    await trx.updateTable('applications').set({ updated_at: sql`now()` }).where('id', '=', app.id).execute();
    if (input.authorKind === 'staff' && !input.internal && app.notifyEmail) {
      await deps.jobs.enqueue(trx, sendApplicationEmailJob, {
        tenantId: input.tenantId,
        applicationId: app.id,
        kind: 'message',
      });
    }
  });
}
