// The parity every message catalogue keeps: ja-easy and en have exactly ja's keys, with the same
// placeholders, and no text is empty.
import assert from 'node:assert/strict';
import type { Messages } from '../../src/platform/i18n/i18n.ts';

export function assertCatalogueParity(messages: Messages): void {
  const keys = Object.keys(messages.ja!).sort();
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const lang of ['ja-easy', 'en'] as const) {
    assert.deepEqual(Object.keys(messages[lang]!).sort(), keys, lang);
    for (const [k, v] of Object.entries(messages[lang]!)) {
      assert.ok(v.trim(), `${lang}.${k}`);
      assert.deepEqual(placeholders(v), placeholders(messages.ja![k]!), `${lang}.${k} placeholders`);
    }
  }
}
