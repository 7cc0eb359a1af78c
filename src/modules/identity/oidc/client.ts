// OpenID Connect relying party for My Number Card sign-in through the Digital Agency's authentication
// app model (デジタル認証アプリ): authorization code flow with PKCE (S256), state and nonce, claims from
// the ID token and the UserInfo endpoint. openid-client (panva) does the protocol; this file decides
// what a failure tells the resident.
import * as oidc from 'openid-client';
import { AppError } from '../../../platform/http/errors.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
}

export const oidcScopes = 'openid name address birthdate gender';

export interface OidcHandshake {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface MyNumberClaims {
  subject: string;
  name: string | undefined;
  address: string | undefined;
  birthdate: string | undefined;
  gender: string | undefined;
}

const configurations = new Map<string, Promise<oidc.Configuration>>();

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

function configuration(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let config = configurations.get(key);
  if (!config) {
    const issuer = new URL(settings.issuer);
    config = oidc.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      undefined,
      // Plain http is allowed only for a provider on this machine (the tests' and the demo's stand-in).
      isLoopback(issuer) && issuer.protocol === 'http:'
        ? { execute: [oidc.allowInsecureRequests], timeout: 10 }
        : { timeout: 10 },
    );
    config.catch(() => configurations.delete(key));
    configurations.set(key, config);
  }
  return config;
}

function failure(error: unknown): AppError {
  const e = error as { error?: string; code?: string; message?: string };
  if (e?.error === 'access_denied') {
    return new AppError(
      'oidc_failed',
      'マイナンバーカードによる本人確認が中止されました。もう一度お試しいただくか、ほかの方法でサインインしてください。',
      { cause: error },
    );
  }
  if (e?.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || /fetch failed|ECONNREFUSED|timeout/i.test(e?.message ?? '')) {
    return new AppError(
      'oidc_failed',
      '本人確認サービスに接続できませんでした。しばらくしてからもう一度お試しください。',
      { cause: error },
    );
  }
  return new AppError('oidc_failed', '本人確認の結果を確かめられませんでした。最初からやり直してください。', {
    cause: error,
  });
}

export async function beginOidcSignIn(
  settings: OidcSettings,
  redirectUri: string,
): Promise<{ authorizationUrl: URL; handshake: OidcHandshake }> {
  try {
    const config = await configuration(settings);
    const handshake = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: oidcScopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(handshake.codeVerifier),
      code_challenge_method: 'S256',
      state: handshake.state,
      nonce: handshake.nonce,
    });
    return { authorizationUrl, handshake };
  } catch (error) {
    throw failure(error);
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  // OpenID Connect's standard address claim is an object; the formatted form is what the card holds.
  if (value && typeof value === 'object' && typeof (value as { formatted?: unknown }).formatted === 'string') {
    return (value as { formatted: string }).formatted;
  }
  return undefined;
}

export async function completeOidcSignIn(
  settings: OidcSettings,
  callbackUrl: URL,
  handshake: OidcHandshake,
): Promise<MyNumberClaims> {
  // The person cancelled at the provider (or it refused): say so, rather than "could not verify".
  if (callbackUrl.searchParams.get('error') === 'access_denied') throw failure({ error: 'access_denied' });
  try {
    const config = await configuration(settings);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: handshake.codeVerifier,
      expectedState: handshake.state,
      expectedNonce: handshake.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    const all = { ...idClaims, ...info } as Record<string, unknown>;
    return {
      subject: idClaims.sub,
      name: text(all.name),
      address: text(all.address),
      birthdate: text(all.birthdate),
      gender: text(all.gender),
    };
  } catch (error) {
    throw failure(error);
  }
}
