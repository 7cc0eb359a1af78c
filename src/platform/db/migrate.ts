// Plain-SQL migrations per module, applied in order and recorded with a checksum.
// An applied file that was edited afterwards is refused: fix forward with a new file instead.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';

export interface MigrationSource {
  module: string;
  dir: URL;
}

export interface MigrationFile {
  /** `<module>/<file>`, the key recorded in schema_migrations. */
  id: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const fileName = /^\d{4}_[a-z0-9-]+\.sql$/;
const lockKey = 7_262_001;

export const platformMigrations: MigrationSource = {
  module: 'platform',
  dir: new URL('./migrations/', import.meta.url),
};

export async function loadMigrations(sources: MigrationSource[]): Promise<MigrationFile[]> {
  const files: MigrationFile[] = [];
  for (const source of sources) {
    const names = (await readdir(source.dir)).filter((n) => n.endsWith('.sql')).sort();
    for (const name of names) {
      if (!fileName.test(name)) {
        throw new MigrationError(
          `マイグレーションのファイル名「${source.module}/${name}」は NNNN_name.sql の形にしてください。`,
        );
      }
      const sql = await readFile(new URL(name, source.dir), 'utf8');
      files.push({
        id: `${source.module}/${name}`,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      });
    }
  }
  return files;
}

async function appliedChecksums(client: pg.Pool | pg.PoolClient): Promise<Map<string, string> | undefined> {
  const table = await client.query(`select to_regclass('public.schema_migrations') as t`);
  if (!table.rows[0].t) return undefined;
  const { rows } = await client.query<{ id: string; checksum: string }>('select id, checksum from schema_migrations');
  return new Map(rows.map((r) => [r.id, r.checksum]));
}

function verify(files: MigrationFile[], applied: Map<string, string>): void {
  for (const file of files) {
    const checksum = applied.get(file.id);
    if (checksum !== undefined && checksum !== file.checksum) {
      throw new MigrationError(
        `適用済みのマイグレーション ${file.id} が書き換えられています（記録と内容が一致しません）。` +
          '適用済みのファイルは変更せず、新しいマイグレーションを追加してください。',
      );
    }
  }
}

/** Ids of files not yet applied; throws when an applied file was edited. Usable with the app role. */
export async function pendingMigrations(pool: pg.Pool, files: MigrationFile[]): Promise<string[]> {
  const applied = (await appliedChecksums(pool)) ?? new Map<string, string>();
  verify(files, applied);
  return files.filter((f) => !applied.has(f.id)).map((f) => f.id);
}

export async function migrate(
  owner: pg.Pool,
  files: MigrationFile[],
  onApplied?: (id: string, index: number, total: number) => void,
): Promise<string[]> {
  const client = await owner.connect();
  try {
    // One migrator at a time, even with many servers starting together.
    await client.query('select pg_advisory_lock($1)', [lockKey]);
    await client.query(`create table if not exists schema_migrations (
      id text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const applied = (await appliedChecksums(client)) ?? new Map<string, string>();
    verify(files, applied);
    const pending = files.filter((f) => !applied.has(f.id));
    for (const [index, file] of pending.entries()) {
      try {
        await client.query('begin');
        await client.query(file.sql);
        await client.query('insert into schema_migrations (id, checksum) values ($1, $2)', [file.id, file.checksum]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new MigrationError(`マイグレーション ${file.id} を適用できませんでした: ${(error as Error).message}`, {
          cause: error,
        });
      }
      onApplied?.(file.id, index + 1, pending.length);
    }
    return pending.map((f) => f.id);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [lockKey]).catch(() => undefined);
    client.release();
  }
}
