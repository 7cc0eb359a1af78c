import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertCatalogueParity } from '../../../../test/helpers/messages.ts';
import { channels, languages, topics } from '../delivery/segment.ts';
import { messages } from './staff-messages.ts';

test('ja, ja-easy and en have the same message keys and placeholders, none empty', () => {
  assertCatalogueParity(messages);
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
