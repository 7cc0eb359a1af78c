import assert from 'node:assert/strict';
import { test } from 'node:test';
import { examples, textInput } from './text-input.ts';

test('every example has a label bound to its input', () => {
  for (const [name, params] of Object.entries(examples)) {
    const out = textInput(params).toString();
    assert.match(out, new RegExp(`<label class="form-field__label" for="${params.id}">`), name);
    assert.match(out, new RegExp(`<input class="form-field__input" id="${params.id}"`), name);
  }
});

test('a hint is described; an error is described and marks the input invalid', () => {
  assert.match(textInput(examples['with hint']!).toString(), /aria-describedby="postal-code-hint"/);
  assert.doesNotMatch(textInput(examples['with hint']!).toString(), /aria-invalid/);
  const error = textInput(examples['with error']!).toString();
  assert.match(error, /aria-describedby="name-kana-error"/);
  assert.match(error, /aria-invalid="true"/);
  assert.match(error, /<p class="form-field__error" id="name-kana-error">全角カタカナで入力してください<\/p>/);
  assert.match(error, /value="かわさき"/);
});
