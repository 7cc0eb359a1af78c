import { type CatalogueDeps, catalogueIndex } from '../catalogue-cache.ts';
import type { Procedure } from '../definition.ts';

/** One procedure by its code, from the per-process catalogue cache; undefined when there is none. */
export async function getProcedure(
  deps: CatalogueDeps,
  input: { tenantId: string; code: string },
): Promise<Procedure | undefined> {
  return (await catalogueIndex(deps, input.tenantId)).byCode.get(input.code);
}
