// A local OpenID Connect provider standing in for the Digital Agency's authentication service (the
// oidc-provider package): real discovery, authorization code + PKCE, ID tokens, UserInfo. Its login page
// takes an account id, so a test can sign in over plain HTTP or in a browser.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface StandInAccount {
  sub: string;
  name: string;
  address: string;
  birthdate: string;
  gender: 'male' | 'female';
}

export interface OidcStandIn {
  issuer: string;
  close(): Promise<void>;
}

export async function startOidcStandIn(options: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts: StandInAccount[];
}): Promise<OidcStandIn> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));
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
    scopes: ['openid', 'name', 'address', 'birthdate', 'gender'],
    claims: { openid: ['sub'], name: ['name'], address: ['address'], birthdate: ['birthdate'], gender: ['gender'] },
    pkce: { required: () => true },
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
      grant.addOIDCScope('openid name address birthdate gender');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Walks the provider's login over HTTP as a browser would (cookies, redirects), signing in as `sub`;
 * returns the URL the provider finally redirects to (the relying party's callback with code and state).
 */
export async function signInThroughStandIn(authorizationUrl: URL, sub: string, callbackPrefix: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorizationUrl.toString();
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(callbackPrefix)) return new URL(url);
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: header() } });
    keep(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).toString();
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`stand-in: no form at ${url}:\n${page.slice(0, 500)}`);
    const form = new URLSearchParams();
    for (const m of page.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      form.set(m[1]!, m[2]!);
    if (/name="login"/.test(page)) {
      form.set('login', sub);
      form.set('password', 'any');
    }
    const posted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    keep(posted);
    url = new URL(posted.headers.get('location') ?? url, url).toString();
  }
  throw new Error('stand-in: too many redirects');
}
