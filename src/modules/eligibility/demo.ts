// The demo tenant's push-type services, so the staff pages have something to show at once: the city's
// baseline run two months ago (everyone eligible then is already known), today's run (people who crossed an
// age since are newly eligible, waiting for staff to approve telling them), and standing approvals for the
// rules a birth or a move-in should answer at once. Idempotent: skips a tenant that has runs.
import { publicOrigin } from '../../platform/config/config.ts';
import { withTenant } from '../../platform/db/tenant.ts';
import { japanToday } from '../../platform/ja/today.ts';
import type { PlatformDeps, SeedOptions } from '../../platform/module.ts';
import { findRule } from './registry.ts';
import { addDays, parseDay } from './rules/index.ts';
import { runPopulation } from './use-cases/run-population.ts';
import { tellWaiting } from './use-cases/tell-waiting.ts';

/** Rules a life event answers at once in the demo (a birth, a pregnancy, a move-in with children). */
export const demoStandingApprovals = [
  'jido-teate',
  'yobo-bcg',
  'ninpu-kenshin',
  'shussan-kosodate-oen',
  'tennyu-kosodate',
];

export async function seedEligibilityDemo(deps: PlatformDeps, options: SeedOptions): Promise<void> {
  const { tenantId } = options;
  const ran = await withTenant(deps.db, tenantId, (trx) =>
    trx.selectFrom('elig_runs').select('id').limit(1).executeTakeFirst(),
  );
  if (ran) return;
  const today = japanToday();
  await withTenant(deps.db, tenantId, (trx) =>
    trx
      .insertInto('elig_rule_settings')
      .values(
        demoStandingApprovals.map((id) => ({
          tenant_id: tenantId,
          rule_id: id,
          active_version: findRule(id)!.version,
          auto_notify: true,
          activated_by: 'demo-seed',
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute(),
  );
  await runPopulation(deps, { tenantId, on: addDays(parseDay(today), -60).iso, triggeredBy: 'demo-seed' });
  await runPopulation(deps, { tenantId, on: today, triggeredBy: 'demo-seed' });
  await tellWaiting(deps, {
    tenantId,
    on: today,
    origin: publicOrigin(deps.config),
    approvedBy: 'system',
    kind: 'event',
  });
}
