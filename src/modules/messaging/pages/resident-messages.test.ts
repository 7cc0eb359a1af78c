import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertCatalogueParity } from '../../../../test/helpers/messages.ts';
import { channels, languages, topics } from '../delivery/segment.ts';
import { messages } from './resident-messages.ts';

test('ja, ja-easy and en have the same message keys and placeholders, none empty', () => {
  assertCatalogueParity(messages);
});

test('every topic, language and channel has a name (one name per topic, for residents and staff alike)', () => {
  for (const lang of languages) for (const topic of topics) assert.ok(messages[lang]![`topic_${topic}`], topic);
  for (const language of languages) assert.ok(messages.ja![`lang_${language}`], language);
  for (const channel of channels) assert.ok(messages.ja![`what_${channel}`], channel);
});
