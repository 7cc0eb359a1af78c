// The demo tenant's consultations, so every stage can be tried at once: the DX plan's consultation with
// its result published (built by the real publication path from 4 submissions and 10 opinions), one open
// for comment now (the web form works), and one whose period ended yesterday with submissions waiting for
// analysis. Dates of the last two follow the day the demo is loaded. Idempotent: skips what exists.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PlatformDeps, SeedOptions } from '../../../platform/module.ts';
import { japanToday } from '../model.ts';
import { nextConsultationNumber, replaceTopics } from '../queries.ts';
import { kawasakiResponseClasses } from '../report/classes.ts';
import type { SubmissionMethod } from '../report/types.ts';
import { contentHash } from '../submission-text.ts';
import { publishResult } from '../use-cases/publish-result.ts';
import { type DemoConsultation, dxPlanDemo } from './dx-plan.ts';

const department = 'somu-kikaku.digital';
const actor = { accountId: 'demo-seed' };

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const sendTo =
  '〒210-8577 川崎市川崎区宮本町1番地 総務企画局デジタル化施策推進室（FAX 044-000-0000・窓口は平日8時30分〜17時15分）';

async function insertConsultation(
  trx: Kysely<any>,
  tenantId: string,
  c: Pick<DemoConsultation, 'title' | 'subject' | 'summary' | 'methods' | 'announcements' | 'topics'> & {
    opensOn: string;
    closesOn: string;
    status: string;
  },
): Promise<{ id: string; number: number }> {
  const number = await nextConsultationNumber(trx, tenantId);
  const id = randomUUID();
  await trx
    .insertInto('pc_consultations')
    .values({
      tenant_id: tenantId,
      id,
      number,
      department,
      title: c.title,
      subject: c.subject,
      summary: c.summary,
      status: c.status,
      opens_on: c.opensOn,
      closes_on: c.closesOn,
      methods: c.methods,
      announcements: c.announcements,
      send_to: sendTo,
      classes: JSON.stringify(kawasakiResponseClasses),
      opened_at: new Date(),
      created_by: actor.accountId,
    })
    .execute();
  await replaceTopics(trx, tenantId, id, c.topics);
  return { id, number };
}

async function addPlanDocument(
  deps: PlatformDeps,
  trx: Kysely<any>,
  tenantId: string,
  consultationId: string,
  title: string,
) {
  const body = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1><p>（デモ用の資料です。実際の計画の本文ではありません。）</p>
<h2>1 目的と位置付け</h2><p>デジタル技術とデータを活用して、誰でも、どこでも、便利に行政サービスを利用できる市役所を目指します。</p>
<h2>2 取組の方向性</h2><ul><li>行政手続のオンライン化</li><li>業務プロセスの見直し</li><li>デジタルデバイド対策</li></ul>
</body></html>`;
  const id = randomUUID();
  const stored = await deps.files.put(`${tenantId}/public-comment/${id}`, Buffer.from(body, 'utf8'), {
    contentType: 'text/html',
  });
  await trx
    .insertInto('pc_documents')
    .values({
      tenant_id: tenantId,
      id,
      consultation_id: consultationId,
      title: `${title}（本文）`,
      file_key: stored.key,
      file_name: 'plan.html',
      content_type: 'text/html',
      size: stored.bytes,
      sha256: stored.sha256,
      position: 1,
    })
    .execute();
}

async function insertSubmission(
  trx: Kysely<any>,
  tenantId: string,
  consultationId: string,
  seq: number,
  s: { channel: SubmissionMethod; receivedOn: string; text: string },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('pc_submissions')
    .values({
      tenant_id: tenantId,
      id,
      consultation_id: consultationId,
      seq,
      channel: s.channel,
      received_on: s.receivedOn,
      body: s.text,
      content_hash: contentHash(s.text),
      registered_by: s.channel === 'web' ? null : actor.accountId,
    })
    .execute();
  return id;
}

const cyclePlan = {
  title: '川崎市自転車活用推進計画（改定案）',
  subject: '「川崎市自転車活用推進計画」の改定案',
  summary:
    '自転車を安全で快適に使えるまちを目指し、走行空間の整備、駐輪場、シェアサイクル、交通安全教育の取組を見直す改定案です。（デモ用の架空の案です）',
  methods: ['web', 'post', 'fax', 'in_person'] as SubmissionMethod[],
  announcements: ['市政だより', '市ホームページ', '各区役所市政資料コーナー'],
  topics: [
    { code: 'ア', title: '走行空間・駐輪場に関すること' },
    { code: 'イ', title: 'シェアサイクルに関すること' },
    { code: 'ウ', title: '交通安全に関すること' },
  ],
};

const parkPlan = {
  title: '川崎市公園緑地の管理運営方針（案）',
  subject: '「川崎市公園緑地の管理運営方針」の案',
  summary: '公園の遊具の更新、樹木の管理、地域団体との協働による管理運営の方針案です。（デモ用の架空の案です）',
  methods: ['web', 'post', 'fax'] as SubmissionMethod[],
  announcements: ['市ホームページ', '各区役所市政資料コーナー', '図書館'],
  topics: [
    { code: 'ア', title: '遊具・施設に関すること' },
    { code: 'イ', title: '樹木・緑の管理に関すること' },
    { code: 'ウ', title: '地域との協働に関すること' },
  ],
};

// Synthetic residents' letters for the consultation waiting for analysis: some alike (so grouping has
// something to find) and one sent twice.
const parkLetters = [
  '近所の公園の遊具が古くなって使えないものが多いです。小さい子どもが安全に遊べる遊具に早く更新してください。',
  '公園の遊具が撤去されたままになっています。幼児向けの遊具を新しく設置してほしいです。\n\nまた、夏は日陰が少ないので、ベンチのそばに木を植えてください。',
  '街路樹や公園の木の落ち葉が多く、秋は掃除が大変です。剪定の回数を増やしてください。',
  '公園の樹木が大きくなりすぎて、夜は見通しが悪く怖いです。防犯のため、剪定と照明の設置をお願いします。',
  '地域の町内会で公園の花壇の手入れをしています。市と協働で管理する仕組みを広げ、道具の貸し出しもしてほしいです。',
  '公園の遊具が古くなって使えないものが多いです。小さい子どもが安全に遊べる遊具に早く更新してください。',
  'ボール遊びができる公園を増やしてほしい。地域のルールづくりに住民も参加できるようにしてください。',
];

async function cityName(deps: PlatformDeps, tenantId: string): Promise<string> {
  const { rows } = await sql<{ name: string }>`select name_ja as name from tenants where id = ${tenantId}`.execute(
    deps.db,
  );
  return rows[0]?.name ?? tenantId;
}

export async function seedPublicComments(deps: PlatformDeps, options: SeedOptions): Promise<void> {
  const tenantId = options.tenantId;
  const today = japanToday();
  const existing = await withTenant(deps.db, tenantId, (trx) =>
    trx.selectFrom('pc_consultations').select('title').execute(),
  );
  const has = (title: string) => existing.some((r) => r.title === title);

  if (!has(dxPlanDemo.title)) {
    const demo = dxPlanDemo;
    const { id } = await withTenant(deps.db, tenantId, async (trx) => {
      const created = await insertConsultation(trx, tenantId, {
        ...demo,
        opensOn: demo.period.from,
        closesOn: demo.period.to,
        status: 'analysing',
      });
      await addPlanDocument(deps, trx, tenantId, created.id, demo.title);
      await trx
        .updateTable('pc_consultations')
        .set({
          background: demo.background,
          overview: demo.overview.join('\n'),
          changes_note: demo.changesNote,
          schedule: JSON.stringify(demo.schedule),
        })
        .where('id', '=', created.id)
        .execute();
      for (const [i, change] of demo.changes.entries()) {
        await trx
          .insertInto('pc_changes')
          .values({
            tenant_id: tenantId,
            consultation_id: created.id,
            position: i + 1,
            summary: change.summary,
            after_text: change.after,
            before_text: change.before,
          })
          .execute();
      }
      let position = 1;
      for (const [i, s] of demo.submissions.entries()) {
        const submissionId = await insertSubmission(trx, tenantId, created.id, i + 1, s);
        for (const o of s.opinions) {
          await trx
            .insertInto('pc_opinions')
            .values({
              tenant_id: tenantId,
              consultation_id: created.id,
              submission_id: submissionId,
              topic_code: o.topicCode,
              topic_confirmed: true,
              summary: o.summary,
              response: o.response,
              class_code: o.classCode,
              position: position++,
            })
            .execute();
        }
      }
      return created;
    });
    // The real publication path: checks, the frozen report, the event.
    await publishResult(deps, {
      tenantId,
      actor,
      consultationId: id,
      cityName: await cityName(deps, tenantId),
      departmentName: demo.departmentName,
      today: demo.publishedOn,
    });
  }

  if (!has(cyclePlan.title)) {
    await withTenant(deps.db, tenantId, async (trx) => {
      const created = await insertConsultation(trx, tenantId, {
        ...cyclePlan,
        opensOn: addDays(today, -10),
        closesOn: addDays(today, 20),
        status: 'open',
      });
      await addPlanDocument(deps, trx, tenantId, created.id, cyclePlan.title);
      await insertSubmission(trx, tenantId, created.id, 1, {
        channel: 'web',
        receivedOn: addDays(today, -3),
        text: '車道の自転車レーンが途中で途切れていて危ないです。駅までつながるように整備してください。',
      });
    });
  }

  if (!has(parkPlan.title)) {
    await withTenant(deps.db, tenantId, async (trx) => {
      const created = await insertConsultation(trx, tenantId, {
        ...parkPlan,
        opensOn: addDays(today, -31),
        closesOn: addDays(today, -1),
        status: 'open',
      });
      await addPlanDocument(deps, trx, tenantId, created.id, parkPlan.title);
      for (const [i, text] of parkLetters.entries()) {
        await insertSubmission(trx, tenantId, created.id, i + 1, {
          channel: i === 2 ? 'post' : i === 4 ? 'fax' : 'web',
          receivedOn: addDays(today, -20 + i * 2),
          text,
        });
      }
      // Repeats are marked the way the live paths mark them.
      await sql`
        update pc_submissions s set duplicate_of = f.id
        from pc_submissions f
        where s.consultation_id = ${created.id} and f.consultation_id = s.consultation_id
          and f.content_hash = s.content_hash and f.seq < s.seq`.execute(trx);
    });
  }
}
