import assert from 'node:assert/strict';
import { test } from 'node:test';
import { raw } from '../../html.ts';
import { examples, pageHeading } from './page-heading.ts';

test('every example is exactly one h1; a caption is part of the heading, the lead follows it', () => {
  for (const [name, params] of Object.entries(examples)) {
    assert.equal(
      pageHeading(params)
        .toString()
        .match(/<h1[ >]/g)?.length,
      1,
      name,
    );
  }
  assert.equal(pageHeading(examples.plain!).toString(), '<h1>区役所と局の一覧</h1>');
  assert.equal(
    pageHeading(examples['with caption and lead']!).toString(),
    '<h1><span class="page-heading__caption">中原区役所</span>転入届</h1>\n' +
      '<p class="lead">川崎市の外から中原区に引っ越してきた方の手続です。</p>',
  );
});

test('text is escaped; message markup (furigana) is kept', () => {
  assert.equal(pageHeading({ text: '<i>x</i>' }).toString(), '<h1>&lt;i&gt;x&lt;/i&gt;</h1>');
  const ruby = raw('<ruby>市役所<rp>(</rp><rt>しやくしょ</rt><rp>)</rp></ruby>');
  assert.match(pageHeading({ text: ruby }).toString(), /^<h1><ruby>市役所/);
});
