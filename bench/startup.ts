// Time from `cityhall serve --demo` (what `npm start` runs) to ready: on a new data folder (initdb,
// migrations, demo data) and again on the same folder. Also checks that stopping leaves no process.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../test/helpers/net.ts';

async function startAndStop(dataDir: string): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CITYHALL_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['src/cli/cityhall.ts', 'serve', '--demo'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const seconds = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('READY ')) resolve((performance.now() - started) / 1000);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before ready`)));
  });
  child.removeAllListeners('exit');
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`server did not stop cleanly (exit ${code})`);
  const left = spawnSync('pgrep', ['-f', dataDir], { encoding: 'utf8' }).stdout.trim();
  if (left) throw new Error(`processes left behind after stop: ${left}`);
  return seconds;
}

export async function run() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cityhall-startup-'));
  try {
    const first = await startAndStop(dataDir);
    const warm = await startAndStop(dataDir);
    return { first_start_s: Number(first.toFixed(2)), warm_start_s: Number(warm.toFixed(2)) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
