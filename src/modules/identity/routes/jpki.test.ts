import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { readResident } from '../../residents/index.ts';
import { createCrl, createDemoCa, createDemoCard, type DemoCard, signCms, signPkcs1 } from '../jpki/demo-ca.ts';
import { derToPem } from '../jpki/der.ts';

let city: TestCityHall;
let dir: string;
let card: DemoCard;
let stranger: DemoCard;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jpki-'));
  const ca = await createDemoCa();
  await writeFile(path.join(dir, 'ca.pem'), derToPem(ca.der, 'CERTIFICATE'));
  await writeFile(path.join(dir, 'ca.crl'), await createCrl(ca, []));
  city = await startTestCityHall({
    demoResidents: 50,
    env: { JPKI_TRUST_ANCHORS: path.join(dir, 'ca.pem'), JPKI_CRL_FILE: path.join(dir, 'ca.crl') },
  });
  const resident = (await readResident(city.city.deps, { tenantId: 'kawasaki', id: '1' }))!;
  card = await createDemoCard(ca, 'card', {
    name: `${resident.familyName}　${resident.givenName}`,
    sex: resident.sex,
    birthDate: resident.birthDate,
    address: resident.address,
  });
  stranger = await createDemoCard(ca, 'stranger', {
    name: '存在 しない',
    sex: '1',
    birthDate: '1901-01-01',
    address: '川崎市',
  });
});
after(async () => {
  await city?.close();
  await rm(dir, { recursive: true, force: true });
});

test('a resident verifies their identity by signing the challenge with the card; the account is linked to the register', async () => {
  const agent = new Agent(city.app);
  await agent.get('/sign-in');
  await agent.post('/sign-in', { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' });
  assert.equal((await agent.json('GET', '/api/auth/session')).json().assurance, 'account');

  // Someone else's card: valid, but no such resident.
  let page = await agent.get('/account/jpki');
  let challenge = /data-jpki-challenge>([^<]+)</.exec(page.body)![1]!;
  const wrongPerson = Buffer.from(await signCms(stranger.signing, new TextEncoder().encode(challenge))).toString(
    'base64',
  );
  const refused = await agent.post('/account/jpki', { signature: wrongPerson });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /一致する住民記録が見つかりません/);

  // The right card, but the text signed is not the one shown.
  page = await agent.get('/account/jpki');
  const other = Buffer.from(await signCms(card.signing, new TextEncoder().encode('別の文字列'))).toString('base64');
  const mismatch = await agent.post('/account/jpki', { signature: other });
  assert.equal(mismatch.statusCode, 400);
  assert.match(mismatch.body, /表示した確認用の文字列と違います/);

  page = await agent.get('/account/jpki');
  challenge = /data-jpki-challenge>([^<]+)</.exec(page.body)![1]!;
  const signature = Buffer.from(await signCms(card.signing, new TextEncoder().encode(challenge))).toString('base64');
  const done = await agent.post('/account/jpki', { signature: signature.replace(/(.{76})/g, '$1\n') });
  assert.equal(done.statusCode, 303, done.body);
  assert.equal((await agent.json('GET', '/api/auth/session')).json().assurance, 'jpki_identity');
  const account = await city.database.ownerDb
    .selectFrom('accounts')
    .select(['resident_id', 'jpki_verified_at'])
    .where('email', '=', 'hanako@example.jp')
    .executeTakeFirstOrThrow();
  assert.equal(String(account.resident_id), '1');
  assert.ok(account.jpki_verified_at);
  const links = await city.database.ownerDb.selectFrom('jpki_links').selectAll().execute();
  assert.equal(links.length, 1);
  assert.match(links[0]!.subject, /#[0-9a-f]+$/, 'issuer and serial only, not the certificate');

  // The same card cannot vouch for a second account.
  const taro = new Agent(city.app);
  await taro.get('/sign-in');
  await taro.post('/sign-in', { email: 'taro@example.jp', password: 'kawasaki-demo-2026' });
  page = await taro.get('/account/jpki');
  challenge = /data-jpki-challenge>([^<]+)</.exec(page.body)![1]!;
  const reuse = await taro.post('/account/jpki', {
    signature: Buffer.from(await signCms(card.signing, new TextEncoder().encode(challenge))).toString('base64'),
  });
  assert.equal(reuse.statusCode, 409);
});

test('POST /api/v1/jpki/verify: valid signatures answer the holder; every bad input a 400 with its reason', async () => {
  const agent = new Agent(city.app);
  const data = new TextEncoder().encode('申請データ');
  const cms = Buffer.from(await signCms(card.signing, data)).toString('base64');
  const ok = await agent.json('POST', '/api/v1/jpki/verify', { format: 'cms', signature: cms });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().certificate.holder.birthDate.length, 10);

  const pkcs1 = await agent.json('POST', '/api/v1/jpki/verify', {
    format: 'pkcs1',
    data: Buffer.from(data).toString('base64'),
    signature: Buffer.from(signPkcs1(card.signing, data)).toString('base64'),
    certificate: Buffer.from(card.signing.der).toString('base64'),
  });
  assert.equal(pkcs1.statusCode, 200);

  const cases: [object, string][] = [
    [{ format: 'cms', signature: 'bm90IGEgc2lnbmF0dXJl' }, 'malformed'],
    [{ format: 'cms', signature: cms.slice(0, 200) }, 'truncated'],
    [{ format: 'cms', signature: '%%%' }, 'malformed'],
    [
      {
        format: 'pkcs1',
        data: 'AAAA',
        signature: Buffer.from(signPkcs1(card.signing, data)).toString('base64'),
        certificate: Buffer.from(card.signing.der).toString('base64'),
      },
      'signature_invalid',
    ],
    [{ format: 'pkcs1', data: 'AAAA', signature: 'AAAA', certificate: 'AAAA' }, 'malformed'],
    [
      { format: 'cms', signature: Buffer.from(await signCms(card.authentication, data)).toString('base64') },
      'wrong_key_usage',
    ],
  ];
  for (const [body, reason] of cases) {
    const response = await agent.json('POST', '/api/v1/jpki/verify', body);
    assert.equal(response.statusCode, 400, JSON.stringify(body).slice(0, 80));
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    const problem = response.json();
    assert.equal(problem.code, 'jpki_invalid');
    assert.ok(
      ['malformed', 'truncated'].includes(reason)
        ? ['malformed', 'truncated'].includes(problem.errors[0].field)
        : problem.errors[0].field === reason,
      `${reason}: ${problem.errors[0].field}`,
    );
  }
  const schemaError = await agent.json('POST', '/api/v1/jpki/verify', { format: 'xml', signature: cms });
  assert.equal(schemaError.statusCode, 400);
});
