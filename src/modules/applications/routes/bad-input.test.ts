// 500 malformed or hostile submissions (a seeded generator, so a failure can be replayed): wrong types,
// huge strings, broken Unicode, control characters, deep nesting, wrong content types, oversized bodies,
// forged idempotency keys, unknown procedures, fields the form does not have. Every one must answer 4xx
// problem+json, and afterwards nothing has changed: no application, event, audit entry or job.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { sampleAnswers } from '../../procedures/full/samples.ts';

let city: TestCityHall;
before(async () => {
  city = await startTestCityHall({ demoResidents: 20 });
});
after(async () => {
  await city?.close();
});

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const base = sampleAnswers['sodai-gomi']!;
const hostileStrings = [
  '\u0000',
  'a\u0007b',
  '\ud800',
  'x\udfffy',
  'x'.repeat(100_000),
  'ok\u0000<script>alert(1)</script>',
  "'; drop table applications; --\u001b",
];
const wrongValues = [null, 12, -1, 1e308, true, [], {}, [1, 2], { $ne: 1 }, '', 'sofa'];

function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

interface Attempt {
  what: string;
  payload: string | Buffer;
  contentType: string;
  key: string | undefined;
}

function attempt(rnd: () => number, i: number): Attempt {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const goodKey = `fuzz-${String(i).padStart(6, '0')}-${Math.floor(rnd() * 1e9)}`;
  const json = (body: unknown, key: string | null, what: string) => ({
    what,
    payload: JSON.stringify(body),
    contentType: 'application/json',
    key: key ?? undefined,
  });
  const field = pick(Object.keys(base));
  switch (i % 12) {
    case 0:
      return json(
        { procedureCode: 'sodai-gomi', answers: { ...base, [field]: pick(wrongValues) } },
        goodKey,
        `wrong type in ${field}`,
      );
    case 1:
      return json(
        { procedureCode: 'sodai-gomi', answers: { ...base, [field]: pick(hostileStrings) } },
        goodKey,
        `hostile string in ${field}`,
      );
    case 2:
      return json(
        { procedureCode: 'sodai-gomi', answers: { ...base, placement: pick(hostileStrings.slice(0, 4)) } },
        goodKey,
        'broken text',
      );
    case 3:
      return json(
        { procedureCode: pick(['no-such-procedure', 'P-0001', '../etc', '', 'x'.repeat(70)]), answers: base },
        goodKey,
        'unknown procedure',
      );
    case 4:
      return json(
        { procedureCode: 'sodai-gomi', answers: base },
        pick(['', 'short', 'has space in it 123456', 'é'.repeat(20), 'x'.repeat(200), '"; DROP']),
        'forged key',
      );
    case 5:
      return json({ procedureCode: 'sodai-gomi', answers: base }, null, 'no key');
    case 6:
      return json({ procedureCode: 'sodai-gomi', answers: { ...base, [`extra${i}`]: 'x' } }, goodKey, 'unknown field');
    case 7:
      return json(
        { procedureCode: 'sodai-gomi', answers: pick([null, [], 'answers', 5]) },
        goodKey,
        'answers not an object',
      );
    case 8:
      return json(
        { procedureCode: 'sodai-gomi', answers: { ...base, items: nested(40 + Math.floor(rnd() * 4000)) } },
        goodKey,
        'deep nesting',
      );
    case 9:
      return {
        what: 'wrong content type',
        payload: pick(['<xml/>', 'procedureCode=sodai-gomi', 'plain text']),
        contentType: pick([
          'application/xml',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ]),
        key: goodKey,
      };
    case 10:
      return {
        what: 'broken JSON',
        payload: pick([
          '{"procedureCode":',
          '{"a":1}}',
          Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
          '{"procedureCode":"sodai-gomi","answers":{"a":"\\ud800"',
        ]),
        contentType: 'application/json',
        key: goodKey,
      };
    default:
      return json(
        { procedureCode: 'sodai-gomi', answers: { ...base, placement: 'x'.repeat(1_100_000) } },
        goodKey,
        'oversized body',
      );
  }
}

async function counts() {
  const db = city.database.ownerDb;
  const n = async (table: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    applications: await n('applications'),
    events: await n('domain_events'),
    history: await n('application_history'),
    audit: Number(
      (
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', 'like', 'application.%')
          .executeTakeFirstOrThrow()
      ).n,
    ),
  };
}

test('500 malformed or hostile submissions get 4xx problem+json and change nothing', async () => {
  const agent = new Agent(city.app);
  await agent.get('/sign-in');
  await agent.post('/sign-in', { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' });
  const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const before = await counts();
  const rnd = prng(20261125);
  const seen = new Map<string, number>();
  for (let i = 0; i < 500; i++) {
    const a = attempt(rnd, i);
    const response = await city.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: a.payload,
      headers: {
        'content-type': a.contentType,
        accept: 'application/json',
        cookie,
        ...(a.key !== undefined ? { 'idempotency-key': a.key } : {}),
      },
    });
    const label = `#${i} ${a.what}: ${response.statusCode} ${response.body.slice(0, 200)}`;
    assert.ok(response.statusCode >= 400 && response.statusCode < 500, label);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/, label);
    const problem = response.json();
    assert.equal(typeof problem.code, 'string', label);
    assert.equal(typeof problem.detail === 'string' || typeof problem.title === 'string', true, label);
    seen.set(a.what.split(' in ')[0]!, (seen.get(a.what.split(' in ')[0]!) ?? 0) + 1);
  }
  assert.deepEqual(await counts(), before, 'nothing was stored, emitted or audited');
  assert.ok(seen.size >= 11, [...seen.keys()].join(', '));
  // The same valid request still works afterwards: the refusals left no half state behind.
  const ok = await agent.json(
    'POST',
    '/api/v1/applications',
    { procedureCode: 'sodai-gomi', answers: base },
    { 'idempotency-key': 'fuzz-after-0000000001' },
  );
  assert.equal(ok.statusCode, 201, ok.body);
});
