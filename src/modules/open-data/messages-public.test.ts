import { test } from 'node:test';
import { assertCatalogueParity } from '../../../test/helpers/messages.ts';
import { messages } from './messages-public.ts';

test('the public catalogue pages have the same message keys and placeholders in ja, ja-easy and en, none empty', () => {
  assertCatalogueParity(messages);
});
