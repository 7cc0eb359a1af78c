import { type CatalogueDeps, catalogueIndex } from '../catalogue-cache.ts';
import { type LifeEvent, lifeEvents } from '../definition.ts';

/** Every life event (ライフイベント) in the contract's order, with how many procedures belong to it. */
export async function listLifeEvents(
  deps: CatalogueDeps,
  input: { tenantId: string },
): Promise<{ lifeEvent: LifeEvent; count: number }[]> {
  const index = await catalogueIndex(deps, input.tenantId);
  const counts = new Map<LifeEvent, number>();
  for (const p of index.byCode.values()) for (const e of p.lifeEvents) counts.set(e, (counts.get(e) ?? 0) + 1);
  return lifeEvents.map((lifeEvent) => ({ lifeEvent, count: counts.get(lifeEvent) ?? 0 }));
}
