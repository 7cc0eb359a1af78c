// Cookies without a plugin: the app sets a handful, always with the same safe attributes.
import type { FastifyReply, FastifyRequest } from 'fastify';

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!(name in cookies)) {
      try {
        cookies[name] = decodeURIComponent(value);
      } catch {
        cookies[name] = value;
      }
    }
  }
  return cookies;
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  return parseCookies(request.headers.cookie)[name];
}

// Browsers keep Secure cookies on https and on http://localhost; plain http to an IP address is a
// developer's or test's loopback, where a Secure cookie would be dropped and nobody could sign in.
function secure(request: FastifyRequest): boolean {
  return request.protocol === 'https' || !/^(127\.|\[::1\]|::1)/.test(request.hostname);
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  sameSite?: 'Lax' | 'Strict';
  path?: string;
}

export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  options: CookieOptions = {},
): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/'}`, 'HttpOnly'];
  parts.push(`SameSite=${options.sameSite ?? 'Lax'}`);
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (secure(request)) parts.push('Secure');
  reply.header('set-cookie', parts.join('; '));
}

export function clearCookie(request: FastifyRequest, reply: FastifyReply, name: string, path = '/'): void {
  setCookie(request, reply, name, '', { maxAgeSeconds: 0, path });
}
