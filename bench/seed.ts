// `cityhall seed --residents 1550000`: the whole synthetic city, timed with its peak memory, next to the
// machine's own limit in the same run: a raw COPY of the same number of ready-made resident rows.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { modules } from '../src/modules/index.ts';
import { seedResidents } from '../src/modules/residents/index.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { loadMigrations } from '../src/platform/db/migrate.ts';
import { createDatabase } from '../src/platform/db/pool.ts';
import { migrationSources, prepareDatabase } from '../src/platform/runtime.ts';
import { ensureTenant, kawasaki } from '../src/platform/tenancy/tenants.ts';
import { benchServer, scratchDatabase } from './lib/database.ts';

const residents = Number(process.env.BENCH_RESIDENTS ?? 1_550_000);

async function rawCopy(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create table raw_copy (tenant_id text, id bigint, household_id bigint, relationship text,
    family_name text, given_name text, family_name_kana text, given_name_kana text, birth_date date, sex char(1),
    nationality char(2), disability_type text, disability_grade text, ward_code char(6))`);
  const row = (i: number) =>
    `kawasaki\t${i}\t${i}\t世帯主\t佐藤\t花子\tサトウ\tハナコ\t1980-04-01\t2\tJP\t\\N\t\\N\t141330\n`;
  function* rows() {
    for (let i = 0; i < residents; i += 2000) {
      let chunk = '';
      for (let j = i; j < Math.min(i + 2000, residents); j++) chunk += row(j);
      yield chunk;
    }
  }
  const started = performance.now();
  await pipeline(Readable.from(rows()), client.query(copyFrom('copy raw_copy from stdin')));
  const seconds = (performance.now() - started) / 1000;
  await client.query('drop table raw_copy');
  await client.end();
  return seconds;
}

export async function run() {
  const server = await benchServer();
  const scratch = await scratchDatabase(server.url, 'bench_seed');
  const owner = createDatabase(scratch.url, { max: 2 });
  try {
    await prepareDatabase(
      owner,
      loadConfig({ DATABASE_URL: scratch.url }),
      await loadMigrations(migrationSources(modules)),
    );
    await ensureTenant(owner.db, kawasaki);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 100);
    const started = performance.now();
    const result = await seedResidents({ ownerPool: owner.pool }, { tenantId: 'kawasaki', residents, seed: 1 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const rawSeconds = await rawCopy(scratch.url);
    return {
      residents: result.inserted,
      seconds: Number(seconds.toFixed(1)),
      peak_rss_mb: Math.round(peak / 1024 / 1024),
      rows_per_s: Math.round(result.inserted / seconds),
      raw_copy_seconds: Number(rawSeconds.toFixed(1)),
      raw_copy_rows_per_s: Math.round(residents / rawSeconds),
    };
  } finally {
    await owner.pool.end();
    await scratch.drop();
    await server.stop();
  }
}
