// `npm run bench -- <name>` runs bench/<name>.ts; `npm run bench` runs them all. Each prints its
// figures as one JSON object on its last line and saves it as bench/results/<name>.json.
import { mkdir, readdir, writeFile } from 'node:fs/promises';

const here = new URL('./', import.meta.url);
const requested = process.argv.slice(2);
const all = (await readdir(here))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const names = requested.length > 0 ? requested : all;
for (const name of names) {
  if (!all.includes(name)) {
    process.stderr.write(`ベンチマーク「${name}」はありません。次のいずれかです: ${all.join(', ')}\n`);
    process.exit(2);
  }
}
await mkdir(new URL('./results/', here), { recursive: true });
for (const name of names) {
  process.stderr.write(`== ${name}\n`);
  const bench = (await import(new URL(`./${name}.ts`, here).href)) as {
    run: () => Promise<Record<string, unknown>>;
  };
  const figures = { ...(await bench.run()), measured_at: new Date().toISOString() };
  await writeFile(new URL(`./results/${name}.json`, here), `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
process.exit(0);
