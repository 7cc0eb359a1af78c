// OpenID Connect relying party for My Number Card sign-in through the Digital Agency's authentication
// app model (デジタル認証アプリ): authorization code flow with PKCE (S256), state and nonce, claims from
// the ID token, and from the UserInfo endpoint when the ID token does not carry them. openid-client
// (panva) does the protocol; this file decides what a failure tells the resident: every failure is an
// AppError('oidc_failed') with a Japanese message, and the protocol error stays on it as `cause` for the log.
import * as oidc from 'openid-client';
import { AppError } from '../../../platform/http/errors.ts';

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  /** Absent for a public client, which then relies on PKCE alone. */
  clientSecret?: string | undefined;
  /** Where the provider sends the browser back; must be registered with the provider. */
  redirectUri: string | URL;
  /** Space-separated; default `openid name address birthdate gender` (基本4情報). */
  scopes?: string | undefined;
}

/** What the relying party keeps between the redirect out and the callback (server side, one use). */
export interface OidcHandshake {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcAuthorization extends OidcHandshake {
  authorizationUrl: URL;
}

export interface MyNumberClaims {
  /** The provider's stable identifier for the person (not the My Number itself). */
  subject: string;
  name: string | undefined;
  address: string | undefined;
  birthdate: string | undefined;
  gender: string | undefined;
  /** Every claim received, ID token and UserInfo merged (UserInfo wins). */
  claims: Record<string, unknown>;
}

export const defaultOidcScopes = 'openid name address birthdate gender';

// The scopes of the 基本4情報 each release the claim of the same name.
const claimScopes = ['name', 'address', 'birthdate', 'gender'] as const;

const messages = {
  unreachable: '本人確認サービスに接続できませんでした。しばらくしてからもう一度お試しください。',
  cancelled:
    'マイナンバーカードによる本人確認が中止されました。もう一度お試しいただくか、ほかの方法でサインインしてください。',
  invalid: '本人確認の結果を確かめられませんでした。最初からやり直してください。',
} as const;

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** One discovery per issuer and client, shared by all requests; a failed one is forgotten and retried. */
const configurations = new Map<string, Promise<oidc.Configuration>>();

function configuration(config: OidcConfig): Promise<oidc.Configuration> {
  const key = [config.issuer.href, config.clientId, config.clientSecret ?? ''].join('\n');
  let cached = configurations.get(key);
  if (!cached) {
    cached = oidc.discovery(
      config.issuer,
      config.clientId,
      config.clientSecret,
      config.clientSecret === undefined ? oidc.None() : undefined,
      // openid-client refuses plain http. Its documented escape hatch, allowInsecureRequests, is applied
      // only for a provider on this machine (127.0.0.1 / localhost: the tests' and the demo's stand-in);
      // any other http issuer is still refused, so a mistyped production URL cannot downgrade to http.
      config.issuer.protocol === 'http:' && isLoopback(config.issuer)
        ? { execute: [oidc.allowInsecureRequests], timeout: 10 }
        : { timeout: 10 },
    );
    const pending = cached;
    pending.catch(() => {
      if (configurations.get(key) === pending) configurations.delete(key);
    });
    configurations.set(key, pending);
  }
  return cached;
}

function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown; status?: number };
  if (error instanceof TypeError && /fetch failed/i.test(e.message ?? '')) return true;
  if (e?.code === 'OAUTH_TIMEOUT' || e?.code === 'OAUTH_ABORT') return true;
  // A 5xx (or a proxy's HTML error page) where JSON was expected: the service is down, not the person wrong.
  if (e?.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || e?.code === 'OAUTH_RESPONSE_IS_NOT_JSON') {
    const status = (e.cause as { status?: number } | undefined)?.status;
    return status === undefined || status >= 500;
  }
  if (error instanceof oidc.ResponseBodyError) return error.status >= 500;
  return false;
}

function failure(error: unknown, during: 'discovery' | 'exchange'): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    if (error.error === 'access_denied') return new AppError('oidc_failed', messages.cancelled, { cause: error });
    if (error.error === 'temporarily_unavailable' || error.error === 'server_error') {
      return new AppError('oidc_failed', messages.unreachable, { cause: error });
    }
  }
  // Discovery happens before anything the resident did, so whatever breaks there is the service's side.
  if (during === 'discovery' || isUnreachable(error)) {
    return new AppError('oidc_failed', messages.unreachable, { cause: error });
  }
  return new AppError('oidc_failed', messages.invalid, { cause: error });
}

/** Starts a sign-in: where to send the browser, and what to keep (one use) for the callback. */
export async function beginOidcSignIn(config: OidcConfig): Promise<OidcAuthorization> {
  let client: oidc.Configuration;
  try {
    client = await configuration(config);
  } catch (error) {
    throw failure(error, 'discovery');
  }
  const handshake: OidcHandshake = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
  const authorizationUrl = oidc.buildAuthorizationUrl(client, {
    redirect_uri: String(config.redirectUri),
    scope: config.scopes ?? defaultOidcScopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(handshake.codeVerifier),
    code_challenge_method: 'S256',
    state: handshake.state,
    nonce: handshake.nonce,
  });
  return { authorizationUrl, ...handshake };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  // OpenID Connect's standard address claim is an object; its formatted form is what the card holds.
  if (value && typeof value === 'object' && typeof (value as { formatted?: unknown }).formatted === 'string') {
    return (value as { formatted: string }).formatted;
  }
  return undefined;
}

/**
 * Finishes a sign-in at the callback: checks state, exchanges the code (with the PKCE verifier), checks
 * the ID token (signature, issuer, audience, expiry, nonce) and reads the claims.
 */
export async function completeOidcSignIn(
  config: OidcConfig,
  callbackUrl: URL,
  saved: OidcHandshake,
): Promise<MyNumberClaims> {
  let client: oidc.Configuration;
  try {
    client = await configuration(config);
  } catch (error) {
    throw failure(error, 'discovery');
  }
  try {
    // openid-client sends the callback URL without its query as redirect_uri. Behind a proxy the app may
    // see itself under another origin, so the configured redirect URI is used when there is one.
    let current = callbackUrl;
    if (config.redirectUri !== '') {
      current = new URL(String(config.redirectUri));
      current.search = callbackUrl.search;
    }
    const tokens = await oidc.authorizationCodeGrant(client, current, {
      pkceCodeVerifier: saved.codeVerifier,
      expectedState: saved.state,
      expectedNonce: saved.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token in the token response');
    let all: Record<string, unknown> = { ...idClaims };
    const granted = (tokens.scope ?? config.scopes ?? defaultOidcScopes).split(' ');
    const missing = claimScopes.filter((c) => granted.includes(c) && !(c in idClaims));
    if (missing.length > 0 && client.serverMetadata().userinfo_endpoint) {
      // The subject check stops a UserInfo answer about someone else being merged into this person.
      all = { ...all, ...(await oidc.fetchUserInfo(client, tokens.access_token, idClaims.sub)) };
    }
    return {
      subject: idClaims.sub,
      name: text(all.name),
      address: text(all.address),
      birthdate: text(all.birthdate),
      gender: text(all.gender),
      claims: all,
    };
  } catch (error) {
    throw failure(error, 'exchange');
  }
}

/** Forgets cached discovery results (tests that restart a provider on the same address). */
export function forgetOidcDiscovery(): void {
  configurations.clear();
}
