// The rule versions this installation knows: the catalogue (what a city uses unless it chose otherwise) and
// proposed versions, which a city's staff may re-run and compare but which tell nobody until activated. Which
// version a city uses is stored per tenant in elig_rule_settings.
import type { Kysely } from 'kysely';
import { catalogue, type Rule } from './rules/index.ts';
import { sumahoKyoshitsuV2 } from './rules/proposed/sumaho-kyoshitsu-v2.ts';

export const proposed: readonly Rule[] = [sumahoKyoshitsuV2];

const all = [...catalogue, ...proposed];

export function findRule(id: string, version?: number): Rule | undefined {
  const versions = versionsOf(id);
  return version === undefined
    ? versions.find((r) => catalogue.includes(r))
    : versions.find((r) => r.version === version);
}

export function versionsOf(id: string): Rule[] {
  return all.filter((r) => r.id === id).sort((a, b) => a.version - b.version);
}

/** The rule in use for each rule id of the city (in catalogue order), inside `trx` (withTenant). */
export async function activeRules(trx: Kysely<any>): Promise<Rule[]> {
  const settings = await trx.selectFrom('elig_rule_settings').select(['rule_id', 'active_version']).execute();
  const chosen = new Map(settings.map((s) => [s.rule_id as string, s.active_version as number]));
  return catalogue.map((rule) => {
    const version = chosen.get(rule.id);
    return (version !== undefined && findRule(rule.id, version)) || rule;
  });
}
