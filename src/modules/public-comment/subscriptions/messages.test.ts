// The three catalogues of the subscription pages have the same keys, none empty, and the same placeholders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages } from './messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('ja, ja-easy and en have the same message keys, none empty, with the same placeholders', () => {
  const keys = Object.keys(messages.ja).sort();
  for (const lang of ['ja-easy', 'en'] as const) {
    assert.deepEqual(Object.keys(messages[lang]).sort(), keys, lang);
    for (const [k, v] of Object.entries(messages[lang])) {
      assert.ok(v.trim(), `${lang}.${k}`);
      assert.deepEqual(placeholders(v), placeholders(messages.ja[k]!), `${lang}.${k}`);
    }
  }
});

test('やさしい日本語 furigana is well formed: every {漢字|かんじ} has both parts, no stray braces', () => {
  for (const [k, v] of Object.entries(messages['ja-easy'])) {
    const rest = v.replace(/\{[^{}|]+\|[^{}|]+\}/g, '').replace(/\{\w+\}/g, '');
    assert.doesNotMatch(rest, /[{}|]/, k);
  }
});
