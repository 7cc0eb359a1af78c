import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertCatalogueParity } from '../../../../test/helpers/messages.ts';
import { certificates } from '../use-cases/record-certificate.ts';
import { relationships } from '../use-cases/register-move-in.ts';
import { messages } from './messages.ts';
import { lifeEventKinds } from './record.ts';

test('ja, ja-easy and en have the same message keys and placeholders, none empty', () => {
  assertCatalogueParity(messages);
});

test('every kind of event, certificate, relationship and sex has its words on the pages', () => {
  for (const kind of lifeEventKinds) {
    assert.ok(messages.ja![`kind_${kind}`], kind);
    assert.ok(messages.ja![`dateOf_${kind}`], kind);
  }
  for (const c of Object.keys(certificates)) {
    assert.ok(messages.ja![`cert_${c}`], c);
    assert.ok(messages.ja![`certGrade_${c}`], c);
  }
  const relationshipWords = ['rel_head', 'rel_wife', 'rel_husband', 'rel_child', 'rel_father', 'rel_mother'];
  assert.deepEqual(
    relationshipWords.map((key) => messages.ja![key]),
    [...relationships],
    'the Japanese words are the register’s own 続柄',
  );
  assert.ok(messages.ja!.sex_1 && messages.ja!.sex_2);
});
