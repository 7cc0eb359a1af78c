// `npm run bench -- signin`: password sign-ins per second through the whole HTTP path (POST
// /api/auth/sign-in: rate limits, argon2id, session, audit) at 8 concurrent clients, next to bare argon2id
// verifications per second on the same machine in the same run: the hash is the sign-in's real limit.
import { hash, verify } from '@node-rs/argon2';
import pino from 'pino';
import { loadConfig } from '../src/platform/config/config.ts';
import { startCityHall } from '../src/platform/runtime.ts';
import { benchServer, scratchDatabase } from './lib/database.ts';

const clients = 8;
const seconds = Number(process.env.BENCH_SECONDS ?? 6);

async function during(fn: () => Promise<void>): Promise<number> {
  let done = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        await fn();
        done++;
      }
    }),
  );
  return Number((done / seconds).toFixed(1));
}

export async function run() {
  const server = await benchServer();
  const scratch = await scratchDatabase(server.url, 'bench_signin');
  const config = loadConfig({
    DATABASE_URL: scratch.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_SIGN_IN_PER_IP: '10000000',
  });
  const city = await startCityHall({ config, log: pino({ level: 'silent' }), demo: true, demoResidents: 0 });
  await city.ready;
  // Many accounts, so the per-account limit (10 in 10 minutes) is not what is measured.
  const { sql } = await import('kysely');
  const stored = await hash('bench-password-lantern-9', { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await sql`insert into accounts (tenant_id, kind, email, email_verified_at, display_name, password_hash)
    select 'kawasaki', 'resident', 'bench' || g || '@example.jp', now(), 'ベンチ ' || g, ${stored}
    from generate_series(1, 5000) g`.execute(city.deps.ownerDb);
  let next = 0;
  const signIns = await during(async () => {
    const n = (next++ % 5000) + 1;
    const response = await fetch(`${city.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `bench${n}@example.jp`, password: 'bench-password-lantern-9' }),
    });
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  });
  const hashes = await during(async () => {
    await verify(stored, 'bench-password-lantern-9');
  });
  await city.stop();
  await scratch.drop();
  await server.stop();
  return {
    per_s: signIns,
    argon2id_verifications_per_s: hashes,
    share_of_argon2id: Number((signIns / hashes).toFixed(3)),
    clients,
    argon2id: 'm=19456 KiB, t=2, p=1',
  };
}
