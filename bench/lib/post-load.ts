// Closed-loop POST load, as its own process: `node bench/lib/post-load.ts <url> <connections> <seconds>`
// with the JSON body in BENCH_BODY and extra headers (cookie) in BENCH_HEADERS. Every request carries a
// fresh Idempotency-Key, so each one is a new submission. Prints {requests, rps, p99_ms, errors}.
import { randomUUID } from 'node:crypto';
import http from 'node:http';

const [url, connectionsArg, secondsArg] = process.argv.slice(2);
const connections = Number(connectionsArg ?? 100);
const seconds = Number(secondsArg ?? 10);
const body = process.env.BENCH_BODY ?? '{}';
const headers = JSON.parse(process.env.BENCH_HEADERS ?? '{}') as Record<string, string>;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies: number[] = [];
let errors = 0;
let firstError = '';
const warmupEnd = Date.now() + 1000;
const end = warmupEnd + seconds * 1000;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(
      url!,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': `bench-${randomUUID()}`,
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          if (res.statusCode !== 201) text += c.toString();
        });
        res.on('end', () => {
          if (res.statusCode !== 201) {
            errors++;
            firstError ||= `${res.statusCode} ${text.slice(0, 300)}`;
          }
          if (Date.now() > warmupEnd) latencies.push(performance.now() - started);
          resolve();
        });
      },
    );
    req.on('error', (e) => {
      errors++;
      firstError ||= String(e);
      resolve();
    });
    req.end(body);
  });
}

async function loop(): Promise<void> {
  while (Date.now() < end) await once();
}

await Promise.all(Array.from({ length: connections }, loop));
latencies.sort((a, b) => a - b);
const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
process.stdout.write(
  `${JSON.stringify({ requests: latencies.length, rps: Math.round(latencies.length / seconds), p99_ms: Number(p99.toFixed(2)), errors, firstError })}\n`,
);
agent.destroy();
