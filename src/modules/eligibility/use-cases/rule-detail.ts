// One rule as the DX office decides on it (/staff/eligibility/rules/<id>): what it says, how many people it
// finds and how many wait to be told, a few of them with the rule's reason worked out again today, the notice
// exactly as a resident would read it, every approval so far with who then applied, and its versions (the
// problems that keep one from being activated, the last comparison of a proposed one with the rule in use, and
// a comparison still running or one that failed).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { jobInFlight } from '../../../platform/jobs/queue.ts';
import { staffNames } from '../../identity/index.ts';
import { previewQueue, tellQueue } from '../jobs.ts';
import { type NoticeText, noticeFor } from '../outreach/notice.ts';
import { activeRules, findRule, versionsOf } from '../registry.ts';
import { evaluateRule, type Rule, validateRule } from '../rules/index.ts';
import { loadHouseholds, toHousehold } from '../runs/households.ts';
import type { PreviewDifference } from './preview-version.ts';
import { previewStaleAfterMinutes } from './request-preview.ts';
import { type Conversion, conversionOf, type RunRow, toRunRow } from './rule-overview.ts';

export interface WaitingPerson {
  personId: string;
  wardCode: string;
  /** The day a run found them (YYYY-MM-DD). */
  since: string;
  /** Still eligible when decided again today (a run may be some days old). */
  eligible: boolean;
  reason: string;
  reasonEasy: string | undefined;
}

export interface OutreachRow {
  id: string;
  version: number;
  /** staff: approved on this page; event: told at once under the standing approval. */
  kind: 'staff' | 'event';
  approvedBy: string;
  approvedAt: Date;
  people: number;
  /** People reached through an account. */
  told: number;
  byPost: number;
}

export interface VersionView {
  rule: Rule;
  state: 'active' | 'proposed' | 'previous';
  /** What keeps this version from being activated (validateRule); empty when nothing does. */
  problems: string[];
  /** The latest finished comparison of this version with the people the rule finds now. */
  preview: (RunRow & { difference: PreviewDifference }) | undefined;
  /**
   * A later comparison that has no difference (yet): running (its run is recent or its job still waits or
   * runs), failed (with why), or interrupted (still 'running' long after its job ended: its worker stopped).
   */
  attempt: { status: 'running' | 'failed' | 'interrupted'; startedAt: Date; error: string | null } | undefined;
}

export interface RuleDetail {
  rule: Rule;
  standing: boolean;
  counts: { eligible: number; waiting: number; told: number; byPost: number };
  sample: WaitingPerson[];
  /** The notice for one person (a waiting one when there is one), as noticeFor writes it. */
  notice: { personId: string; text: NoticeText } | undefined;
  /** An approval of this rule's outreach is queued or being sent. */
  tellPending: boolean;
  outreach: OutreachRow[];
  conversion: Conversion;
  versions: VersionView[];
  /** Display names of the staff who approved the outreach and ran the comparisons shown. */
  staffNames: ReadonlyMap<string, string>;
}

/** A result row as the page's people are read from it. */
const resultColumns = [
  sql<string>`person_id::text`.as('person_id'),
  sql<string>`household_id::text`.as('household_id'),
  'version',
  'since',
] as const;

export async function ruleDetail(
  deps: { db: Kysely<any> },
  input: { tenantId: string; ruleId: string; on: string; origin: string; sampleSize?: number },
): Promise<RuleDetail> {
  if (!findRule(input.ruleId)) throw new AppError('not_found', '規則が見つかりません。');
  const read = await withTenant(deps.db, input.tenantId, async (trx) => {
    const rule = (await activeRules(trx)).find((r) => r.id === input.ruleId)!;
    const settings = await trx
      .selectFrom('elig_rule_settings')
      .select('auto_notify')
      .where('rule_id', '=', rule.id)
      .executeTakeFirst();
    const counts = await trx
      .selectFrom('elig_results')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('status', '=', 'eligible').as('eligible'),
        eb.fn
          .countAll<number>()
          .filterWhere((w) =>
            w.and([w('status', '=', 'eligible'), w('baseline', '=', false), w('notified_at', 'is', null)]),
          )
          .as('waiting'),
      ])
      .where('rule_id', '=', rule.id)
      .executeTakeFirstOrThrow();
    const waiting = await trx
      .selectFrom('elig_results')
      .select(resultColumns)
      .where('rule_id', '=', rule.id)
      .where('status', '=', 'eligible')
      .where('baseline', '=', false)
      .where('notified_at', 'is', null)
      .orderBy('since', 'desc')
      .orderBy('person_id')
      .limit(input.sampleSize ?? 5)
      .execute();
    // With nobody waiting, the notice is shown for someone the rule finds all the same.
    const anyone =
      waiting.length > 0
        ? undefined
        : await trx
            .selectFrom('elig_results')
            .select(resultColumns)
            .where('rule_id', '=', rule.id)
            .where('status', '=', 'eligible')
            .orderBy('person_id')
            .limit(1)
            .executeTakeFirst();
    const outreach = await sql<{
      id: string;
      version: number;
      kind: 'staff' | 'event';
      approved_by: string;
      approved_at: Date;
      people: number;
      by_post: number;
      told: number;
    }>`
      select o.id, o.version, o.kind, o.approved_by, o.approved_at, o.people, o.by_post,
        (select count(distinct n.person_id) from elig_notices n where n.outreach_id = o.id)::int as told
      from elig_outreach o where o.rule_id = ${rule.id}
      order by o.approved_at desc limit 50`.execute(trx);
    const told = await sql<{ told: number; by_post: number }>`
      select (select count(distinct person_id) from elig_notices where rule_id = ${rule.id})::int as told,
        (select coalesce(sum(by_post), 0) from elig_outreach where rule_id = ${rule.id})::int as by_post`.execute(trx);
    const versions: VersionView[] = [];
    for (const v of versionsOf(rule.id)) {
      const previews = trx
        .selectFrom('elig_runs')
        .selectAll()
        .where('kind', '=', 'preview')
        .where(sql<boolean>`rules @> ${JSON.stringify({ [v.id]: v.version })}::jsonb`)
        .orderBy('started_at', 'desc')
        .limit(1);
      const preview = await previews.where('status', '=', 'done').executeTakeFirst();
      const latest = await previews.executeTakeFirst();
      versions.push({
        rule: v,
        state: v.version === rule.version ? 'active' : v.version > rule.version ? 'proposed' : 'previous',
        problems: validateRule(v),
        preview: preview ? { ...toRunRow(preview), difference: preview.difference as PreviewDifference } : undefined,
        attempt: latest && latest.status !== 'done' ? await attemptOf(trx, input.tenantId, latest) : undefined,
      });
    }
    return {
      rule,
      standing: settings?.auto_notify === true,
      counts: {
        eligible: Number(counts.eligible),
        waiting: Number(counts.waiting),
        told: told.rows[0]!.told,
        byPost: told.rows[0]!.by_post,
      },
      waiting,
      anyone,
      outreach: outreach.rows,
      conversion: await conversionOf(trx, rule.id),
      tellPending: (await jobInFlight(trx, tellQueue, { tenantId: input.tenantId, ruleId: rule.id })) !== undefined,
      versions,
    };
  });

  // Why, worked out again today with the version that found each person (no names: ids and wards only).
  const rows = read.anyone ? [read.anyone] : read.waiting;
  const households = await loadHouseholds(
    deps,
    input.tenantId,
    rows.map((r) => r.household_id),
  );
  const decided = rows.flatMap((r) => {
    const household = households.get(r.household_id);
    const rule = findRule(read.rule.id, r.version as number) ?? read.rule;
    const found = household && evaluateRule(rule, toHousehold(household), input.on, r.person_id);
    if (!household || !found) return [];
    return [
      {
        rule,
        person: {
          personId: r.person_id,
          wardCode: household.wardCode,
          since: r.since as string,
          eligible: found.eligible && found.personId === r.person_id,
          reason: found.reason,
          reasonEasy: found.reasonEasy,
        },
      },
    ];
  });
  const first = decided.find((d) => d.person.eligible);
  return {
    rule: read.rule,
    standing: read.standing,
    counts: read.counts,
    sample: read.anyone ? [] : decided.map((d) => d.person),
    notice: first
      ? { personId: first.person.personId, text: noticeFor(first.rule, first.person, input.origin) }
      : undefined,
    tellPending: read.tellPending,
    outreach: read.outreach.map((o) => ({
      id: o.id,
      version: o.version,
      kind: o.kind,
      approvedBy: o.approved_by,
      approvedAt: o.approved_at,
      people: o.people,
      told: o.told,
      byPost: o.by_post,
    })),
    conversion: read.conversion,
    versions: read.versions,
    staffNames: await staffNames(deps, {
      tenantId: input.tenantId,
      accountIds: [
        ...read.outreach.map((o) => o.approved_by as string),
        ...read.versions.flatMap((v) => (v.preview ? [v.preview.triggeredBy] : [])),
      ],
    }),
  };
}

/** How a preview run that has no difference stands (see VersionView.attempt). */
async function attemptOf(
  trx: Kysely<any>,
  tenantId: string,
  run: Record<string, any>,
): Promise<NonNullable<VersionView['attempt']>> {
  const startedAt = run.started_at as Date;
  const at = { startedAt, error: run.error as string | null };
  if (run.status === 'failed') return { status: 'failed', ...at };
  const recent = startedAt.getTime() > Date.now() - previewStaleAfterMinutes * 60_000;
  if (recent || (await jobInFlight(trx, previewQueue, { tenantId, runId: run.id as string }))) {
    return { status: 'running', ...at };
  }
  return { status: 'interrupted', ...at };
}
