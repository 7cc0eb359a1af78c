import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freePort } from '../../../../test/helpers/net.ts';
import {
  cancelAtStandIn,
  type OidcStandIn,
  type StandInAccount,
  signInThroughStandIn,
  startOidcStandIn,
} from '../../../../test/helpers/oidc-provider.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { beginOidcSignIn, completeOidcSignIn, defaultOidcScopes, type OidcConfig } from './client.ts';

const redirectUri = 'http://localhost:8080/auth/oidc/callback';
const hanako: StandInAccount = {
  sub: 'jpki-subject-hanako',
  name: '見本 花子',
  address: '神奈川県川崎市川崎区宮本町1番地',
  birthdate: '1985-04-01',
  gender: 'female',
};
const taro: StandInAccount = {
  sub: 'jpki-subject-taro',
  name: '試験 太郎',
  address: '神奈川県川崎市中原区小杉町3丁目',
  birthdate: '1972-11-30',
  gender: 'male',
};
let provider: OidcStandIn;
let config: OidcConfig;

before(async () => {
  provider = await startOidcStandIn({
    clientId: 'cityhall',
    clientSecret: 'stand-in-secret',
    redirectUris: [redirectUri],
    accounts: [hanako, taro],
  });
  config = { issuer: new URL(provider.issuer), clientId: 'cityhall', clientSecret: 'stand-in-secret', redirectUri };
});
after(async () => {
  await provider?.close();
});

/** An AppError('oidc_failed') with this message; `cause` pins down which check refused it. */
function oidcFailure(message: RegExp, cause?: { code?: string; error?: string }) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, `an AppError, not ${String(error)}`);
    assert.equal(error.code, 'oidc_failed');
    assert.equal(error.status, 400);
    assert.match(error.message, message);
    const actual = error.cause as { code?: string; error?: string };
    if (cause?.code) assert.equal(actual.code, cause.code);
    if (cause?.error) assert.equal(actual.error, cause.error);
    return true;
  };
}

const invalid = /本人確認の結果を確かめられませんでした/;
const unreachable = /本人確認サービスに接続できませんでした/;

test('the full flow over HTTP: code + PKCE (S256), state and nonce, the 基本4情報 from UserInfo', async () => {
  const started = await beginOidcSignIn(config);
  const url = started.authorizationUrl;
  assert.equal(url.origin, provider.issuer);
  assert.equal(url.searchParams.get('response_type'), 'code');
  assert.equal(url.searchParams.get('client_id'), 'cityhall');
  assert.equal(url.searchParams.get('redirect_uri'), redirectUri);
  assert.equal(url.searchParams.get('scope'), defaultOidcScopes);
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  assert.match(url.searchParams.get('code_challenge')!, /^[\w-]{43}$/);
  assert.equal(url.searchParams.get('state'), started.state);
  assert.equal(url.searchParams.get('nonce'), started.nonce);
  assert.equal(url.searchParams.get('code_verifier'), null, 'the verifier never leaves the server');
  const other = await beginOidcSignIn(config);
  assert.notEqual(other.state, started.state);
  assert.notEqual(other.nonce, started.nonce);
  assert.notEqual(other.codeVerifier, started.codeVerifier);

  const callback = await signInThroughStandIn(url, hanako.sub);
  assert.equal(`${callback.origin}${callback.pathname}`, redirectUri);
  const claims = await completeOidcSignIn(config, callback, started);
  assert.equal(claims.subject, hanako.sub);
  assert.equal(claims.name, hanako.name);
  assert.equal(claims.address, hanako.address, 'the formatted form of the address claim');
  assert.equal(claims.birthdate, hanako.birthdate);
  assert.equal(claims.gender, 'female');
  assert.deepEqual(claims.claims.address, { formatted: hanako.address });
  assert.equal(claims.claims.iss, provider.issuer);

  // The ID token carried only sub here (the provider conforms to the spec), so UserInfo was asked.
  assert.ok(provider.requests.includes('GET /me'));
  // Discovery once per issuer, however many sign-ins.
  assert.equal(provider.requests.filter((r) => r === 'GET /.well-known/openid-configuration').length, 1);
});

test('claims already in the ID token: no UserInfo call', async () => {
  const generous = await startOidcStandIn({
    clientId: 'cityhall',
    clientSecret: 'stand-in-secret',
    redirectUris: [redirectUri],
    accounts: [taro],
    claimsInIdToken: true,
  });
  try {
    const own = { ...config, issuer: new URL(generous.issuer) };
    const started = await beginOidcSignIn(own);
    const claims = await completeOidcSignIn(
      own,
      await signInThroughStandIn(started.authorizationUrl, taro.sub),
      started,
    );
    assert.deepEqual(
      [claims.subject, claims.name, claims.address, claims.birthdate, claims.gender],
      [taro.sub, taro.name, taro.address, taro.birthdate, 'male'],
    );
    assert.ok(generous.requests.includes('POST /token'));
    assert.equal(generous.requests.includes('GET /me'), false);
  } finally {
    await generous.close();
  }
});

test('a tampered state is refused before the code is spent', async () => {
  const started = await beginOidcSignIn(config);
  const callback = await signInThroughStandIn(started.authorizationUrl, hanako.sub);
  const forged = new URL(callback);
  forged.searchParams.set('state', 'forged');
  const tokenCalls = provider.requests.filter((r) => r === 'POST /token').length;
  const stateCheck = { code: 'OAUTH_INVALID_RESPONSE' };
  await assert.rejects(completeOidcSignIn(config, forged, started), oidcFailure(invalid, stateCheck));
  await assert.rejects(
    completeOidcSignIn(config, callback, { ...started, state: 'another-sign-in' }),
    oidcFailure(invalid, stateCheck),
  );
  assert.equal(provider.requests.filter((r) => r === 'POST /token').length, tokenCalls);
  // The genuine callback still works: nothing was exchanged.
  assert.equal((await completeOidcSignIn(config, callback, started)).subject, hanako.sub);
});

test('a reused code, a wrong PKCE verifier and a wrong nonce are refused', async () => {
  const started = await beginOidcSignIn(config);
  const callback = await signInThroughStandIn(started.authorizationUrl, taro.sub);
  assert.equal((await completeOidcSignIn(config, callback, started)).subject, taro.sub);
  const refusedGrant = { error: 'invalid_grant' };
  await assert.rejects(completeOidcSignIn(config, callback, started), oidcFailure(invalid, refusedGrant));

  const second = await beginOidcSignIn(config);
  const stolen = await signInThroughStandIn(second.authorizationUrl, taro.sub);
  const attacker = await beginOidcSignIn(config);
  await assert.rejects(
    completeOidcSignIn(config, stolen, { ...second, codeVerifier: attacker.codeVerifier }),
    oidcFailure(invalid, refusedGrant),
  );

  const third = await beginOidcSignIn(config);
  const thirdCallback = await signInThroughStandIn(third.authorizationUrl, taro.sub);
  await assert.rejects(
    completeOidcSignIn(config, thirdCallback, { ...third, nonce: 'not-this-one' }),
    oidcFailure(invalid, { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' }),
  );
});

test('the person cancels at the provider (error=access_denied): its own message', async () => {
  const started = await beginOidcSignIn(config);
  const callback = await cancelAtStandIn(started.authorizationUrl);
  assert.equal(callback.searchParams.get('error'), 'access_denied');
  await assert.rejects(
    completeOidcSignIn(config, callback, started),
    oidcFailure(/中止されました/, { error: 'access_denied' }),
  );

  // An error response that does not carry this sign-in's state is not believed either.
  const forged = new URL(callback);
  forged.searchParams.set('state', 'forged');
  await assert.rejects(
    completeOidcSignIn(config, forged, started),
    oidcFailure(invalid, { code: 'OAUTH_INVALID_RESPONSE' }),
  );
});

test('an unreachable provider, before and during a sign-in, is a clear error, never a crash', async () => {
  const closed = { ...config, issuer: new URL(`http://127.0.0.1:${await freePort()}`) };
  await assert.rejects(beginOidcSignIn(closed), oidcFailure(unreachable));
  await assert.rejects(beginOidcSignIn(closed), oidcFailure(unreachable), 'a failed discovery is not cached');

  // Plain http is allowed for loopback only: any other http issuer is refused without a request.
  const remote = { ...config, issuer: new URL('http://idp.example.invalid/') };
  await assert.rejects(beginOidcSignIn(remote), (error: AppError) => {
    assert.equal((error.cause as { code?: string }).code, 'OAUTH_HTTP_REQUEST_FORBIDDEN');
    return oidcFailure(unreachable)(error);
  });

  // The provider goes away between the redirect and the callback.
  const fleeting = await startOidcStandIn({
    clientId: 'cityhall',
    clientSecret: 'stand-in-secret',
    redirectUris: [redirectUri],
    accounts: [hanako],
  });
  const own = { ...config, issuer: new URL(fleeting.issuer) };
  const started = await beginOidcSignIn(own);
  const callback = await signInThroughStandIn(started.authorizationUrl, hanako.sub);
  await fleeting.close();
  await assert.rejects(completeOidcSignIn(own, callback, started), oidcFailure(unreachable));
});
