import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages } from './messages.ts';

test('ja, ja-easy and en have the same message keys and placeholders, none empty', () => {
  const keys = Object.keys(messages.ja!).sort();
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const lang of ['ja-easy', 'en'] as const) {
    assert.deepEqual(Object.keys(messages[lang]!).sort(), keys, lang);
    for (const [k, v] of Object.entries(messages[lang]!)) {
      assert.ok(v.trim(), `${lang}.${k}`);
      assert.deepEqual(placeholders(v), placeholders(messages.ja![k]!), `${lang}.${k} placeholders`);
    }
  }
});
