// System tokens and the event feed through the real HTTP API on a real database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withTenant } from '../../../platform/db/tenant.ts';
import { type IntegrationCity, startIntegrationCity } from '../test-city.ts';
import { createSystemToken } from './create-system-token.ts';
import { revokeSystemToken } from './revoke-system-token.ts';
import { rotateSystemToken } from './rotate-system-token.ts';

let city: IntegrationCity;
before(async () => {
  city = await startIntegrationCity();
});
after(async () => {
  await city.close();
});

const tenantId = 'kawasaki';
const actor = { accountId: 'test-admin' };
const kumin = 'ward-141313.kumin';
const fukushi = 'kenko-fukushi.koreisha';

const feed = (token: string | undefined, query = '') =>
  city.app.inject({
    method: 'GET',
    url: `/api/events${query}`,
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

async function emit(type: string, department: string | null, subjectId: string) {
  return withTenant(city.city.deps.db, tenantId, (trx) =>
    city.city.deps.events.emit(trx, {
      tenantId,
      type,
      subjectType: 'application',
      subjectId,
      department,
      data: { n: subjectId },
    }),
  );
}

/** Polls until `ok` holds (the feed waits for every older transaction on the server to end). */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read();
    if (ok(value) || i > 100) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every event the token can see, following `next` page by page. */
async function readAll(token: string, limit = 2): Promise<{ subjectId: string; department: string | null }[]> {
  const seen: { subjectId: string; department: string | null }[] = [];
  let after = '0';
  for (;;) {
    const response = await feed(token, `?after=${after}&limit=${limit}`);
    assert.equal(response.statusCode, 200, response.body);
    const page = response.json() as { events: { subjectId: string; department: string | null }[]; next: string };
    seen.push(...page.events);
    if (page.events.length < limit) return seen;
    after = page.next;
  }
}

test('no token, a malformed or unknown token: 401 problem+json with a Bearer challenge', async () => {
  for (const token of [undefined, 'abc', `chs_${'A'.repeat(43)}`]) {
    const response = await feed(token);
    assert.equal(response.statusCode, 401);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.match(String(response.headers['www-authenticate']), /^Bearer realm="cityhall"/);
    assert.equal(response.json().code, 'unauthorized');
  }
});

test('a token without events:read is refused with 403 naming the scope', async () => {
  const { token } = await createSystemToken(city.city.deps, {
    tenantId,
    actor,
    name: '案件参照のみ',
    department: kumin,
    scopes: ['cases:read'],
  });
  const response = await feed(token);
  assert.equal(response.statusCode, 403);
  assert.match(response.json().detail, /events:read/);
});

test('the token is shown once and only its hash is stored', async () => {
  const { id, token, prefix } = await createSystemToken(city.city.deps, {
    tenantId,
    actor,
    name: '保存確認',
    department: kumin,
    scopes: ['events:read'],
  });
  assert.match(token, /^chs_[A-Za-z0-9_-]{43}$/);
  assert.equal(prefix, token.slice(0, 12));
  const row = await city.database.ownerDb
    .selectFrom('system_tokens')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.token_hash.length, 32);
  assert.ok(!JSON.stringify(row).includes(token.slice(12)), 'the secret part of the token is nowhere in the row');
  const audit = await city.database.ownerDb.selectFrom('audit_log').selectAll().where('resource_id', '=', id).execute();
  assert.equal(audit[0]?.action, 'integration.token.created');
});

test('invalid input is refused with field errors in Japanese', async () => {
  await assert.rejects(
    createSystemToken(city.city.deps, { tenantId, actor, name: '', department: 'Bad Dept!', scopes: ['admin:all'] }),
    (error: { code?: string; errors?: { field: string; message: string }[] }) =>
      error.code === 'validation_failed' &&
      JSON.stringify(error.errors?.map((e) => e.field)) === JSON.stringify(['name', 'department', 'scopes']),
  );
});

test('rotation: the old token works during the grace period, then stops; the new one keeps working; revoke ends it', async () => {
  const old = await createSystemToken(city.city.deps, {
    tenantId,
    actor,
    name: '福祉連携',
    department: kumin,
    scopes: ['events:read'],
  });
  const rotated = await rotateSystemToken(city.city.deps, { tenantId, actor, tokenId: old.id });
  assert.notEqual(rotated.token, old.token);
  const graceHours = (rotated.oldExpiresAt.getTime() - Date.now()) / 3_600_000;
  assert.ok(graceHours > 23.9 && graceHours <= 24, `grace period of 24 h (got ${graceHours})`);
  assert.equal((await feed(old.token)).statusCode, 200, 'old token still works in the grace period');
  assert.equal((await feed(rotated.token)).statusCode, 200);
  await assert.rejects(rotateSystemToken(city.city.deps, { tenantId, actor, tokenId: old.id }), /すでに更新済み/);

  // The grace period runs out (moved into the past rather than waiting a day).
  await city.database.ownerDb
    .updateTable('system_tokens')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('id', '=', old.id)
    .execute();
  assert.equal((await feed(old.token)).statusCode, 401, 'old token refused after the grace period');
  assert.equal((await feed(rotated.token)).statusCode, 200, 'new token unaffected');

  await revokeSystemToken(city.city.deps, { tenantId, actor, tokenId: rotated.id });
  assert.equal((await feed(rotated.token)).statusCode, 401, 'revoked at once');
  await assert.rejects(revokeSystemToken(city.city.deps, { tenantId, actor, tokenId: rotated.id }), /すでに失効済み/);
});

test('feed: pages by cursor without gaps or repeats; a department token sees only its department; type filter', async () => {
  const dept = await createSystemToken(city.city.deps, {
    tenantId,
    actor,
    name: '区民課',
    department: kumin,
    scopes: ['events:read'],
  });
  const wide = await createSystemToken(city.city.deps, {
    tenantId,
    actor,
    name: '全庁',
    department: null,
    scopes: ['events:read'],
  });
  for (let i = 1; i <= 5; i++) await emit('application.submitted', i % 2 ? kumin : fukushi, `feed-${i}`);
  await emit('case.status_changed', kumin, 'feed-6');

  const mine = await until(
    () => readAll(dept.token),
    (events) => events.filter((e) => e.subjectId.startsWith('feed-')).length >= 4,
  );
  const ours = mine.filter((e) => e.subjectId.startsWith('feed-'));
  assert.deepEqual(
    ours.map((e) => e.subjectId),
    ['feed-1', 'feed-3', 'feed-5', 'feed-6'],
  );
  assert.ok(
    mine.every((e) => e.department === kumin),
    'nothing of another department',
  );

  const all = (
    await until(
      () => readAll(wide.token, 3),
      (events) => events.filter((e) => e.subjectId.startsWith('feed-')).length >= 6,
    )
  ).filter((e) => e.subjectId.startsWith('feed-'));
  assert.deepEqual(
    all.map((e) => e.subjectId),
    ['feed-1', 'feed-2', 'feed-3', 'feed-4', 'feed-5', 'feed-6'],
  );

  const typed = await feed(wide.token, '?type=case.status_changed&limit=50');
  const types = (typed.json().events as { type: string; subjectId: string }[]).filter((e) =>
    e.subjectId.startsWith('feed-'),
  );
  assert.deepEqual(
    types.map((e) => e.subjectId),
    ['feed-6'],
  );

  const bad = await feed(wide.token, '?after=yesterday');
  assert.equal(bad.statusCode, 400);
  assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
  assert.equal(bad.json().errors[0].field, 'after');
  assert.equal((await feed(wide.token, '?limit=0')).statusCode, 400);
});

test('feed: an event committed late by a slow transaction is not skipped by a reader that already advanced', async () => {
  const { token } = await createSystemToken(city.city.deps, {
    tenantId,
    actor,
    name: '遅延確認',
    department: 'late.check',
    scopes: ['events:read'],
  });
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let slowStarted!: () => void;
  const started = new Promise<void>((r) => {
    slowStarted = r;
  });
  // Transaction A: emits first, commits last.
  const slow = withTenant(city.city.deps.db, tenantId, async (trx) => {
    await city.city.deps.events.emit(trx, {
      tenantId,
      type: 'application.submitted',
      subjectType: 'application',
      subjectId: 'slow',
      department: 'late.check',
      data: {},
    });
    slowStarted();
    await gate;
  });
  await started;
  // Transaction B: emits after A and commits at once.
  await withTenant(city.city.deps.db, tenantId, (trx) =>
    city.city.deps.events.emit(trx, {
      tenantId,
      type: 'application.submitted',
      subjectType: 'application',
      subjectId: 'fast',
      department: 'late.check',
      data: {},
    }),
  );
  const whileRunning = await feed(token, '?after=0');
  const first = whileRunning.json() as { events: { subjectId: string }[]; next: string };
  assert.deepEqual(first.events, [], 'B is held back while the older A may still commit');

  release();
  await slow;
  const page = await until(
    async () => (await feed(token, `?after=${first.next}`)).json() as { events: { subjectId: string }[] },
    (p) => p.events.length >= 2,
  );
  const both = page.events.map((e) => e.subjectId);
  assert.deepEqual(both, ['slow', 'fast'], 'the reader gets A (in commit-safe order) and B, nothing skipped');
});
