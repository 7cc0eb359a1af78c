// Staff answer a request: its status (受付中 / 検討中 / 公開済み / 対応できない), the city's answer, and for
// 公開済み the dataset that answers it. The dataset must exist in this city's catalogue, be active and
// public; 対応できない needs the reason in the answer. A staff member working from an older copy of the
// request (someone else answered meanwhile) is told so instead of overwriting it. Audited in the same
// transaction, with what was there before.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../../platform/http/errors.ts';
import { auditRequestChange, type StaffActor } from '../audit.ts';
import { answerLimit, isRequestStatus, type RequestStatus } from '../model.ts';
import { findDatasetByName, loadRequest, updateAnswer } from '../queries.ts';
import { fail, parseText } from '../validate.ts';

export interface AnswerDataRequestInput {
  tenantId: string;
  actor: StaffActor;
  number: number;
  status: unknown;
  answer: unknown;
  /** The dataset's CKAN name; its address (…/open-data/datasets/aed) is accepted too. */
  datasetName: unknown;
  /** The revision the form was shown with. */
  revision: unknown;
}

/** 'aed', ' AED ', 'https://…/open-data/datasets/aed' and CKAN's '/dataset/aed' all mean aed. */
export function datasetNameOf(value: string): string {
  const path = /(?:^|\/)(?:open-data\/datasets|dataset)\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(value);
  return (path ? decodeURIComponent(path[1]!) : value).trim().toLowerCase();
}

export async function answerDataRequest(
  deps: { db: Kysely<any> },
  input: AnswerDataRequestInput,
): Promise<{ changed: boolean }> {
  const errors: FieldError[] = [];
  const status: RequestStatus | undefined = isRequestStatus(input.status) ? input.status : undefined;
  if (!status) errors.push({ field: 'status', message: '対応状況を選んでください。' });
  const answer = parseText(input.answer, errors, 'answer', '市の回答', {
    max: answerLimit,
    required: status === 'declined',
    requiredMessage: '「対応できない」ときは、その理由を市の回答に書いてください。',
  });
  const rawName = parseText(input.datasetName, errors, 'datasetName', 'データセット名', { max: 300, oneLine: true });
  const name = rawName ? datasetNameOf(rawName) : '';
  if (status === 'published' && name === '' && !errors.some((e) => e.field === 'datasetName')) {
    errors.push({
      field: 'datasetName',
      message: '「公開済み」にするときは、公開したデータセットの名前を入力してください（例: aed）。',
    });
  } else if (status !== undefined && status !== 'published' && name !== '') {
    errors.push({
      field: 'datasetName',
      message: 'データセットを結び付けられるのは、対応状況が「公開済み」のときだけです。',
    });
  } else if (name !== '' && !/^[a-z0-9_-]{2,100}$/.test(name)) {
    errors.push({
      field: 'datasetName',
      message: `データセット名「${rawName.slice(0, 40)}」は正しくありません。英小文字・数字・「-」「_」の2〜100文字です（例: aed）。`,
    });
  }
  const revision = typeof input.revision === 'string' ? Number(input.revision) : input.revision;
  if (errors.length > 0) fail(errors);

  return withTenant(deps.db, input.tenantId, async (trx) => {
    const request = await loadRequest(trx, { number: input.number }, { includeHidden: true, forUpdate: true });
    if (!request) throw new AppError('not_found', 'この要望は見つかりません。');
    if (revision !== request.revision) {
      throw new AppError(
        'conflict',
        'この要望は、ほかの職員が先に更新しました。表示し直して最新の内容を確かめてから、もう一度回答してください。',
      );
    }
    let dataset: { id: string; name: string } | null = null;
    if (status === 'published') {
      const found = await findDatasetByName(trx, name);
      const problem = !found
        ? `データセット「${name}」はカタログにありません。カタログでの名前（アドレスの /open-data/datasets/ の後ろの部分）を確かめてください。`
        : found.state !== 'active'
          ? `データセット「${name}」は${found.state === 'draft' ? '下書き' : '削除済み'}で、公開されていません。公開してから結び付けてください。`
          : found.private
            ? `データセット「${name}」は非公開に設定されています。公開してから結び付けてください。`
            : undefined;
      if (problem) fail([{ field: 'datasetName', message: problem }]);
      dataset = { id: found!.id, name: found!.name };
    }
    const before = { status: request.status, answer: request.answer, dataset: request.linkedDatasetName };
    const after = { status: status!, answer, dataset: dataset?.name ?? null };
    if (before.status === after.status && before.answer === after.answer && before.dataset === after.dataset) {
      return { changed: false };
    }
    await updateAnswer(trx, request.id, {
      status: status!,
      answer,
      datasetId: dataset?.id ?? null,
      answeredBy: input.actor.accountId,
    });
    await auditRequestChange(trx, input, {
      action: 'open_data.request.answered',
      requestId: request.id,
      details: { number: request.number, before, after },
    });
    return { changed: true };
  });
}
