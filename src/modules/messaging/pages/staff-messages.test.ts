import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertCatalogueParity } from '../../../../test/helpers/messages.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import { channels, languages, topics } from '../delivery/segment.ts';
import { topicKey } from './resident-messages.ts';
import { messages } from './staff-messages.ts';

test('ja, ja-easy and en have the same message keys and placeholders, none empty', () => {
  assertCatalogueParity(messages);
});

test('every topic, language and channel a segment can hold has a name on the pages', () => {
  // Topics are named by the residents' catalogue (topicKey): the same names on both sides.
  for (const topic of topics) assert.notEqual(t('ja', topicKey(topic)), topicKey(topic), topic);
  for (const key of [...languages.map((x) => `lang_${x}`), ...channels.map((x) => `channel_${x}`)]) {
    assert.ok(messages.ja![key], key);
  }
});
