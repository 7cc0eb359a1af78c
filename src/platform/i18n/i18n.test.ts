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

test('parameters are escaped in markup', () => {
  assert.match(th('ja', 'platform.serverErrorReference', { id: '<b>1</b>' }).toString(), /&lt;b&gt;1&lt;\/b&gt;/);
});

test('language comes from ?lang=, then the cookie, then Accept-Language, else Japanese', () => {
  assert.deepEqual(resolveLang({ query: { lang: 'en' }, cookie: 'lang=ja-easy' }), { lang: 'en', fromQuery: true });
  assert.deepEqual(resolveLang({ query: {}, cookie: 'a=1; lang=ja-easy' }), { lang: 'ja-easy', fromQuery: false });
  assert.deepEqual(resolveLang({ acceptLanguage: 'en-US,en;q=0.9' }), { lang: 'en', fromQuery: false });
  assert.deepEqual(resolveLang({ query: { lang: 'fr' }, acceptLanguage: 'fr' }), { lang: 'ja', fromQuery: false });
});
