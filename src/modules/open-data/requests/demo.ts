// The demo city's data requests, all synthetic: a handful of requests in every status with supporters, so
// the list's order by supports and each answer can be seen at once. The AED request is answered through
// the real answer path and linked to the dataset named `aed` when the catalogue has it public; without it,
// it stays 検討中. Idempotent: requests are found by their demo key, and a later run links the AED request
// once the dataset is there.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { RequestStatus } from './model.ts';
import {
  findDatasetByName,
  findRepeat,
  insertRequest,
  insertSupport,
  loadRequest,
  nextRequestNumber,
} from './queries.ts';
import { supporterHash } from './supporter.ts';
import { answerDataRequest } from './use-cases/answer-data-request.ts';
import { contentHash, senderHash } from './validate.ts';

interface DemoRequest {
  key: string;
  title: string;
  description: string;
  purpose: string;
  daysAgo: number;
  supporters: number;
  answer?: { status: RequestStatus; answer: string; dataset?: string };
}

const demoRequests: DemoRequest[] = [
  {
    key: 'demo-request-aed',
    title: 'AED（自動体外式除細動器）の設置場所',
    description:
      '市の施設や学校などにある AED の設置場所（施設名、住所、緯度経度、設置している階、使える時間）を、CSV などの機械で読める形で公開してください。',
    purpose: '地域の防災マップと、救命講習の資料に使いたいです。',
    daysAgo: 120,
    supporters: 23,
    answer: {
      status: 'published',
      answer: '自治体標準オープンデータセットの形式で「AED設置箇所一覧」を公開しました。年に1回更新します。',
      dataset: 'aed',
    },
  },
  {
    key: 'demo-request-nursery',
    title: '認可保育所の空き状況（毎月）',
    description:
      '認可保育所ごと・年齢ごとの受入れ可能人数を、毎月の更新で公開してください。区と施設の種類も付けてください。',
    purpose: '保育所を探している家庭向けに、地図で空きを探せるサービスを作りたいです。',
    daysAgo: 45,
    supporters: 31,
  },
  {
    key: 'demo-request-toilets',
    title: '公衆トイレの場所とバリアフリー設備',
    description:
      '公園や駅前の公衆トイレの位置、多機能トイレ・オストメイト対応・ベビーシートの有無、利用できる時間を公開してください。',
    purpose: '車いすで外出するときに使う地図アプリで使いたいです。',
    daysAgo: 30,
    supporters: 12,
    answer: {
      status: 'considering',
      answer: '公園と道路を管理する部署で、施設ごとの設備の情報をそろえられるか確認しています。',
    },
  },
  {
    key: 'demo-request-roadworks',
    title: '道路工事と通行止めの予定',
    description: '市道の工事の場所、期間、通行止めや片側交互通行の予定を、週ごとに公開してください。',
    purpose: '',
    daysAgo: 14,
    supporters: 6,
  },
  {
    key: 'demo-request-bicycle',
    title: '市営駐輪場のリアルタイムの空き台数',
    description: '市営駐輪場ごとの空き台数を、5分ごとなど短い間隔で公開してください。',
    purpose: '駅に行く前に空いている駐輪場を確かめたいです。',
    daysAgo: 60,
    supporters: 9,
    answer: {
      status: 'declined',
      answer:
        '多くの駐輪場に空き台数を数える機械がなく、いまはリアルタイムの情報を作れません。各駐輪場の収容台数と場所は「駐輪場一覧」で公開しています。',
    },
  },
  {
    key: 'demo-request-garbage',
    title: '地区ごとのごみ・資源物の収集日',
    description: '町丁目ごとに、普通ごみ・資源物・粗大ごみの収集曜日を公開してください。',
    purpose: 'ごみの日を知らせるアプリで使いたいです。',
    daysAgo: 3,
    supporters: 2,
  },
];

const actor = { accountId: 'demo-seed' };

export async function seedDataRequests(
  deps: { db: Kysely<any>; secrets: { derive(purpose: string): Buffer } },
  options: { tenantId: string },
): Promise<void> {
  const { tenantId } = options;
  const sender = senderHash(deps.secrets.derive('open-data.request-sender'), tenantId, 'demo-seed');
  const supporterKey = deps.secrets.derive('open-data.supporter-hash');
  for (const demo of demoRequests) {
    const hash = contentHash(demo.title, demo.description);
    const number = await withTenant(deps.db, tenantId, async (trx) => {
      const found = await findRepeat(trx, {
        idempotencyKey: demo.key,
        contentHash: hash,
        senderHash: sender,
        since: new Date(0),
      });
      if (found) return found.number;
      const createdAt = new Date(Date.now() - demo.daysAgo * 86_400_000);
      const next = await nextRequestNumber(trx);
      const id = await insertRequest(trx, {
        tenantId,
        number: next,
        title: demo.title,
        description: demo.description,
        purpose: demo.purpose,
        contactEmail: null,
        contentHash: hash,
        senderHash: sender,
        idempotencyKey: demo.key,
        createdAt,
      });
      for (let i = 0; i < demo.supporters; i++) {
        await insertSupport(trx, {
          tenantId,
          requestId: id,
          supporterHash: supporterHash(supporterKey, tenantId, `${demo.key}:${i}`),
          createdAt: new Date(createdAt.getTime() + i * 3_600_000),
        });
      }
      return next;
    });
    if (demo.answer) await answerDemo(deps, tenantId, number, demo.answer);
  }
}

async function answerDemo(
  deps: { db: Kysely<any> },
  tenantId: string,
  number: number,
  answer: NonNullable<DemoRequest['answer']>,
): Promise<void> {
  const current = await withTenant(deps.db, tenantId, async (trx) => ({
    request: await loadRequest(trx, { number }, { includeHidden: true }),
    dataset: answer.dataset ? await findDatasetByName(trx, answer.dataset) : undefined,
  }));
  if (!current.request || current.request.status === answer.status) return;
  let { status, answer: text } = answer;
  const datasetPublic = current.dataset?.state === 'active' && !current.dataset.private;
  if (answer.dataset && !datasetPublic) {
    // The catalogue has no public `aed` (yet): the city is still working on it.
    if (current.request.status === 'considering') return;
    status = 'considering';
    text = '関係部署と、公開する項目と更新の頻度を調整しています。';
  }
  await answerDataRequest(deps, {
    tenantId,
    actor,
    number,
    status,
    answer: text,
    datasetName: status === 'published' ? answer.dataset : '',
    revision: current.request.revision,
  });
}
