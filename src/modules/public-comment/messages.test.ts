import { test } from 'node:test';
import { assertCatalogueParity } from '../../../test/helpers/messages.ts';
import { messages } from './messages.ts';

test('ja, ja-easy and en have the same message keys and placeholders, none empty', () => {
  assertCatalogueParity(messages);
});
