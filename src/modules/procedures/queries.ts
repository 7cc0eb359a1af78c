// This module's SQL (Kysely). Only the procedures module touches procedures and procedure_catalogues.
import { type Generated, type Kysely, sql, type Transaction } from 'kysely';
import type { Procedure } from './definition.ts';

export interface ProcedureRow {
  tenant_id: string;
  code: string;
  name: string;
  name_kana: string;
  name_en: string;
  department: string;
  filer: string;
  availability: string;
  life_events: string[];
  categories: string[];
  full: boolean;
  definition: Procedure;
  updated_at: Date;
}

export interface ProcedureCatalogueRow {
  tenant_id: string;
  digest: string;
  loaded_at: Generated<Date>;
}

export interface ProceduresTables {
  procedures: ProcedureRow;
  procedure_catalogues: ProcedureCatalogueRow;
}

export type ProceduresDb = Kysely<ProceduresTables> | Transaction<ProceduresTables>;

/**
 * What identifies a version of the catalogue: any insert, update or delete changes the count or the sum of
 * the update times (the maximum alone would miss a transaction that commits after a later one).
 */
export function catalogueVersion(db: ProceduresDb) {
  return db
    .selectFrom('procedures')
    .select([
      sql<string>`count(*)::text || ':' || coalesce(sum(extract(epoch from updated_at)), 0)::text`.as('version'),
    ]);
}

export function selectDefinitions(db: ProceduresDb) {
  return db.selectFrom('procedures').select(['definition']).orderBy('code');
}

export function selectCatalogueDigest(db: ProceduresDb, tenantId: string) {
  return db.selectFrom('procedure_catalogues').select('digest').where('tenant_id', '=', tenantId).executeTakeFirst();
}

/**
 * Writes the whole catalogue in one statement from one JSON parameter: new codes are inserted, changed
 * definitions updated (and only they get a new updated_at), and codes no longer in it deleted.
 */
export async function replaceCatalogue(db: ProceduresDb, tenantId: string, procedures: Procedure[], digest: string) {
  const payload = JSON.stringify(procedures);
  await sql`
    with input as (select value as d from jsonb_array_elements(${payload}::jsonb)),
    upserted as (
      insert into procedures as p (tenant_id, code, name, name_kana, name_en, department, filer, availability,
        life_events, categories, "full", definition, updated_at)
      select ${tenantId}, d->>'code', d->>'name', d->>'nameKana', d->>'nameEn', d->>'department', d->>'filer',
        d->>'availability', array(select jsonb_array_elements_text(d->'lifeEvents')),
        array(select jsonb_array_elements_text(d->'categories')), d ? 'form', d, clock_timestamp()
      from input
      on conflict (tenant_id, code) do update set
        name = excluded.name, name_kana = excluded.name_kana, name_en = excluded.name_en,
        department = excluded.department, filer = excluded.filer, availability = excluded.availability,
        life_events = excluded.life_events, categories = excluded.categories, "full" = excluded."full",
        definition = excluded.definition, updated_at = excluded.updated_at
      where p.definition is distinct from excluded.definition
    )
    delete from procedures where tenant_id = ${tenantId}
      and code not in (select d->>'code' from input)`.execute(db);
  await db
    .insertInto('procedure_catalogues')
    .values({ tenant_id: tenantId, digest })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ digest, loaded_at: sql`now()` }))
    .execute();
}
