// `npm run bench -- issue-pdf`: documents issued per second through the use case (fill the template,
// lay out the A4 PDF with subset Noto Sans JP and a QR code, sign it as PAdES with the city's RSA 2048
// key, store it with its audit row and event), with the fonts and the key already loaded. Sequential and
// with 4 issues in flight (one Node process: rendering and signing share one core).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { issuanceDeps } from '../src/modules/issuance/deps.ts';
import { issueInput } from '../src/modules/issuance/test-support.ts';
import { issueDocument } from '../src/modules/issuance/use-cases/issue-document.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { startCityHall } from '../src/platform/runtime.ts';
import { benchServer, scratchDatabase } from './lib/database.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 6);

async function rate(inFlight: number, next: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (Date.now() < end) {
        await next();
        done++;
      }
    }),
  );
  return Number((done / seconds).toFixed(1));
}

export async function run() {
  const server = await benchServer();
  const scratch = await scratchDatabase(server.url, 'bench_issue_pdf');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-issue-'));
  const config = loadConfig({
    DATABASE_URL: scratch.url,
    CITYHALL_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  const city = await startCityHall({
    config,
    log: pino({ level: 'silent' }),
    demo: true,
    demoResidents: 0,
    listen: false,
  });
  await city.ready;
  const deps = issuanceDeps(city.deps);
  let n = 0;
  const issueOne = () => issueDocument(deps, issueInput(`bench-${String(++n).padStart(8, '0')}`));
  const started = performance.now();
  await issueOne(); // loads the fonts and creates the city key
  const firstMs = Math.round(performance.now() - started);
  for (let i = 0; i < 20; i++) await issueOne(); // warm up the JIT
  const sequential = await rate(1, issueOne);
  const concurrent = await rate(4, issueOne);
  const { rows } = await city.deps.ownerPool.query(
    'select avg(octet_length(pdf))::int as bytes, count(*)::int as documents from documents',
  );
  await city.stop();
  await scratch.drop();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
  return {
    per_s: Math.max(sequential, concurrent),
    sequential_per_s: sequential,
    in_flight_4_per_s: concurrent,
    first_issue_ms: firstMs,
    average_pdf_bytes: rows[0].bytes,
    documents: rows[0].documents,
    seconds,
  };
}
