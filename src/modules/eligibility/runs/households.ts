// The register's households as the rules read them (the residents module gives ids, dates and codes only).
import type { Kysely } from 'kysely';
import { type EligibilityHousehold, readEligibilityHouseholds, streamHouseholds } from '../../residents/index.ts';
import type { Household } from '../rules/index.ts';

/**
 * The same shape by design (ids as strings, dates as YYYY-MM-DD, the register's codes); only the literal types
 * differ, so no copy is made of 1.55 million members.
 */
export function toHousehold(h: EligibilityHousehold): Household {
  return h as unknown as Household;
}

/** Households by id, as a run reads them: one read for all of them (an approval may concern thousands). */
export async function loadHouseholds(
  deps: { db: Kysely<any> },
  tenantId: string,
  householdIds: Iterable<string>,
): Promise<Map<string, EligibilityHousehold>> {
  const found = await readEligibilityHouseholds(deps, { tenantId, householdIds: [...householdIds] });
  return new Map(found.map((h) => [h.id, h]));
}

/**
 * Every household of the register, a page at a time, as a whole-register run reads them: the next page is
 * already being fetched while the caller works on this one.
 */
export async function* registerPages(
  deps: { db: Kysely<any> },
  input: { tenantId: string; pageSize?: number | undefined },
): AsyncGenerator<EligibilityHousehold[]> {
  const pages = streamHouseholds(deps, { tenantId: input.tenantId, pageSize: input.pageSize ?? 10_000 });
  let next = pages.next();
  for (;;) {
    const page = await next;
    if (page.done) return;
    next = pages.next();
    yield page.value;
  }
}
