// Procedure search as residents use it: the relevance queries and a few hundred varied ones (names cut
// short, readings in hiragana, English, with filters) over the seeded demo catalogue (~3,100 entries),
// through the use case on the real database. Every round starts after the cache's revalidation time, so
// its first query pays the version check, as a real process does every few seconds.
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { demoCatalogue } from '../src/modules/procedures/catalogue/index.ts';
import { revalidateAfterMs } from '../src/modules/procedures/catalogue-cache.ts';
import { lifeEvents } from '../src/modules/procedures/definition.ts';
import { type SearchProceduresInput, searchProcedures } from '../src/modules/procedures/index.ts';
import { relevanceQueries } from '../src/modules/procedures/search/relevance-queries.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { startCityHall } from '../src/platform/runtime.ts';
import { benchServer, scratchDatabase } from './lib/database.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** Deterministic varied queries taken from the catalogue itself. */
function variedQueries(): Omit<SearchProceduresInput, 'tenantId'>[] {
  const { procedures } = demoCatalogue();
  const out: Omit<SearchProceduresInput, 'tenantId'>[] = [];
  for (let i = 0; i < procedures.length && out.length < 400; i += 7) {
    const p = procedures[i]!;
    switch (out.length % 5) {
      case 0:
        out.push({ q: p.name.slice(0, 4) });
        break;
      case 1:
        out.push({ q: toHiragana(p.nameKana.slice(0, 8)) });
        break;
      case 2:
        out.push({ q: p.nameEn.split(' ').slice(-2).join(' ') });
        break;
      case 3:
        out.push({ q: `${p.name.slice(0, 3)} ${p.name.slice(-4)}`, online: true });
        break;
      default:
        out.push({ lifeEvent: lifeEvents[out.length % lifeEvents.length], offset: 20 });
    }
  }
  return out;
}

export async function run() {
  const server = await benchServer();
  const scratch = await scratchDatabase(server.url, 'bench_search_procedures');
  const config = loadConfig({ DATABASE_URL: scratch.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const city = await startCityHall({
    config,
    log: pino({ level: 'silent' }),
    demo: true,
    demoResidents: 100,
    listen: false,
  });
  await city.ready;
  const deps = city.deps;
  const tenantId = 'kawasaki';
  try {
    const queries = [...relevanceQueries.map(({ q }) => ({ q })), ...variedQueries()];
    await searchProcedures(deps, { tenantId, q: '住民票' }); // loads and indexes the catalogue once
    const latencies: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await sleep(revalidateAfterMs + 50);
      for (const query of queries) {
        const started = performance.now();
        await searchProcedures(deps, { tenantId, limit: 20, ...query });
        latencies.push(performance.now() - started);
      }
    }
    let top3Hits = 0;
    for (const { q, expected } of relevanceQueries) {
      const { items } = await searchProcedures(deps, { tenantId, q, limit: 3 });
      if (items.some((p) => p.code === expected)) top3Hits++;
    }
    latencies.sort((a, b) => a - b);
    const at = (f: number) =>
      Number(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * f))]!.toFixed(3));
    return {
      p95_ms: at(0.95),
      p50_ms: at(0.5),
      max_ms: Number(latencies.at(-1)!.toFixed(3)),
      queries: latencies.length,
      distinct_queries: queries.length,
      rounds,
      top3_hits: top3Hits,
      relevance_queries: relevanceQueries.length,
      catalogue: demoCatalogue().procedures.length,
    };
  } finally {
    await city.stop();
    await scratch.drop();
    await server.stop();
  }
}
