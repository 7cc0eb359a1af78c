import { type CatalogueDeps, catalogueIndex } from '../catalogue-cache.ts';
import type { Availability, Fee, Filer, LifeEvent, Localized, Procedure } from '../definition.ts';
import type { SearchFilters } from '../search/search-index.ts';

/** What a result list shows of a procedure. */
export interface ProcedureSummary {
  code: string;
  name: string;
  nameKana: string;
  nameEn: string;
  description: Localized;
  department: string;
  availability: Availability;
  filer: Filer;
  lifeEvents: LifeEvent[];
  fee: Fee;
  /** Written in full: it can be applied for here (/apply/<code>). */
  full: boolean;
}

export interface SearchProceduresInput extends SearchFilters {
  tenantId: string;
  /** Free text in Japanese (kanji, かな, カナ, full- or half-width) or English; empty lists everything. */
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export function toSummary(p: Procedure): ProcedureSummary {
  return {
    code: p.code,
    name: p.name,
    nameKana: p.nameKana,
    nameEn: p.nameEn,
    description: p.description,
    department: p.department,
    availability: p.availability,
    filer: p.filer,
    lifeEvents: p.lifeEvents,
    fee: p.fee,
    full: p.form !== undefined,
  };
}

/** Searches the tenant's catalogue: best matches first (exact name or reading, then full procedures). */
export async function searchProcedures(
  deps: CatalogueDeps,
  input: SearchProceduresInput,
): Promise<{ total: number; items: ProcedureSummary[] }> {
  const index = await catalogueIndex(deps, input.tenantId);
  const hits = index.search(input.q ?? '', input);
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 20;
  return { total: hits.length, items: hits.slice(offset, offset + limit).map((h) => toSummary(h.procedure)) };
}
