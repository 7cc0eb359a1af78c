import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import type { Lang } from '../i18n/i18n.ts';
import { errorPages } from './server-pages.ts';

const request = (lang: Lang) =>
  ({
    lang,
    url: '/no-such-page',
    tenant: { id: 'kawasaki', name: '川崎市', nameEn: 'Kawasaki City' },
  }) as never as FastifyRequest;

test('404: "ページが見つかりません" in plain words, with a way home, in each language', () => {
  const ja = errorPages.notFound(request('ja'));
  assert.match(ja, /<title>ページが見つかりません \| 川崎市 デジタル市役所<\/title>/);
  assert.match(ja, /<h1>ページが見つかりません<\/h1>/);
  assert.match(ja, /<a href="\/">トップページへ戻る<\/a>/);
  assert.match(errorPages.notFound(request('en')), /<html lang="en">[\s\S]*<h1>Page not found<\/h1>/);
  assert.match(errorPages.notFound(request('ja-easy')), /<h1>ページが ありません<\/h1>/);
});

test('500: "システムエラーが発生しました" with the request id to quote to the city, escaped', () => {
  const ja = errorPages.serverError(request('ja'), 'req-1a2b');
  assert.match(ja, /<h1>システムエラーが発生しました<\/h1>/);
  assert.match(ja, /次の番号をお伝えください: req-1a2b/);
  assert.match(errorPages.serverError(request('en'), 'req-1a2b'), /please quote this number: req-1a2b/);
  assert.match(errorPages.serverError(request('ja-easy'), '<b>'), /<rt>ばんごう<\/rt>[\s\S]*: &lt;b&gt;/);
});
