import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertCatalogueParity } from '../../../../test/helpers/messages.ts';
import { channels, languages, topicLabels, topics } from '../delivery/segment.ts';
import { messages } from './resident-messages.ts';

test('ja, ja-easy and en have the same message keys and placeholders, none empty', () => {
  assertCatalogueParity(messages);
});

test('topics read on the settings page as staff choose them; every language and channel has a name', () => {
  for (const topic of topics) assert.equal(messages.ja![`topic_${topic}`], topicLabels[topic], topic);
  for (const language of languages) assert.ok(messages.ja![`lang_${language}`], language);
  for (const channel of channels) assert.ok(messages.ja![`what_${channel}`], channel);
});
