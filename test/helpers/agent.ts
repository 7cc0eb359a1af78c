// A cookie-keeping client over app.inject, for page tests that post forms like a browser without JS:
// it keeps cookies, and reads the CSRF token from the last page it fetched.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class Agent {
  readonly cookies = new Map<string, string>();
  lastPage = '';
  private readonly app: FastifyInstance;
  private readonly headers: Record<string, string>;

  /** The client's address as the server sees it (network zones are decided from it). */
  remoteAddress = '127.0.0.1';

  constructor(app: FastifyInstance, headers: Record<string, string> = {}) {
    this.app = app;
    this.headers = headers;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: LightMyRequestResponse): void {
    for (const c of response.cookies) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.remoteAddress,
      headers: { accept: 'text/html', ...this.headers, cookie: this.cookieHeader(), ...headers },
    });
    this.keep(response);
    if ((response.headers['content-type'] ?? '').toString().startsWith('text/html')) this.lastPage = response.body;
    return response;
  }

  csrf(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastPage);
    if (!match) throw new Error('no CSRF token on the last page');
    return match[1]!;
  }

  /** Posts a form with the CSRF token of the last page (unless `_csrf` is given). */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const params = new URLSearchParams();
    if (!('_csrf' in form)) params.append('_csrf', this.csrf());
    // Repeated names (checkboxes) are sent once per value, as a browser does.
    for (const [k, v] of Object.entries(form)) for (const one of ([] as string[]).concat(v)) params.append(k, one);
    const body = params.toString();
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      payload: body,
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        ...this.headers,
        cookie: this.cookieHeader(),
        ...headers,
      },
    });
    this.keep(response);
    if ((response.headers['content-type'] ?? '').toString().startsWith('text/html')) this.lastPage = response.body;
    return response;
  }

  /** Posts a multipart form (file uploads) with the CSRF token of the last page, as a browser does. */
  async postMultipart(
    url: string,
    form: Record<string, string | string[]>,
    files: { name: string; filename: string; type: string; data: Buffer }[],
  ): Promise<LightMyRequestResponse> {
    const boundary = `----cityhall${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    const field = (name: string, value: string) =>
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    field('_csrf', this.csrf());
    for (const [k, v] of Object.entries(form)) for (const one of ([] as string[]).concat(v)) field(k, one);
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\ncontent-type: ${f.type}\r\n\r\n`,
        ),
        f.data,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      payload: Buffer.concat(parts),
      headers: {
        accept: 'text/html',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...this.headers,
        cookie: this.cookieHeader(),
      },
    });
    this.keep(response);
    if ((response.headers['content-type'] ?? '').toString().startsWith('text/html')) this.lastPage = response.body;
    return response;
  }

  async json(method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      ...(payload ? { payload } : {}),
      headers: { accept: 'application/json', ...this.headers, cookie: this.cookieHeader(), ...headers },
    });
    this.keep(response);
    return response;
  }
}

/** Polls until `find` returns something (e-mails arrive through a job and SMTP). */
export async function eventually<T>(find: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
