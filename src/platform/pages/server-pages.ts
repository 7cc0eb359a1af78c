// Wires the page layer into the HTTP server: error pages and static assets. (Placeholder until the layout lands.)
import { fileURLToPath } from 'node:url';
import type { ErrorPages } from '../http/server.ts';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main id="main"><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

export const errorPages: ErrorPages = {
  notFound: () => page('ページが見つかりません', '<p><a href="/">トップページへ</a></p>'),
  serverError: (_r, id) => page('システムエラーが発生しました', `<p>お問い合わせ番号: ${esc(id)}</p>`),
  error: (_r, _s, title, detail) => page(title, detail ? `<p>${esc(detail)}</p>` : ''),
};

export const assets = [{ prefix: '/assets/', root: fileURLToPath(new URL('./assets/', import.meta.url)) }];
