import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channels, languages, topics } from '../delivery/segment.ts';
import { messages } from './staff-messages.ts';

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

test('every topic, language and channel a segment can hold has a name on the pages', () => {
  for (const key of [
    ...topics.map((x) => `topic_${x}`),
    ...languages.map((x) => `lang_${x}`),
    ...channels.map((x) => `channel_${x}`),
  ]) {
    assert.ok(messages.ja![key], key);
  }
});
