import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../../modules/index.ts';
import '../pages/server-pages.ts';
import { langs, registeredCatalogues, resolveLang, t, th } from './i18n.ts';

test('every catalogue has the same keys in ja, ja-easy and en (platform and every module)', () => {
  const catalogues = registeredCatalogues();
  assert.ok(catalogues.has('platform'));
  for (const [namespace, messages] of catalogues) {
    const keys = Object.keys(messages.ja).sort();
    for (const lang of langs) {
      assert.deepEqual(Object.keys(messages[lang]).sort(), keys, `${namespace}: ${lang} keys differ from ja`);
      for (const key of keys)
        assert.ok(messages[lang][key]!.trim().length > 0, `${namespace}.${key} (${lang}) is empty`);
    }
  }
});

test('the same {placeholders} in ja, ja-easy and en; only well-formed furigana', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [namespace, messages] of registeredCatalogues()) {
    for (const key of Object.keys(messages.ja)) {
      for (const lang of langs) {
        const text = messages[lang][key]!;
        const where = `${namespace}.${key} (${lang})`;
        const expected = placeholders(messages.ja[key]!);
        assert.deepEqual(placeholders(text), expected, `${where}: placeholders differ from ja`);
        const leftover = text.replace(/\{[^{}|]+\|[^{}|]+\}/g, '').replace(/\{\w+\}/g, '');
        assert.doesNotMatch(leftover, /[{}|]/, `${where}: a stray { } or | (furigana is {漢字|かんじ})`);
      }
    }
  }
});

test('a missing key throws instead of showing nothing', () => {
  assert.throws(() => t('ja', 'platform.noSuchKey'), /message key missing: platform\.noSuchKey/);
  assert.throws(() => t('en', 'nowhere.key'), /message key missing/);
});

test('やさしい日本語 furigana becomes ruby in markup and plain base text elsewhere', () => {
  assert.equal(
    th('ja-easy', 'platform.skipLink').toString(),
    '<ruby>本文<rp>(</rp><rt>ほんぶん</rt><rp>)</rp></ruby>へ<ruby>行<rp>(</rp><rt>い</rt><rp>)</rp></ruby>く',
  );
  assert.equal(t('ja-easy', 'platform.skipLink'), '本文へ行く');
});

test('a missing parameter throws instead of showing {id} to a resident', () => {
  assert.throws(() => t('ja', 'platform.serverErrorReference'), /message parameter missing: \{id\}/);
  assert.throws(() => th('en', 'platform.serverErrorReference', { other: 1 }), /\{id\}/);
  assert.match(t('en', 'platform.serverErrorReference', { id: 'a{b}' }), /: a\{b\}$/);
});

test('parameters are escaped in markup', () => {
  assert.match(th('ja', 'platform.serverErrorReference', { id: '<b>1</b>' }).toString(), /&lt;b&gt;1&lt;\/b&gt;/);
});

test('language comes from ?lang=, then the cookie, then Accept-Language, else Japanese', () => {
  assert.deepEqual(resolveLang({ query: { lang: 'en' }, cookie: 'lang=ja-easy' }), { lang: 'en', fromQuery: true });
  assert.deepEqual(resolveLang({ query: {}, cookie: 'a=1; lang=ja-easy' }), { lang: 'ja-easy', fromQuery: false });
  assert.deepEqual(resolveLang({ acceptLanguage: 'en-US,en;q=0.9' }), { lang: 'en', fromQuery: false });
  assert.deepEqual(resolveLang({ query: { lang: 'fr' }, acceptLanguage: 'fr' }), { lang: 'ja', fromQuery: false });
});

test('Accept-Language: the best q-value wins between Japanese and English; やさしい日本語 only by choice', () => {
  const from = (acceptLanguage: string) => resolveLang({ acceptLanguage }).lang;
  assert.equal(from('en;q=0.5, ja'), 'ja');
  assert.equal(from('fr-FR, en-GB;q=0.8, ja;q=0.7'), 'en');
  assert.equal(from('fr, de;q=0.9'), 'ja');
  assert.equal(from('ja-JP, en;q=0.9'), 'ja');
  assert.equal(from('en, ja'), 'en');
  assert.equal(from('en;q=0, ja;q=0.1'), 'ja');
  assert.equal(from('english'), 'ja');
  assert.equal(from(''), 'ja');
});
