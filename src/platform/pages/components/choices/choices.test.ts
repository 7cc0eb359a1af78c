import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choices, examples } from './choices.ts';

test('choices: a fieldset with a legend, the first input carries the id, chosen ones are checked', () => {
  const out = String(choices(examples.radios!));
  assert.match(out, /<fieldset[^>]*>\s*<legend/);
  assert.match(out, /type="radio" id="channel" name="channel" value="post" checked/);
  assert.match(out, /id="channel-2" name="channel" value="fax">/);
});

test('choices: an error describes the whole group', () => {
  const out = String(choices(examples['with error']!));
  assert.match(out, /<fieldset class="form-field__fieldset" aria-describedby="class-code-error">/);
});
