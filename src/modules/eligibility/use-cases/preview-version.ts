// 「差分を確認する」, the work itself (the job requestPreview queues): a version of a rule (a proposed one,
// usually) decided for every household of the register, in memory, and compared with the people the rule finds
// now (elig_results): how many it would add and drop, with a few people each way and the version's own reason
// for them. Nothing is stored per person and nobody is told; the comparison fills in the run requestPreview
// started ('done', which activating the version requires, or 'failed' with the reason).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { activeRules, findRule } from '../registry.ts';
import { evaluateHousehold, evaluateRule, parseDay } from '../rules/index.ts';
import { registerPages, toHousehold } from '../runs/households.ts';
import { failRun } from './run-population.ts';

export interface PreviewExample {
  personId: string;
  wardCode: string;
  /** The previewed version's reason for this person. */
  reason: string;
}

/** What elig_runs.difference holds for a preview. */
export interface PreviewDifference {
  ruleId: string;
  version: number;
  /** The version in use when the preview ran. */
  comparedWith: number;
  /** People the rule finds now (elig_results). */
  current: number;
  /** People the previewed version finds. */
  eligible: number;
  gained: number;
  lost: number;
  unchanged: number;
  examples: { gained: PreviewExample[]; lost: PreviewExample[] };
}

const examplesEachWay = 5;
const notDecided = '住民記録で見つからないか、この版では判定の対象になりません。';

/**
 * Fills in the preview run `runId` (still 'running'); a run already done or failed (a job retried after its
 * worker stopped) is left as it is and undefined returned.
 */
export async function previewVersion(
  deps: { db: Kysely<any> },
  input: { tenantId: string; runId: string; pageSize?: number },
): Promise<{ runId: string; difference: PreviewDifference; seconds: number } | undefined> {
  const started = performance.now();
  const { runId } = input;
  const run = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('elig_runs')
      .select(['status', 'evaluated_on', 'rules'])
      .where('id', '=', runId)
      .where('kind', '=', 'preview')
      .executeTakeFirst(),
  );
  if (run?.status !== 'running') return undefined;
  try {
    const [ruleId, version] = Object.entries(run.rules as Record<string, number>)[0] ?? [];
    const rule = ruleId === undefined ? undefined : findRule(ruleId, version);
    if (!rule) throw new Error(`規則 ${ruleId} の第${version}版が見つかりません。`);
    const day = parseDay(run.evaluated_on as string);
    // The people the rule finds now, and the version it uses, as the comparison starts.
    const { current, comparedWith } = await withTenant(deps.db, input.tenantId, async (trx) => {
      const active = (await activeRules(trx)).find((r) => r.id === rule.id)!;
      const rows = await trx
        .selectFrom('elig_results')
        .select(sql<string>`person_id::text`.as('id'))
        .where('rule_id', '=', rule.id)
        .where('status', '=', 'eligible')
        .execute();
      return { current: new Set(rows.map((r) => r.id)), comparedWith: active.version };
    });

    const difference: PreviewDifference = {
      ruleId: rule.id,
      version: rule.version,
      comparedWith,
      current: current.size,
      eligible: 0,
      gained: 0,
      lost: 0,
      unchanged: 0,
      examples: { gained: [], lost: [] },
    };
    // People found now and not yet met in the register; whoever is left at the end was not decided at all.
    const unmet = new Set(current);
    let households = 0;
    let residents = 0;
    for await (const page of registerPages(deps, { tenantId: input.tenantId, pageSize: input.pageSize })) {
      for (const h of page) {
        households++;
        residents += h.members.length;
        const household = toHousehold(h);
        for (const e of evaluateHousehold(household, day, [rule], { eligibleOnly: true })) {
          difference.eligible++;
          if (unmet.delete(e.personId)) difference.unchanged++;
          else {
            difference.gained++;
            if (difference.examples.gained.length < examplesEachWay) {
              difference.examples.gained.push({ personId: e.personId, wardCode: h.wardCode, reason: e.reason });
            }
          }
        }
        // Found now, met here and not found by this version: the version's own reason, for a few of them.
        for (const m of h.members) {
          if (!unmet.delete(m.id)) continue;
          difference.lost++;
          if (difference.examples.lost.length < examplesEachWay) {
            const why = evaluateRule(rule, household, day, m.id);
            difference.examples.lost.push({
              personId: m.id,
              wardCode: h.wardCode,
              reason: why && why.personId === m.id ? why.reason : notDecided,
            });
          }
        }
      }
    }
    // Eligible now but not decided by this version (moved out since the last run, or no longer the recipient).
    for (const personId of unmet) {
      difference.lost++;
      if (difference.examples.lost.length < examplesEachWay) {
        difference.examples.lost.push({ personId, wardCode: '', reason: notDecided });
      }
    }
    await withTenant(deps.db, input.tenantId, (trx) =>
      trx
        .updateTable('elig_runs')
        .set({
          status: 'done',
          finished_at: new Date(),
          households,
          residents,
          eligible: difference.eligible,
          newly_eligible: difference.gained,
          no_longer_eligible: difference.lost,
          difference: JSON.stringify(difference),
        })
        .where('id', '=', runId)
        .where('status', '=', 'running')
        .execute(),
    );
    return { runId, difference, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await failRun(deps.db, input.tenantId, runId, error);
    throw error;
  }
}
