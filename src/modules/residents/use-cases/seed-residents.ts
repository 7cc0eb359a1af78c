// Bulk-loads the synthetic resident register for a tenant with COPY (owner connection: COPY is not
// allowed through row-level security). One transaction: it all lands, or nothing does.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyRow } from '../generate/copy-format.ts';
import { generatePopulation } from '../generate/population.ts';

export interface SeedResidentsInput {
  tenantId: string;
  residents: number;
  seed: number;
  /** Replace the tenant's existing residents instead of keeping them. */
  replace?: boolean;
  progress?: (done: number, total: number) => void;
}

export interface SeedResidentsResult {
  inserted: number;
  skipped: boolean;
}

/** From this size on, indexes and the foreign key are rebuilt after the load instead of maintained row by row. */
const bulkThreshold = 50_000;
const rowsPerChunk = 2_000;

function chunks<T>(items: Iterable<T>, toRows: (item: T) => string, onItem?: (item: T) => void): Readable {
  function* generate() {
    let buffer = '';
    let n = 0;
    for (const item of items) {
      buffer += toRows(item);
      onItem?.(item);
      if (++n % rowsPerChunk === 0) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  return Readable.from(generate(), { objectMode: false });
}

async function copy(client: pg.PoolClient, statement: string, source: Readable): Promise<void> {
  await pipeline(source, client.query(copyFrom(statement)));
}

export async function seedResidents(
  deps: { ownerPool: pg.Pool },
  input: SeedResidentsInput,
): Promise<SeedResidentsResult> {
  const client = await deps.ownerPool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('residents.seed'))`);
    const existing = await client.query('select 1 from residents where tenant_id = $1 limit 1', [input.tenantId]);
    if (existing.rowCount && !input.replace) {
      await client.query('commit');
      return { inserted: 0, skipped: true };
    }
    await client.query('delete from residents where tenant_id = $1', [input.tenantId]);
    await client.query('delete from households where tenant_id = $1', [input.tenantId]);

    // Definitions come from the catalogue, so what is rebuilt is exactly what the migrations made.
    const bulk = input.residents >= bulkThreshold;
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def from pg_index
       where indrelid = 'residents'::regclass and not indisprimary`,
    );
    const { rows: fks } = await client.query<{ name: string; def: string }>(
      `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
       where conrelid = 'residents'::regclass and contype = 'f' and confrelid = 'households'::regclass`,
    );
    if (bulk) {
      for (const fk of fks) await client.query(`alter table residents drop constraint "${fk.name}"`);
      for (const index of indexes) await client.query(`drop index ${index.name}`);
    }

    const tenant = input.tenantId;
    const options = { residents: input.residents, seed: input.seed };
    await copy(
      client,
      'copy households (tenant_id, id, ward_code, postal_code, address, income_band) from stdin',
      chunks(generatePopulation(options), ({ household: h }) =>
        copyRow([tenant, h.id, h.wardCode, h.postalCode, h.address, h.incomeBand]),
      ),
    );
    let done = 0;
    const report = Math.max(1, Math.floor(input.residents / 200));
    await copy(
      client,
      `copy residents (tenant_id, id, household_id, relationship, family_name, given_name, family_name_kana,
        given_name_kana, birth_date, sex, nationality, disability_type, disability_grade, ward_code) from stdin`,
      chunks(
        generatePopulation(options),
        ({ members }) => {
          let out = '';
          for (const r of members) {
            out += copyRow([
              tenant,
              r.id,
              r.householdId,
              r.relationship,
              r.familyName,
              r.givenName,
              r.familyNameKana,
              r.givenNameKana,
              r.birthDate,
              r.sex,
              r.nationality,
              r.disabilityType,
              r.disabilityGrade,
              r.wardCode,
            ]);
          }
          return out;
        },
        ({ members }) => {
          const before = done;
          done += members.length;
          if (Math.floor(before / report) !== Math.floor(done / report) || done === input.residents) {
            input.progress?.(done, input.residents);
          }
        },
      ),
    );
    if (bulk) {
      for (const index of indexes) await client.query(index.def);
      for (const fk of fks) await client.query(`alter table residents add constraint "${fk.name}" ${fk.def}`);
    }
    await client.query('commit');
    await client.query('analyze households, residents');
    return { inserted: done, skipped: false };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
