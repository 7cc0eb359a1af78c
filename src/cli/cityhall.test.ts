// The command line as an operator meets it: a real process, real exit codes, Japanese messages.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { addTenants } from '../../test/helpers/tenants.ts';

const cli = fileURLToPath(new URL('./cityhall.ts', import.meta.url));
let database: TestDatabase;

function cityhall(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: database.ownerUrl, LOG_LEVEL: 'warn', ...env },
    timeout: 60_000,
  });
}

before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('help lists the commands', () => {
  const r = cityhall(['help']);
  assert.equal(r.status, 0);
  for (const command of ['serve', 'migrate', 'seed']) assert.match(r.stdout, new RegExp(`^  ${command}`, 'm'));
});

test('an unknown command exits 2 and says so', () => {
  const r = cityhall(['fly']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /不明なコマンドです: fly/);
});

test('migrate on a current database applies nothing and says it is current', () => {
  const r = cityhall(['migrate']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /最新です/);
});

test('an invalid environment variable stops start-up with a message naming it', () => {
  const r = cityhall(['serve'], { PORT: 'eighty' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /環境変数 PORT の値「eighty」が不正です/);
});

test('seed refuses a nonsense resident count', () => {
  const r = cityhall(['seed', '--residents=-5']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--residents は 0〜20000000 の整数/);
});

test('an unknown option exits 2 with the usage', () => {
  const r = cityhall(['seed', '--citizens', '5']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /オプションが正しくありません/);
  assert.match(r.stderr, /使い方: cityhall/);
});

test('seed builds the synthetic register with the organisation, and says how many', () => {
  const r = cityhall(['seed', '--residents', '2500', '--seed', '4']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /2,500 人分を [\d.]+ 秒で作成しました/);
  const again = cityhall(['seed', '--residents', '2500']);
  assert.equal(again.status, 0, again.stderr);
});

test('the seeded data is really there, for the kawasaki tenant only', async () => {
  const { rows } = await database.ownerPool.query(
    `select (select count(*)::int from residents where tenant_id = 'kawasaki') as residents,
            (select count(*)::int from wards where tenant_id = 'kawasaki') as wards`,
  );
  assert.deepEqual(rows[0], { residents: 2500, wards: 7 });
});

test('serve refuses a database whose applied migration was edited, says which, and exits', async () => {
  await database.ownerPool.query(
    `update schema_migrations set checksum = 'edited' where id = 'organisation/0001_create-organisation.sql'`,
  );
  try {
    const r = cityhall(['serve'], { PORT: '0', HOST: '127.0.0.1' });
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      /適用済みのマイグレーション organisation\/0001_create-organisation\.sql が書き換えられています/,
    );
  } finally {
    const { loadMigrations } = await import('../platform/db/migrate.ts');
    const { migrationSources } = await import('../platform/runtime.ts');
    const { modules } = await import('../modules/index.ts');
    const file = (await loadMigrations(migrationSources(modules))).find((f) => f.id.startsWith('organisation/'))!;
    await database.ownerPool.query('update schema_migrations set checksum = $1 where id = $2', [
      file.checksum,
      file.id,
    ]);
  }
});

test('npm start path: serve --demo on the embedded PostgreSQL answers, and Ctrl-C leaves no process behind', async () => {
  const { spawn } = await import('node:child_process');
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { freePort } = await import('../../test/helpers/net.ts');
  const dir = await mkdtemp(path.join(tmpdir(), 'cityhall-serve-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CITYHALL_DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [cli, 'serve', '--demo', '--residents', '300'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (let i = 0; i < 600 && !out.includes('READY '); i++) await new Promise((r) => setTimeout(r, 100));
  assert.match(out, /デジタル市役所が起動しました/);
  assert.match(out, new RegExp(`住民ポータル +http://localhost:${port}/`));
  const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'accept-language': 'ja' } });
  assert.equal(home.status, 200);
  assert.match(await home.text(), /川崎市へようこそ/);
  child.kill('SIGINT');
  assert.equal(await exited, 0);
  const left = spawnSync('pgrep', ['-f', dir], { encoding: 'utf8' }).stdout.trim();
  assert.equal(left, '', 'no postgres (or other) process still runs on the data folder');
});

test('audit verify names the first altered entry and exits 1; --head finds a cut-off end', async () => {
  const { randomBytes } = await import('node:crypto');
  const { sql } = await import('kysely');
  const { loadSecrets } = await import('../platform/config/secrets.ts');
  const { withTenant } = await import('../platform/db/tenant.ts');
  const { appendAudit } = await import('../platform/audit/audit.ts');
  const { sealAuditLog } = await import('../platform/audit/seal.ts');
  const env = {
    CITYHALL_SECRET: randomBytes(32).toString('base64'),
    CITYHALL_MASTER_KEY: `k1:${randomBytes(32).toString('base64')}`,
  };
  const key = (await loadSecrets(env, '/nonexistent')).derive('audit-chain');
  await addTenants(database.ownerDb, 'kawasaki');
  for (let i = 0; i < 5; i++) {
    await withTenant(database.db, 'kawasaki', (trx) =>
      appendAudit(trx, {
        tenantId: 'kawasaki',
        actor: 'a',
        actorKind: 'staff',
        action: 'resident.read',
        resourceType: 'resident',
        dataClass: 'personal',
        decision: 'allow',
      }),
    );
  }
  let head = '';
  await sealAuditLog(database.ownerDb, key, (h) => {
    head = `${h.tenantId}:${h.seq}:${h.hash}`;
  });
  const clean = cityhall(['audit', 'verify', '--head', head], env);
  assert.equal(clean.status, 0, clean.stderr);
  // The five above, and whatever the demo seed of an earlier test recorded (a published demo result).
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from audit_log where tenant_id = 'kawasaki'`.execute(database.ownerDb);
  assert.match(clean.stdout, new RegExp(`検証した件数: ${rows[0]!.n} 件`));
  assert.ok(rows[0]!.n >= 5);
  assert.match(clean.stdout, /改ざんは見つかりませんでした/);

  await sql`update audit_log set actor = 'b' where chain_seq = 3`.execute(database.ownerDb);
  const altered = cityhall(['audit', 'verify'], env);
  assert.equal(altered.status, 1);
  assert.match(altered.stdout, /最初に改ざんされた記録: 自治体 kawasaki の連番 3.*内容の変更/);

  await sql`delete from audit_log where chain_seq >= 3`.execute(database.ownerDb);
  assert.equal(cityhall(['audit', 'verify'], env).status, 0, 'without a head, a cut end looks whole');
  const cut = cityhall(['audit', 'verify', '--head', head], env);
  assert.equal(cut.status, 1);
  assert.match(cut.stdout, /連番 3.*記録済みの先頭より後ろの削除/);
  assert.equal(cityhall(['audit', 'verify', '--head', 'nonsense'], env).status, 1);
});
