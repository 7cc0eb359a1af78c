// A local OpenID Connect provider standing in for the Digital Agency's authentication service (the
// oidc-provider package): real discovery, authorization code + PKCE (required), signed ID tokens,
// UserInfo, the 基本4情報 released by the scopes name / address / birthdate / gender. Its own login page
// (served here rather than oidc-provider's devInteractions, whose page loads web fonts from the internet)
// has a labelled field 利用者ID (`login`) for the account's `sub`, a サインイン button and a 中止する link
// (error=access_denied), so a browser test signs in by typing the `sub`; signInThroughStandIn and
// cancelAtStandIn do the same over plain HTTP.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface StandInAccount {
  sub: string;
  name: string;
  address: string;
  /** YYYY-MM-DD */
  birthdate: string;
  /** 'male' | 'female' as OpenID Connect spells it; other values pass through unchanged. */
  gender: string;
}

export interface OidcStandIn {
  /** http://127.0.0.1:PORT, the issuer identifier and discovery base. */
  issuer: string;
  /** `METHOD /path` of every request the provider served, oldest first (e.g. to see UserInfo calls). */
  requests: string[];
  close(): Promise<void>;
}

export async function startOidcStandIn(options: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts: StandInAccount[];
  /** Put the granted claims in the ID token too, so the relying party needs no UserInfo call. */
  claimsInIdToken?: boolean;
}): Promise<OidcStandIn> {
  // Listen first on a port the system picks (no window for another process to take it), then build the
  // provider, whose issuer must name that port; nothing can call before the handler is attached.
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));
  const scopes = 'openid name address birthdate gender';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'stand-in', use: 'sig', alg: 'RS256' }] },
    scopes: scopes.split(' '),
    claims: { openid: ['sub'], name: ['name'], address: ['address'], birthdate: ['birthdate'], gender: ['gender'] },
    conformIdTokenClaims: !options.claimsInIdToken,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            name: account.name,
            address: { formatted: account.address },
            birthdate: account.birthdate,
            gender: account.gender,
          };
        },
      };
    },
    // Consent is the real service's business; the stand-in grants what the client asked for.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope(scopes);
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  const requests: string[] = [];
  const handle = provider.callback();
  server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    requests.push(`${req.method} ${path}`);
    const interaction = /^\/interaction\/([\w-]+)(\/abort)?$/.exec(path);
    if (!interaction) return handle(req, res);
    interact(provider, accounts, req, res, interaction[2] !== undefined).catch((error: Error) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(`stand-in: ${error.message}`);
    });
  });
  return {
    issuer,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function loginPage(uid: string, error?: string): string {
  return `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>本人確認（テスト用）</title></head>
<body><main>
<h1>本人確認（テスト用の認証サービス）</h1>
${error ? `<p role="alert" id="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}">
  <label for="login">利用者ID</label>
  <input id="login" name="login" type="text" required autocomplete="off"${error ? ' aria-invalid="true" aria-describedby="error"' : ''}>
  <button type="submit">サインイン</button>
</form>
<p><a href="/interaction/${uid}/abort">中止する</a></p>
</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The login step: the page, its submission (any known `sub`, no password), and Cancel. */
async function interact(
  provider: Provider,
  accounts: Map<string, StandInAccount>,
  req: IncomingMessage,
  res: ServerResponse,
  abort: boolean,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (abort) {
    const result = { error: 'access_denied', error_description: 'End-User aborted interaction' };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name !== 'login') throw new Error(`prompt ${details.prompt.name} is not supported`);
  if (req.method === 'POST') {
    const login = (await readForm(req)).get('login')?.trim() ?? '';
    if (accounts.has(login)) {
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
    }
    res.statusCode = 400;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(loginPage(details.uid, `利用者ID「${login}」は登録されていません。`));
    return;
  }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(loginPage(details.uid));
}

/**
 * Walks the provider's pages over HTTP as a browser would (cookies, redirects, the login form), signing
 * in as `sub`; returns the URL the provider finally sends the browser to, outside the provider: the
 * relying party's callback with code and state (or error).
 */
export function signInThroughStandIn(authorizationUrl: URL, sub: string): Promise<URL> {
  return walk(authorizationUrl, { sub });
}

/** Like signInThroughStandIn, but presses the login page's Cancel: the callback gets error=access_denied. */
export function cancelAtStandIn(authorizationUrl: URL): Promise<URL> {
  return walk(authorizationUrl, { cancel: true });
}

async function walk(authorizationUrl: URL, action: { sub?: string; cancel?: boolean }): Promise<URL> {
  const provider = authorizationUrl.origin;
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 12; hop++) {
    if (url.origin !== provider) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    keep(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url);
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) throw new Error(`stand-in: ${response.status} at ${url}:\n${page.slice(0, 500)}`);
    if (action.cancel) {
      const abort = /<a href="([^"]*\/abort)"/.exec(page)?.[1];
      if (!abort) throw new Error(`stand-in: no Cancel link at ${url}`);
      url = new URL(abort.replaceAll('&amp;', '&'), url);
      continue;
    }
    const formAction = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!formAction) throw new Error(`stand-in: no form at ${url}:\n${page.slice(0, 500)}`);
    const form = new URLSearchParams({ login: action.sub ?? '' });
    const posted = await fetch(new URL(formAction, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    keep(posted);
    const next = posted.headers.get('location');
    if (!next)
      throw new Error(`stand-in: signing in as ${action.sub} answered ${posted.status}: ${await posted.text()}`);
    url = new URL(next, url);
  }
  throw new Error('stand-in: too many redirects');
}
