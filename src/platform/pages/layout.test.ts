import assert from 'node:assert/strict';
import { test } from 'node:test';
import { langs } from '../i18n/i18n.ts';
import { html } from './html.ts';
import { type PageContext, renderPage } from './layout.ts';
import './server-pages.ts';

const kawasaki = { name: '川崎市', nameEn: 'Kawasaki City' };
const ctx = (lang: PageContext['lang'], url = '/'): PageContext => ({ lang, url, tenant: kawasaki });
const page = (c: PageContext) =>
  renderPage(c, {
    title: '区役所と局の一覧',
    body: html`<h1>区役所と局の一覧</h1>`,
    breadcrumbs: [{ text: 'トップページ', href: '/' }],
  });

test('a full document: lang, charset, viewport, "<page> | <city> <product>" title, stylesheets', () => {
  const out = page(ctx('ja'));
  assert.match(out, /^<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">/);
  assert.match(out, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.match(out, /<title>区役所と局の一覧 \| 川崎市 デジタル市役所<\/title>/);
  assert.match(out, /<link rel="stylesheet" href="\/assets\/dads\/tokens.css">/);
  assert.match(out, /<link rel="stylesheet" href="\/assets\/app.css">/);
  assert.match(page(ctx('en')), /<html lang="en">[\s\S]*<title>区役所と局の一覧 \| Kawasaki City Digital City Hall</);
  assert.match(page(ctx('ja-easy')), /<html lang="ja">/);
  const noTenant = renderPage({ lang: 'ja', url: '/', tenant: undefined }, { title: 'x', body: html`` });
  assert.match(noTenant, /<title>x \| デジタル市役所<\/title>/);
});

test('the skip link is the first focusable element and leads to <main id="main">', () => {
  for (const lang of langs) {
    const out = page(ctx(lang));
    const body = out.slice(out.indexOf('<body>'));
    const first = /<(a|button|input|select|textarea)\b[^>]*>/.exec(body)?.[0];
    assert.equal(first, '<a class="skip-link" href="#main">', lang);
    assert.equal(out.match(/<main id="main"[^>]*>/g)?.length, 1, lang);
  }
  assert.match(page(ctx('ja')), /href="#main">本文へ移動<\/a>/);
});

test('landmarks: one header, main and footer; every nav has its own label; one h1; no duplicate ids', () => {
  for (const lang of langs) {
    const out = page(ctx(lang));
    for (const tag of ['header', 'main', 'footer'])
      assert.equal(out.match(new RegExp(`<${tag}[ >]`, 'g'))?.length, 1, `${lang}: one <${tag}>`);
    const navLabels = [...out.matchAll(/<nav [^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(navLabels.length, out.match(/<nav[ >]/g)?.length, `${lang}: a nav without aria-label`);
    assert.equal(new Set(navLabels).size, navLabels.length, `${lang}: two navs share a label`);
    assert.equal(out.match(/<h1[ >]/g)?.length, 1);
    const ids = [...out.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length);
  }
});

test('the language switch links to the same page in each language and marks the current one', () => {
  const out = page(ctx('ja-easy', '/organisation?ward=141313&lang=en'));
  const links = [...out.matchAll(/<a href="([^"]+)" lang="(ja|en)"( aria-current="true")?>([^<]+)<\/a>/g)];
  assert.deepEqual(
    links.map((m) => [m[1], m[2], Boolean(m[3]), m[4]]),
    [
      ['/organisation?ward=141313&amp;lang=ja', 'ja', false, '日本語'],
      ['/organisation?ward=141313&amp;lang=ja-easy', 'ja', true, 'やさしい日本語'],
      ['/organisation?ward=141313&amp;lang=en', 'en', false, 'English'],
    ],
  );
});

test('header: city and product; footer: accessibility policy; breadcrumbs end at this page', () => {
  const out = page(ctx('ja'));
  assert.match(out, /<span class="site-header__city">川崎市<\/span> <span class="site-header__product">デジタル市役所/);
  assert.match(out, /<a href="\/accessibility">ウェブアクセシビリティ方針<\/a>/);
  assert.match(out, /<li><a href="\/">トップページ<\/a><\/li><li aria-current="page">区役所と局の一覧<\/li>/);
  assert.doesNotMatch(renderPage(ctx('ja'), { title: 'x', body: html`` }), /class="breadcrumbs"/);
});

test('nothing inline (the CSP allows none) and every interpolated text is escaped', () => {
  const evil = '"><script>alert(1)</script>';
  const out = renderPage(
    { lang: 'ja', url: `/?q=${encodeURIComponent(evil)}`, tenant: { name: evil, nameEn: evil } },
    { title: evil, body: html`<p>${evil}</p>`, breadcrumbs: [{ text: evil, href: '/' }] },
  );
  assert.doesNotMatch(out, /<script|\sstyle=|\son[a-z]+=/i);
  assert.ok(!out.includes(evil));
});
