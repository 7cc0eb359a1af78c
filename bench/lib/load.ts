// A small closed-loop HTTP load generator, run as its own process so it does not share the server's
// event loop: `node bench/lib/load.ts <url> <connections> <seconds>` prints {requests, rps, p99_ms, errors}.
import http from 'node:http';

const [url, connectionsArg, secondsArg] = process.argv.slice(2);
const connections = Number(connectionsArg ?? 50);
const seconds = Number(secondsArg ?? 10);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies: number[] = [];
let errors = 0;
const warmupEnd = Date.now() + 1000;
const end = warmupEnd + seconds * 1000;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.get(url!, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        if (Date.now() > warmupEnd) latencies.push(performance.now() - started);
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
  });
}

async function loop(): Promise<void> {
  while (Date.now() < end) await once();
}

await Promise.all(Array.from({ length: connections }, loop));
latencies.sort((a, b) => a - b);
const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
process.stdout.write(
  `${JSON.stringify({ requests: latencies.length, rps: Math.round(latencies.length / seconds), p99_ms: Number(p99.toFixed(2)), errors })}\n`,
);
agent.destroy();
