import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../test/helpers/app.ts';

let city: TestCityHall;
before(async () => {
  city = await startTestCityHall();
});
after(() => city.close());

test('the home page is the resident portal of the tenant, in Japanese by default', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
  assert.match(res.body, /<html lang="ja">/);
  assert.match(res.body, /<a class="skip-link" href="#main">本文へ移動<\/a>/);
  assert.match(res.body, /<h1>川崎市へようこそ<\/h1>/);
  assert.match(res.body, /href="\/accessibility"/);
});

test('every link on the home page leads to a page that works', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/' });
  const hrefs = [...res.body.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  assert.ok(hrefs.length >= 5);
  for (const href of new Set(hrefs)) {
    const target = await city.app.inject({ method: 'GET', url: href });
    // A page for signed-in people sends a visitor to sign in and back.
    const toSignIn = target.statusCode === 303 && String(target.headers.location).startsWith('/sign-in?next=');
    assert.ok([200, 302].includes(target.statusCode) || toSignIn, `${href} answered ${target.statusCode}`);
  }
});

test('?lang=en switches to English and remembers it in a cookie', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/?lang=en' });
  assert.match(res.body, /<html lang="en">/);
  assert.match(res.body, /<h1>Welcome to Kawasaki City<\/h1>/);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  assert.ok(
    cookies.some((c) => /^lang=en; Path=\/; Max-Age=31536000; SameSite=Lax/.test(c)),
    cookies.join('\n'),
  );
  const next = await city.app.inject({ method: 'GET', url: '/accessibility', headers: { cookie: 'lang=en' } });
  assert.match(next.body, /<h1>Web accessibility policy<\/h1>/);
});

test('やさしい日本語 shows furigana', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/accessibility?lang=ja-easy' });
  assert.match(res.body, /<html lang="ja">/);
  assert.match(res.body, /<ruby>使<rp>\(<\/rp><rt>つか<\/rt><rp>\)<\/rp><\/ruby>える/);
  assert.match(res.body, /aria-current="true">やさしい日本語<\/a>/);
});

test('the accessibility policy names its target level', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/accessibility' });
  assert.match(res.body, /JIS X 8341-3:2016 の適合レベル AA/);
  assert.match(res.body, /WCAG 2\.2/);
});
