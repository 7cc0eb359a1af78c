// The HTTP contract every module inherits: problem+json errors in Japanese, field errors, 404/405/413/415,
// request ids, security headers, OpenAPI, health and metrics.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { loadConfig } from '../config/config.ts';
import { loadMigrations, platformMigrations } from '../db/migrate.ts';
import type { CityModule } from '../module.ts';
import { type CityHall, startCityHall } from '../runtime.ts';
import { AppError, problemResponse } from './errors.ts';

const echo: CityModule = {
  name: 'echo',
  routes: async (app) => {
    app.post(
      '/api/v1/echo',
      {
        schema: {
          tags: ['echo'],
          summary: 'テスト用',
          body: {
            type: 'object',
            required: ['name', 'age'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 20 },
              age: { type: 'integer', minimum: 0 },
            },
          },
          response: {
            200: { type: 'object', properties: { greeting: { type: 'string' }, tenant: { type: 'string' } } },
            400: problemResponse('入力の誤り'),
          },
        },
      },
      async (request) => {
        const body = request.body as { name: string };
        return { greeting: `こんにちは、${body.name}さん`, tenant: request.tenant.id };
      },
    );
    app.get('/api/v1/boom', async () => {
      throw new Error('secret internal detail');
    });
    app.get('/broken-page', async () => {
      throw new Error('secret page failure');
    });
    app.get('/api/v1/conflict', async () => {
      throw new AppError('conflict', 'すでに処理されています。');
    });
  },
};

let database: TestDatabase;
let city: CityHall;
before(async () => {
  database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.ownerUrl,
    BODY_LIMIT_BYTES: '2048',
    LOG_LEVEL: 'silent',
  });
  city = await startCityHall({ config, log: pino({ level: 'silent' }), modules: [echo], listen: false });
  await city.ready;
});
after(async () => {
  await city.stop();
  await database.close();
});

const inject = (options: InjectOptions) => city.app!.inject(options);

test('a valid request is answered with the tenant it came for', async () => {
  const res = await inject({ method: 'POST', url: '/api/v1/echo', payload: { name: '川崎 花子', age: 30 } });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { greeting: 'こんにちは、川崎 花子さん', tenant: 'kawasaki' });
});

test('invalid input gets problem+json with Japanese field-level errors', async () => {
  const res = await inject({
    method: 'POST',
    url: '/api/v1/echo',
    payload: { name: '', age: 'x', extra: 1 },
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
  const problem = res.json();
  assert.equal(problem.type, 'https://cityhall.example/problems/validation_failed');
  assert.equal(problem.title, '入力内容に誤りがあります');
  assert.equal(problem.status, 400);
  assert.equal(problem.requestId, res.headers['x-request-id']);
  assert.deepEqual(problem.errors.map((e: { field: string }) => e.field).sort(), ['age', 'extra', 'name']);
  assert.ok(
    problem.errors.find((e: { field: string; message: string }) => e.field === 'name').message.includes('1文字以上'),
  );
});

test('a missing required field is named', async () => {
  const res = await inject({ method: 'POST', url: '/api/v1/echo', payload: { age: 3 } });
  assert.deepEqual(res.json().errors, [{ field: 'name', message: '必須の項目です。' }]);
});

test('broken JSON is a 400, not a 500', async () => {
  const res = await inject({
    method: 'POST',
    url: '/api/v1/echo',
    payload: '{"name":',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'bad_request');
});

test('a body over the limit is 413', async () => {
  const res = await inject({
    method: 'POST',
    url: '/api/v1/echo',
    payload: { name: 'x'.repeat(5000), age: 1 },
  });
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().code, 'payload_too_large');
});

test('an unsupported media type is 415', async () => {
  const res = await inject({
    method: 'POST',
    url: '/api/v1/echo',
    payload: '<x/>',
    headers: { 'content-type': 'application/xml' },
  });
  assert.equal(res.statusCode, 415);
  assert.equal(res.json().code, 'unsupported_media_type');
});

test('an unknown path is 404 and a known path with the wrong method is 405 with Allow', async () => {
  const missing = await inject({ method: 'GET', url: '/api/v1/nothing-here' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().code, 'not_found');
  const wrong = await inject({ method: 'DELETE', url: '/api/v1/echo' });
  assert.equal(wrong.statusCode, 405);
  assert.equal(wrong.headers.allow, 'POST');
  assert.equal(wrong.json().code, 'method_not_allowed');
});

test('an unexpected error is a 500 that hides its details', async () => {
  const res = await inject({ method: 'GET', url: '/api/v1/boom' });
  assert.equal(res.statusCode, 500);
  assert.equal(res.json().title, 'システムエラーが発生しました');
  assert.doesNotMatch(res.body, /secret internal detail/);
});

test('a domain error keeps its code and Japanese detail', async () => {
  const res = await inject({ method: 'GET', url: '/api/v1/conflict' });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().detail, 'すでに処理されています。');
});

test('a page request that fails gets a Japanese HTML page, not JSON', async () => {
  const res = await inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, 404);
  assert.match(res.headers['content-type'] as string, /^text\/html/);
  assert.match(res.body, /ページが見つかりません/);
});

test('every response carries a request id and security headers; a sane incoming id is kept', async () => {
  const res = await inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-12345678' } });
  assert.equal(res.headers['x-request-id'], 'trace-12345678');
  assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
  assert.doesNotMatch(res.headers['content-security-policy'] as string, /unsafe-inline/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['x-frame-options'], 'DENY');
  const hostile = await inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': '<script>' } });
  assert.notEqual(hostile.headers['x-request-id'], '<script>');
});

test('OpenAPI 3.1 documents the routes, their inputs and problem responses', async () => {
  const res = await inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  const post = doc.paths['/api/v1/echo'].post;
  assert.deepEqual(post.requestBody.content['application/json'].schema.required, ['name', 'age']);
  assert.ok(doc.components.schemas.Problem);
  assert.ok(post.responses['400'].content['application/problem+json']);
  const docs = await inject({ method: 'GET', url: '/api/docs' });
  assert.equal(docs.statusCode, 200);
  assert.match(docs.body, /<h3 id="op-post-api-v1-echo"><code>POST \/api\/v1\/echo<\/code><\/h3>/);
  assert.match(docs.body, /<a href="#schema-Problem">Problem<\/a>/);
});

test('health, readiness and metrics answer', async () => {
  assert.deepEqual((await inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });
  assert.deepEqual((await inject({ method: 'GET', url: '/readyz' })).json(), { status: 'ready' });
  const metrics = await inject({ method: 'GET', url: '/metrics' });
  assert.match(metrics.body, /http_request_duration_seconds_bucket\{.*route="\/healthz"/);
});

test('a host name mapped to another tenant selects that tenant', async () => {
  await database.ownerPool.query(
    `insert into tenants (id, lg_code, name_ja, name_en, hostnames) values ('yokohama', '141003', '横浜市', 'Yokohama City', '{yokohama.localhost}')`,
  );
  // The directory caches for 30 s; a new server process would see it at once. Use a fresh city.
  const config = loadConfig({ DATABASE_URL: database.ownerUrl, LOG_LEVEL: 'silent' });
  const other = await startCityHall({
    config,
    log: pino({ level: 'silent' }),
    modules: [echo],
    listen: false,
  });
  await other.ready;
  try {
    const res = await other.app!.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { host: 'yokohama.localhost:3000' },
      payload: { name: 'a', age: 1 },
    });
    assert.equal(res.json().tenant, 'yokohama');
  } finally {
    await other.stop();
  }
});

test('a page that fails shows the Japanese system-error page with the request id to quote', async () => {
  const res = await inject({
    method: 'GET',
    url: '/broken-page',
    headers: { accept: 'text/html', 'accept-language': 'ja' },
  });
  assert.equal(res.statusCode, 500);
  assert.match(res.body, /<h1>システムエラーが発生しました<\/h1>/);
  assert.ok(res.body.includes(`次の番号をお伝えください: ${res.headers['x-request-id']}`));
  assert.doesNotMatch(res.body, /secret page failure/);
});

test('readiness fails, naming the migration, when the schema is behind the code', async () => {
  await database.ownerPool.query(`delete from schema_migrations where id = 'platform/0001_create-tenants.sql'`);
  try {
    const res = await inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.match(res.json().detail, /未適用のマイグレーションがあります: platform\/0001_create-tenants\.sql/);
  } finally {
    const files = await loadMigrations([platformMigrations]);
    await database.ownerPool.query('insert into schema_migrations (id, checksum) values ($1, $2)', [
      files[0]!.id,
      files[0]!.checksum,
    ]);
  }
  assert.equal((await inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
});
