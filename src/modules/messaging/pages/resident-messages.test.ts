import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channels, languages, topicLabels, topics } from '../delivery/segment.ts';
import { messages } from './resident-messages.ts';

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

test('topics read on the settings page as staff choose them; every language and channel has a name', () => {
  for (const topic of topics) assert.equal(messages.ja![`topic_${topic}`], topicLabels[topic], topic);
  for (const language of languages) assert.ok(messages.ja![`lang_${language}`], language);
  for (const channel of channels) assert.ok(messages.ja![`what_${channel}`], channel);
});
