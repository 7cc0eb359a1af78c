// What the DX office sees first (/staff/eligibility): every rule the city uses with how many people it finds
// now, how many newly found wait for an approval to be told, how many were told and how many of those then
// applied; whether a standing approval tells the newly eligible at once; and the runs over the register.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { applicantsAmong } from '../../applications/index.ts';
import { staffNames } from '../../identity/index.ts';
import { procedureOf } from '../outreach/notice.ts';
import { activeRules, versionsOf } from '../registry.ts';
import { populationRunBusy } from './request-population-run.ts';

export interface Conversion {
  /** The procedure whose applications count; undefined when no procedure is linked to the rule. */
  procedureCode: string | undefined;
  /** Accounts told (a notice about a child reaches each parent's account). */
  accounts: number;
  /** Of those, the accounts that applied for the procedure after they were told. */
  applied: number;
}

export interface RuleSummary {
  id: string;
  title: string;
  activeVersion: number;
  /** Versions newer than the active one, proposed and not yet used. */
  newerVersions: number[];
  eligible: number;
  /** 新たに対象: eligible, not in the first run's baseline, not yet told. */
  waiting: number;
  /** People told through an account (a letter is counted apart). */
  told: number;
  conversion: Conversion;
  /** Standing approval: people a life event makes eligible are told at once. */
  standing: boolean;
}

export interface RunRow {
  id: string;
  kind: 'population' | 'event' | 'preview';
  status: 'running' | 'done' | 'failed';
  evaluatedOn: string;
  /** rule id → version the run used. */
  rules: Record<string, number>;
  households: number;
  residents: number;
  eligible: number;
  newlyEligible: number;
  noLongerEligible: number;
  triggeredBy: string;
  startedAt: Date;
  seconds: number | undefined;
  error: string | null;
}

export interface RuleOverview {
  rules: RuleSummary[];
  lastPopulationRun: RunRow | undefined;
  recentRuns: RunRow[];
  /** Why 「全員の判定を実行」 would be refused now (a run is waiting or running). */
  busy: string | undefined;
  /** Display names of the staff who started the runs shown. */
  staffNames: ReadonlyMap<string, string>;
}

const runColumns = [
  'id',
  'kind',
  'status',
  'evaluated_on',
  'rules',
  'households',
  'residents',
  'eligible',
  'newly_eligible',
  'no_longer_eligible',
  'triggered_by',
  'started_at',
  'finished_at',
  'error',
] as const;

export function toRunRow(r: Record<string, any>): RunRow {
  const started = r.started_at as Date;
  const finished = r.finished_at as Date | null;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    evaluatedOn: r.evaluated_on,
    rules: r.rules,
    households: r.households,
    residents: r.residents,
    eligible: r.eligible,
    newlyEligible: r.newly_eligible,
    noLongerEligible: r.no_longer_eligible,
    triggeredBy: r.triggered_by,
    startedAt: started,
    seconds: finished ? (finished.getTime() - started.getTime()) / 1000 : undefined,
    error: r.error,
  };
}

export async function readRuns(trx: Kysely<any>, where: { kind?: RunRow['kind']; limit: number }): Promise<RunRow[]> {
  let q = trx.selectFrom('elig_runs').select(runColumns).orderBy('started_at', 'desc').limit(where.limit);
  if (where.kind) q = q.where('kind', '=', where.kind);
  return (await q.execute()).map(toRunRow);
}

/** Of the accounts told about `ruleId`, those that applied for its procedure after the first notice. */
export async function conversionOf(trx: Kysely<any>, ruleId: string): Promise<Conversion> {
  const procedureCode = procedureOf[ruleId];
  const told = await trx
    .selectFrom('elig_notices')
    .select(['account_id'])
    .select((eb) => eb.fn.min('sent_at').as('since'))
    .where('rule_id', '=', ruleId)
    .groupBy('account_id')
    .execute();
  if (!procedureCode || told.length === 0) return { procedureCode, accounts: told.length, applied: 0 };
  const applied = await applicantsAmong(trx, {
    procedureCode,
    accounts: told.map((t) => ({ accountId: t.account_id as string, since: t.since as Date })),
  });
  return { procedureCode, accounts: told.length, applied: applied.size };
}

export async function ruleOverview(deps: { db: Kysely<any> }, input: { tenantId: string }): Promise<RuleOverview> {
  const overview = await withTenant(deps.db, input.tenantId, async (trx) => {
    const rules = await activeRules(trx);
    const settings = await trx.selectFrom('elig_rule_settings').select(['rule_id', 'auto_notify']).execute();
    const standing = new Set(settings.filter((s) => s.auto_notify).map((s) => s.rule_id as string));
    const counts = await trx
      .selectFrom('elig_results')
      .select('rule_id')
      .select((eb) => [
        eb.fn.countAll<string>().filterWhere('status', '=', 'eligible').as('eligible'),
        eb.fn
          .countAll<string>()
          .filterWhere((w) =>
            w.and([w('status', '=', 'eligible'), w('baseline', '=', false), w('notified_at', 'is', null)]),
          )
          .as('waiting'),
      ])
      .groupBy('rule_id')
      .execute();
    const countOf = new Map(counts.map((c) => [c.rule_id as string, c]));
    const told = await trx
      .selectFrom('elig_notices')
      .select('rule_id')
      .select((eb) => eb.fn.count<string>('person_id').distinct().as('people'))
      .groupBy('rule_id')
      .execute();
    const toldOf = new Map(told.map((t) => [t.rule_id as string, Number(t.people)]));
    const summaries: RuleSummary[] = [];
    for (const rule of rules) {
      const c = countOf.get(rule.id);
      summaries.push({
        id: rule.id,
        title: rule.title,
        activeVersion: rule.version,
        newerVersions: versionsOf(rule.id)
          .filter((v) => v.version > rule.version)
          .map((v) => v.version),
        eligible: Number(c?.eligible ?? 0),
        waiting: Number(c?.waiting ?? 0),
        told: toldOf.get(rule.id) ?? 0,
        conversion: toldOf.has(rule.id)
          ? await conversionOf(trx, rule.id)
          : { procedureCode: procedureOf[rule.id], accounts: 0, applied: 0 },
        standing: standing.has(rule.id),
      });
    }
    const [lastPopulationRun] = await readRuns(trx, { kind: 'population', limit: 1 });
    return {
      rules: summaries,
      lastPopulationRun,
      recentRuns: await readRuns(trx, { limit: 15 }),
      busy: await populationRunBusy(trx, input.tenantId),
    };
  });
  const accountIds = [...overview.recentRuns, ...(overview.lastPopulationRun ? [overview.lastPopulationRun] : [])].map(
    (r) => r.triggeredBy,
  );
  return { ...overview, staffNames: await staffNames(deps, { tenantId: input.tenantId, accountIds }) };
}
